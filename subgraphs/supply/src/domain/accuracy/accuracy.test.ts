import { describe, expect, it } from 'vitest';
import { accuracyBySegment, classify, driftStatus, isDrifting, segmentOf, xyzClass } from './index';

describe('classify', () => {
  it('ranks by value into A (80 %), B (next 15 %) and C, and by variability into X, Y, Z', () => {
    const steady = (level: number) => new Array<number>(28).fill(level);
    const classes = classify([
      { key: 'top', demand: steady(80), unitCostCents: 100 },
      { key: 'mid', demand: steady(15), unitCostCents: 100 },
      { key: 'tail', demand: [0, 0, 0, 35, 0, 0, 0, 70, 0, 0, 0, 35, 0, 0], unitCostCents: 100 },
      { key: 'dead', demand: steady(0), unitCostCents: 100 },
    ]);
    expect(classes.get('top')).toBe('AX');
    expect(classes.get('mid')).toBe('BX');
    expect(classes.get('tail')).toBe('CZ');
    expect(classes.get('dead')).toBe('CZ');
  });

  it('weighs by value: few expensive units can outrank many cheap ones', () => {
    const classes = classify([
      { key: 'cheap', demand: [100, 100], unitCostCents: 1 },
      { key: 'dear', demand: [10, 10], unitCostCents: 1000 },
    ]);
    expect(classes.get('dear')?.[0]).toBe('A');
    expect(classes.get('cheap')?.[0]).toBe('C');
  });

  it('falls back to volume when a cost is missing', () => {
    const classes = classify([
      { key: 'cheap', demand: [100, 100], unitCostCents: 1 },
      { key: 'dear', demand: [10, 10], unitCostCents: 0 },
    ]);
    expect(classes.get('cheap')?.[0]).toBe('A');
  });

  it('puts a coefficient of variation up to 0.5 in X and above 1 in Z', () => {
    expect(xyzClass([10, 12, 8, 10])).toBe('X');
    expect(xyzClass([0, 20, 0, 20])).toBe('Y');
    expect(xyzClass([0, 0, 0, 40])).toBe('Z');
  });
});

describe('accuracyBySegment', () => {
  it('weighs accuracy and bias by volume, lists core and long tail with their targets first', () => {
    const rows = accuracyBySegment([
      { demandClass: 'AX', accuracy: 0.95, mase: 0.6, bias: 0.01, volume: 90 },
      { demandClass: 'BY', accuracy: 0.85, mase: 0.8, bias: -0.05, volume: 10 },
      { demandClass: 'CZ', accuracy: 0.5, mase: 1.2, bias: 0.2, volume: 1 },
    ]);
    expect(rows.map((row) => row.segment)).toEqual(['CORE', 'LONG_TAIL', 'AX', 'BY', 'CZ']);
    const core = rows[0]!;
    expect(core.skuCount).toBe(2);
    expect(core.accuracy).toBeCloseTo(0.94, 9);
    expect(core.bias).toBeCloseTo(0.004, 9);
    expect(core.mase).toBeCloseTo(0.7, 9);
    expect(core.target).toBe(0.9);
    expect(rows[1]).toMatchObject({ segment: 'LONG_TAIL', target: 0.75, accuracy: 0.5 });
    expect(rows[2]?.target).toBeNull();
    expect(segmentOf('CX')).toBe('LONG_TAIL');
  });
});

describe('drift', () => {
  it('is WAPE more than 12 % above the baseline', () => {
    expect(isDrifting(0.3, 0.25)).toBe(true);
    expect(isDrifting(0.27, 0.25)).toBe(false);
  });

  it('ignores a tiny absolute rise on a near-perfect baseline', () => {
    expect(isDrifting(0.015, 0.01)).toBe(false);
  });

  it('starts an episode once and ends it when WAPE comes back', () => {
    const baseline = 0.2;
    let drifted = false;
    const started: number[] = [];
    [0.2, 0.3, 0.35, 0.3, 0.21, 0.3].forEach((wape, day) => {
      const status = driftStatus(wape, baseline, drifted);
      if (status.episodeStarted) started.push(day);
      drifted = status.drifted;
    });
    expect(started).toEqual([1, 5]);
  });
});
