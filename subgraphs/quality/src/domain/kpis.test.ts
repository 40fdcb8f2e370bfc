import { describe, expect, it } from 'vitest';
import { exceptionKpis } from './kpis';

describe('exceptionKpis', () => {
  it('fills missing severities with zero, most severe first, and totals them', () => {
    const kpis = exceptionKpis(
      [
        { severity: 'LOW', count: 2 },
        { severity: 'CRITICAL', count: 3 },
      ],
      1,
    );
    expect(kpis.openBySeverity).toEqual([
      { severity: 'CRITICAL', count: 3 },
      { severity: 'HIGH', count: 0 },
      { severity: 'MEDIUM', count: 0 },
      { severity: 'LOW', count: 2 },
    ]);
    expect(kpis.open).toBe(5);
    expect(kpis.breachedSla).toBe(1);
  });
});
