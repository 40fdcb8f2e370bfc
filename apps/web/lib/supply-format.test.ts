import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDaysOfCover,
  formatMoney,
  formatRate,
  formatRelativeChange,
  formatUplift,
  formatWeekday,
  utcToday,
} from './supply-format';

describe('formatMoney', () => {
  it('shows cents under $100 and whole dollars from $100 up', () => {
    expect(formatMoney(1250)).toBe('$12.50');
    expect(formatMoney(123_456)).toBe('$1,235');
    expect(formatMoney(-99_99)).toBe('-$99.99');
  });
});

describe('formatDaysOfCover', () => {
  it('writes days with one decimal and says when there is no forecast', () => {
    expect(formatDaysOfCover(12.345)).toBe('12.3 days');
    expect(formatDaysOfCover(1)).toBe('1.0 day');
    expect(formatDaysOfCover(null)).toBe('no forecast');
  });
});

describe('uplifts and changes', () => {
  it('signs uplifts as whole percentages', () => {
    expect(formatUplift(0.18)).toBe('+18%');
    expect(formatUplift(-0.05)).toBe('-5%');
    expect(formatUplift(0)).toBe('0%');
  });

  it('signs relative changes with one decimal', () => {
    expect(formatRelativeChange(-0.2534)).toBe('-25.3%');
    expect(formatRelativeChange(0.1)).toBe('+10.0%');
  });

  it('writes forecast rates with one decimal and the unit', () => {
    expect(formatRate(14.25, 'EA')).toBe('14.3 EA');
  });
});

describe('calendar days', () => {
  it('adds days across month and year ends in UTC', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days between two days', () => {
    expect(daysBetween('2026-11-27', '2026-12-04')).toBe(7);
    expect(daysBetween('2026-12-04', '2026-11-27')).toBe(-7);
  });

  it('takes today in UTC, not the viewer zone', () => {
    expect(utcToday(Date.parse('2026-11-27T23:30:00-05:00'))).toBe('2026-11-28');
  });

  it('names the weekday of a UTC day', () => {
    expect(formatWeekday('2026-12-03')).toBe('Thu, Dec 3');
  });
});
