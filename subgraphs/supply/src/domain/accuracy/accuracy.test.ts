import { describe, expect, it } from 'vitest';
import { addDays } from '../sensing';
import {
  accuracyBySegment,
  classify,
  coefficientOfVariation,
  driftStatus,
  isDrifting,
  realisedAccuracy,
  segmentOf,
  xyzClass,
} from './index';

/** The classification input of a daily demand series. */
function item(key: string, demand: number[], unitCostCents = 100) {
  const units = demand.reduce((sum, value) => sum + value, 0);
  const squares = demand.reduce((sum, value) => sum + value * value, 0);
  return { key, units, cv: coefficientOfVariation(units, squares, demand.length), unitCostCents };
}

describe('classify', () => {
  it('ranks by value into A (80 %), B (next 15 %) and C, and by variability into X, Y, Z', () => {
    const steady = (level: number) => new Array<number>(28).fill(level);
    const classes = classify([
      item('top', steady(80)),
      item('mid', steady(15)),
      item('tail', [0, 0, 0, 35, 0, 0, 0, 70, 0, 0, 0, 35, 0, 0]),
      item('dead', steady(0)),
    ]);
    expect(classes.get('top')).toBe('AX');
    expect(classes.get('mid')).toBe('BX');
    expect(classes.get('tail')).toBe('CZ');
    expect(classes.get('dead')).toBe('CZ');
  });

  it('weighs by value: few expensive units can outrank many cheap ones', () => {
    const classes = classify([item('cheap', [100, 100], 1), item('dear', [10, 10], 1000)]);
    expect(classes.get('dear')?.[0]).toBe('A');
    expect(classes.get('cheap')?.[0]).toBe('C');
  });

  it('falls back to volume when a cost is missing', () => {
    const classes = classify([item('cheap', [100, 100], 1), item('dear', [10, 10], 0)]);
    expect(classes.get('cheap')?.[0]).toBe('A');
  });

  it('puts a coefficient of variation up to 0.5 in X and above 1 in Z', () => {
    expect(xyzClass(item('x', [10, 12, 8, 10]).cv)).toBe('X');
    expect(xyzClass(item('y', [0, 20, 0, 20]).cv)).toBe('Y');
    expect(xyzClass(item('z', [0, 0, 0, 40]).cv)).toBe('Z');
    expect(xyzClass(null)).toBe('Z');
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

describe('realisedAccuracy', () => {
  const run = (origin: string, level: number, accuracy = 0.9) => ({
    origin,
    accuracy,
    points: Array.from({ length: 28 }, (_, index) => ({ day: addDays(origin, index + 1), forecast: level })),
  });

  it('compares each day with the forecast the newest earlier run made for it', () => {
    // Demand is 100 a day; the run of 11-01 said 80, the run of 11-15 says 100.
    const result = realisedAccuracy(
      () => 100,
      [run('2026-11-01', 80, 0.8), run('2026-11-15', 100, 0.95)],
      '2026-11-28',
    );
    // 11-02…11-15 (14 days) from the first run, 11-16…11-28 (13 days) from the second; 11-01 has none.
    expect(result?.days).toBe(27);
    expect(result?.wape).toBeCloseTo((14 * 20) / (27 * 100), 9);
    expect(result?.bias).toBeCloseTo(-(14 * 20) / (27 * 100), 9);
    expect(result?.baselineWape).toBeCloseTo((14 * 0.2 + 13 * 0.05) / 27, 9);
  });

  it('needs a week of compared days', () => {
    expect(realisedAccuracy(() => 100, [run('2026-11-25', 100)], '2026-11-28')).toBeNull();
    expect(realisedAccuracy(() => 100, [], '2026-11-28')).toBeNull();
  });
});
