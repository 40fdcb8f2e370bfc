import { describe, expect, it } from 'vitest';
import { dayWindow, fillRate, fillRateTrend, utcDay } from './kpis';

const now = new Date('2026-11-27T23:30:00Z');

describe('fillRate', () => {
  it('is shipped over ordered', () => {
    expect(fillRate({ ordered: 200, shipped: 150 })).toBe(0.75);
    expect(fillRate({ ordered: 10, shipped: 0 })).toBe(0);
  });

  it('is 1 when nothing was ordered and never exceeds 1', () => {
    expect(fillRate({ ordered: 0, shipped: 0 })).toBe(1);
    expect(fillRate({ ordered: 10, shipped: 12 })).toBe(1);
  });

  it('stays within 0..1 for any figures', () => {
    for (let ordered = 0; ordered < 50; ordered += 3) {
      for (let shipped = 0; shipped < 60; shipped += 7) {
        const rate = fillRate({ ordered, shipped });
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('dayWindow', () => {
  it('ends at today’s UTC midnight and spans the given number of days', () => {
    const { from, to } = dayWindow(now, 30);
    expect(to.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(from.toISOString()).toBe('2026-10-28T00:00:00.000Z');
    expect(utcDay(dayWindow(now, 1).from)).toBe('2026-11-26');
  });
});

describe('fillRateTrend', () => {
  it('gives every complete day of the window, oldest first, with no rate on days without orders', () => {
    const trend = fillRateTrend(
      [
        { day: new Date('2026-11-27'), ordered: 10, shipped: 1 },
        { day: new Date('2026-11-26'), ordered: 10, shipped: 9 },
        { day: new Date('2026-11-24'), ordered: 4, shipped: 2 },
      ],
      now,
      3,
    );
    expect(trend).toEqual([
      { day: '2026-11-24', ordered: 4, shipped: 2, fillRate: 0.5 },
      { day: '2026-11-25', ordered: 0, shipped: 0, fillRate: null },
      { day: '2026-11-26', ordered: 10, shipped: 9, fillRate: 0.9 },
    ]);
  });

  it('ignores rows outside the window', () => {
    const trend = fillRateTrend([{ day: new Date('2026-11-01'), ordered: 10, shipped: 0 }], now, 2);
    expect(trend.map((day) => day.ordered)).toEqual([0, 0]);
  });
});
