import { describe, expect, it } from 'vitest';
import { planningForecastOf } from './planning-forecast';

const point = (day: string, forecast: number, halfWidth: number) => ({
  day,
  baseline: forecast,
  forecast,
  lower: forecast - halfWidth,
  upper: forecast + halfWidth,
  drivers: [],
});

describe('planningForecastOf', () => {
  const points = [point('2026-11-26', 9, 2), point('2026-11-27', 10, 2), point('2026-11-28', 12, 4)];

  it('keeps the days from today on and takes σd from the backtest when stored', () => {
    expect(
      planningForecastOf({ points, backtest: { residualStdDev: 3.5 }, demandClass: 'AX' }, '2026-11-27'),
    ).toEqual({
      firstDay: '2026-11-27',
      daily: [10, 12],
      demandStdDev: 3.5,
      demandClass: 'AX',
    });
  });

  it('reads σd off the 80 % intervals otherwise', () => {
    const planning = planningForecastOf({ points, backtest: { ses: 0.2 }, demandClass: 'BY' }, '2026-11-27')!;
    // mean width (4 + 8) / 2 = 6 = 2 × 1.2816 σ
    expect(planning.demandStdDev).toBeCloseTo(6 / (2 * 1.2815515655), 8);
  });

  it('has nothing to plan with once every day has passed, or from points it cannot read', () => {
    expect(planningForecastOf({ points, backtest: null, demandClass: 'AX' }, '2026-12-01')).toBeNull();
    expect(
      planningForecastOf(
        { points: [{ day: '2026-11-27' }], backtest: null, demandClass: 'AX' },
        '2026-11-27',
      ),
    ).toBeNull();
  });
});
