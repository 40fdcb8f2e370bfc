import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDay,
  formatDuration,
  formatMinute,
  formatPercent,
  formatQuantity,
  formatRelative,
} from './format';

describe('formatPercent', () => {
  it('shows a ratio as a percentage with one decimal', () => {
    expect(formatPercent(0.9734)).toBe('97.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(12345)).toBe('12,345');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');

  it('uses minutes under an hour and hours under two days', () => {
    expect(formatRelative('2026-11-27T12:25:00Z', now)).toBe('in 25 min.');
    expect(formatRelative('2026-11-27T09:00:00Z', now)).toBe('3 hr. ago');
  });

  it('switches to days beyond two days', () => {
    expect(formatRelative('2026-11-30T12:00:00Z', now)).toBe('in 3 days');
  });
});

describe('formatDay', () => {
  it('reads a UTC calendar day without shifting it into the local zone', () => {
    expect(formatDay('2026-11-03')).toBe('Nov 3');
  });
});

describe('formatMinute', () => {
  it('shows the local hour and minute on a 24-hour clock', () => {
    expect(formatMinute(new Date(2026, 10, 27, 14, 5, 30).toISOString())).toBe('14:05');
    expect(formatMinute(new Date(2026, 10, 27, 0, 7).toISOString())).toBe('00:07');
  });
});

describe('formatQuantity and formatChange', () => {
  it('writes a quantity with its unit', () => {
    expect(formatQuantity(1234, 'EA')).toBe('1,234 EA');
  });

  it('signs a change, except zero', () => {
    expect(formatChange(7)).toBe('+7');
    expect(formatChange(-1500)).toBe('-1,500');
    expect(formatChange(0)).toBe('0');
  });
});

describe('formatDuration', () => {
  it('uses milliseconds below a second, seconds below a minute, then minutes', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(2_340)).toBe('2.3 s');
    expect(formatDuration(95_000)).toBe('1.6 min');
  });
});
