import { describe, expect, it } from 'vitest';
import { fieldLabel, fillThroughput, rejectRate, throughputTotals } from './ingestion';

const row = (minute: string, accepted: number, rejected = 0) => ({
  minute,
  accepted,
  duplicates: 0,
  rejected,
  warned: 0,
});

describe('fillThroughput', () => {
  const now = Date.parse('2026-11-27T14:05:42.500Z');

  it('without rows, has one zero entry per minute, oldest first, ending with the current minute', () => {
    const series = fillThroughput([], now, 60);
    expect(series).toHaveLength(60);
    expect(series[0]?.minute).toBe('2026-11-27T13:06:00.000Z');
    expect(series.at(-1)?.minute).toBe('2026-11-27T14:05:00.000Z');
    expect(series.every((entry) => entry.accepted === 0 && entry.rejected === 0)).toBe(true);
  });

  it("ends with the API's newest minute, not the browser's clock", () => {
    const series = fillThroughput([row('2026-11-27T14:07:00Z', 4)], now, 3);
    expect(series.map((entry) => entry.minute)).toEqual([
      '2026-11-27T14:05:00.000Z',
      '2026-11-27T14:06:00.000Z',
      '2026-11-27T14:07:00.000Z',
    ]);
    expect(series.at(-1)?.accepted).toBe(4);
  });

  it('puts each row in its minute whatever its timestamp precision, fills gaps and drops rows outside the window', () => {
    const series = fillThroughput(
      [
        row('2026-11-27T14:05:00Z', 1),
        row('2026-11-27T14:04:00.000Z', 12, 3),
        row('2026-11-27T13:10:00.000+00:00', 5),
        row('2026-11-27T12:00:00Z', 99),
      ],
      now,
      60,
    );
    expect(series).toHaveLength(60);
    expect(series.find((entry) => entry.minute === '2026-11-27T14:04:00.000Z')).toMatchObject({
      accepted: 12,
      rejected: 3,
    });
    expect(series.find((entry) => entry.minute === '2026-11-27T13:10:00.000Z')?.accepted).toBe(5);
    expect(series.find((entry) => entry.minute === '2026-11-27T13:11:00.000Z')?.accepted).toBe(0);
    expect(throughputTotals(series).accepted).toBe(18);
  });
});

describe('throughputTotals and rejectRate', () => {
  it('adds every count up', () => {
    const totals = throughputTotals([
      { minute: 'a', accepted: 8, duplicates: 1, rejected: 1, warned: 2 },
      { minute: 'b', accepted: 2, duplicates: 3, rejected: 5, warned: 0 },
    ]);
    expect(totals).toEqual({ accepted: 10, duplicates: 4, rejected: 6, warned: 2 });
    expect(rejectRate(totals)).toBe(0.3);
  });

  it('has no reject rate when nothing arrived', () => {
    expect(rejectRate({ accepted: 0, duplicates: 0, rejected: 0, warned: 0 })).toBeNull();
  });
});

describe('fieldLabel', () => {
  it('names the whole record when the issue has no field', () => {
    expect(fieldLabel('')).toBe('(whole record)');
    expect(fieldLabel('measure.uom')).toBe('measure.uom');
  });
});
