import { describe, expect, it } from 'vitest';
import { isSlaBreached, SLA_HOURS, slaDueAt } from './sla';

describe('exception SLA', () => {
  const raisedAt = new Date('2026-11-27T08:00:00Z');

  it('gives more severe exceptions less time', () => {
    const order = (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const).map((s) =>
      slaDueAt(s, raisedAt).getTime(),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(slaDueAt('CRITICAL', raisedAt).toISOString()).toBe('2026-11-27T12:00:00.000Z');
    expect(SLA_HOURS.MEDIUM).toBe(48);
  });

  it('is breached when open past its due time, or resolved late', () => {
    const due = slaDueAt('HIGH', raisedAt);
    expect(isSlaBreached({ slaDueAt: due, resolvedAt: null }, new Date('2026-11-28T07:59:00Z'))).toBe(false);
    expect(isSlaBreached({ slaDueAt: due, resolvedAt: null }, new Date('2026-11-28T08:01:00Z'))).toBe(true);
    expect(
      isSlaBreached({ slaDueAt: due, resolvedAt: new Date('2026-11-27T09:00:00Z') }, new Date('2026-12-30')),
    ).toBe(false);
  });
});
