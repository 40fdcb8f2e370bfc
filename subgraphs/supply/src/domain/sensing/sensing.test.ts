import { describe, expect, it } from 'vitest';
import {
  addDays,
  learnedUplift,
  type PromotionTerms,
  realisedUplift,
  SIGNAL_CAP,
  SIGNAL_DAYS,
  type SignalDay,
  senseDemand,
  signalAdjustment,
  withoutPromotions,
} from './index';

const origin = '2026-11-26';
const flat = Array.from({ length: 28 }, () => ({ mean: 100, lower: 80, upper: 120 }));

function terms(overrides: Partial<PromotionTerms> = {}): PromotionTerms {
  return {
    campaign: 'Spring',
    channel: 'online',
    startsOn: '2026-12-05',
    endsOn: '2026-12-09',
    expectedUplift: 0.3,
    discount: 0,
    realisedUplift: null,
    ...overrides,
  };
}

describe('senseDemand', () => {
  it('raises the forecast on the promotion’s days only, and explains it', () => {
    const points = senseDemand(
      flat,
      origin,
      [{ campaign: 'spring campaign', startsOn: '2026-12-05', endsOn: '2026-12-09', uplift: 0.18 }],
      null,
    );
    expect(points[0]?.day).toBe('2026-11-27');
    for (const point of points) {
      const during = point.day >= '2026-12-05' && point.day <= '2026-12-09';
      expect(point.baseline).toBe(100);
      expect(point.forecast).toBeCloseTo(during ? 118 : 100, 9);
      expect(point.upper).toBeCloseTo(during ? 120 * 1.18 : 120, 9);
      expect(point.drivers.map((driver) => driver.explanation)).toEqual(
        during ? ['+18% from the spring campaign promotion'] : [],
      );
    }
    expect(points.filter((point) => point.forecast > 100)).toHaveLength(5);
  });

  it('fades a signal out over days 1–14', () => {
    const points = senseDemand(flat, origin, [], { uplift: 0.1, explanation: 'marketing signals' });
    expect(points[0]?.forecast).toBeCloseTo(110, 9);
    expect(points[7]?.forecast).toBeCloseTo(100 + 10 * ((SIGNAL_DAYS - 7) / SIGNAL_DAYS), 9);
    for (const point of points.slice(SIGNAL_DAYS)) {
      expect(point.forecast).toBe(100);
      expect(point.drivers).toEqual([]);
    }
    for (let index = 1; index < SIGNAL_DAYS; index++) {
      expect(points[index]!.forecast).toBeLessThan(points[index - 1]!.forecast);
    }
  });
});

describe('learnedUplift', () => {
  it('is marketing’s expectation without measured promotions', () => {
    expect(learnedUplift(terms(), [])).toBe(0.3);
    expect(learnedUplift(terms(), [terms({ realisedUplift: null })])).toBe(0.3);
  });

  it('moves toward what past promotions realised, more with more of them', () => {
    const underestimated = terms({ expectedUplift: 0.35, realisedUplift: 0.5 });
    const one = learnedUplift(terms({ expectedUplift: 0.35 }), [underestimated]);
    const three = learnedUplift(terms({ expectedUplift: 0.35 }), [
      underestimated,
      underestimated,
      underestimated,
    ]);
    expect(one).toBeGreaterThan(0.35);
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThan(0.5);
    const overestimated = learnedUplift(terms({ expectedUplift: 0.35 }), [
      terms({ expectedUplift: 0.4, realisedUplift: 0.1 }),
    ]);
    expect(overestimated).toBeLessThan(0.35);
  });

  it('prefers past promotions of the same channel', () => {
    const past = [
      terms({ channel: 'email', expectedUplift: 0.2, realisedUplift: 0.6 }),
      terms({ channel: 'online', expectedUplift: 0.2, realisedUplift: 0.2 }),
    ];
    expect(learnedUplift(terms({ channel: 'online' }), past)).toBeCloseTo(0.3, 9);
    expect(learnedUplift(terms({ channel: 'email' }), past)).toBeGreaterThan(0.4);
  });

  it('derives an uplift from the discount when marketing expects none, by the elasticity past promotions showed', () => {
    expect(learnedUplift(terms({ expectedUplift: 0, discount: 0.2 }), [])).toBeCloseTo(0.3, 9);
    const past = [terms({ discount: 0.1, realisedUplift: 0.4 })];
    expect(learnedUplift(terms({ expectedUplift: 0, discount: 0.2 }), past)).toBeCloseTo(0.8, 9);
  });
});

describe('realisedUplift', () => {
  it('compares demand during the promotion with the four weeks before', () => {
    const demand = (day: string) => (day >= '2026-10-10' && day <= '2026-10-14' ? 142 : 100);
    expect(realisedUplift(demand, '2026-10-10', '2026-10-14')).toBe(0.42);
    expect(realisedUplift(() => 0, '2026-10-10', '2026-10-14')).toBeNull();
  });
});

describe('withoutPromotions', () => {
  it('takes a promotion’s uplift out of its days', () => {
    const history = [100, 150, 150, 100];
    expect(
      withoutPromotions(history, '2026-10-01', [
        { campaign: 'x', startsOn: '2026-10-02', endsOn: '2026-10-03', uplift: 0.5 },
      ]),
    ).toEqual([100, 100, 100, 100]);
  });
});

describe('signalAdjustment', () => {
  function series(metric: string, reference: number, recent: number): SignalDay[] {
    return Array.from({ length: 35 }, (_, index) => ({
      day: addDays(origin, index - 34),
      metric,
      value: index >= 28 ? recent : reference,
    }));
  }

  it('raises demand a dampened share of a rise in mentions', () => {
    const adjustment = signalAdjustment(series('mentions', 100, 200), origin);
    expect(adjustment?.uplift).toBeCloseTo(0.1 * Math.log(2), 9);
    expect(adjustment?.explanation).toContain('mentions +100%');
  });

  it('adds the change of sentiment and caps the total', () => {
    const rising = signalAdjustment(series('sentiment', 0, 0.5), origin);
    expect(rising?.uplift).toBeCloseTo(0.05, 9);
    const viral = signalAdjustment(
      [...series('mentions', 10, 100_000), ...series('sentiment', -1, 1)],
      origin,
    );
    expect(viral?.uplift).toBe(SIGNAL_CAP);
    const collapse = signalAdjustment(
      [...series('mentions', 100_000, 10), ...series('sentiment', 1, -1)],
      origin,
    );
    expect(collapse?.uplift).toBe(-SIGNAL_CAP);
  });

  it('ignores signals after the origin and says nothing without a comparison', () => {
    expect(signalAdjustment([], origin)).toBeNull();
    expect(signalAdjustment([{ day: addDays(origin, 1), metric: 'mentions', value: 9 }], origin)).toBeNull();
    expect(signalAdjustment(series('mentions', 0, 50), origin)).toBeNull();
  });
});
