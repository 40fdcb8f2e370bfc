import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { forecastDemand } from './index';
import { naiveScale, quantile, wapeOf } from './metrics';
import { croston, crostonRates, holt, holtWinters, type Model, sba, seasonalNaive, ses, tsb } from './models';
import { syntheticDemand } from './synthetic';

const WEEK = [12, 6, 0, -4, -8, 20, -26];

function fit(model: Model, series: number[], horizon = 28) {
  return model(series, series.length, horizon, 7).forecast;
}

describe('models', () => {
  it('SES recovers a constant level', () => {
    const series = syntheticDemand({ days: 365, level: 40, noise: 2 }, seededRandom(1));
    for (const value of fit(ses, series)) expect(value).toBeCloseTo(40, 0);
  });

  it('Holt recovers a linear trend', () => {
    const series = syntheticDemand({ days: 365, level: 10, trend: 0.5, noise: 1 }, seededRandom(2));
    const forecast = fit(holt, series);
    // Day 365 + h is 10 + 0.5·(364 + h).
    expect(forecast[0]).toBeCloseTo(10 + 0.5 * 365, -0.5);
    expect(forecast[27]).toBeCloseTo(10 + 0.5 * 392, -0.5);
    expect((forecast[27] as number) - (forecast[0] as number)).toBeCloseTo(0.5 * 27, 0);
  });

  it('Holt-Winters recovers a weekly season on a level', () => {
    const series = syntheticDemand({ days: 364, level: 50, season: WEEK, noise: 1.5 }, seededRandom(3));
    const forecast = fit(holtWinters, series);
    forecast.forEach((value, step) => {
      // The series starts on season slot 0 and is 52 whole weeks long, so day h is slot (h − 1) mod 7.
      expect(Math.abs(value - (50 + (WEEK[step % 7] as number)))).toBeLessThan(2);
    });
  });

  it('seasonal naive repeats the last season', () => {
    const series = [1, 2, 3, 4, 5, 6, 7, 10, 20, 30, 40, 50, 60, 70];
    expect(fit(seasonalNaive, series, 9)).toEqual([10, 20, 30, 40, 50, 60, 70, 10, 20]);
  });

  it('Croston forecasts size over interval on intermittent demand, SBA a little less', () => {
    // 6 units every 4th day: a rate of 1.5 a day.
    const series = Array.from({ length: 200 }, (_, day) => (day % 4 === 3 ? 6 : 0));
    const rates = crostonRates(series, series.length);
    expect(rates.croston).toBeCloseTo(1.5, 5);
    expect(rates.sba).toBeCloseTo(1.5 * (1 - rates.alpha / 2), 5);
    expect(fit(croston, series)[0]).toBeCloseTo(1.5, 5);
    expect(fit(sba, series)[0]).toBeLessThan(1.5);
  });

  it('TSB decays the forecast of an item that stopped selling; Croston does not', () => {
    const selling = Array.from({ length: 120 }, (_, day) => (day % 3 === 0 ? 9 : 0));
    const stopped = [...selling, ...new Array<number>(60).fill(0)];
    expect(fit(tsb, stopped)[0]).toBeLessThan(fit(tsb, selling)[0]! / 2);
    expect(fit(croston, stopped)[0]).toBeCloseTo(fit(croston, selling)[0]!, 5);
  });

  it('forecasts nothing for a series without demand', () => {
    const zeros = new Array<number>(60).fill(0);
    for (const model of [ses, holt, holtWinters, croston, sba, tsb, seasonalNaive]) {
      expect(fit(model, zeros).every((value) => value === 0)).toBe(true);
    }
  });
});

describe('forecastDemand', () => {
  it('chooses a seasonal model for a weekly pattern, Holt for a trend, Croston’s family for intermittent demand', () => {
    const random = seededRandom(11);
    const seasonal = forecastDemand(
      syntheticDemand({ days: 730, level: 60, season: WEEK, noise: 3 }, random),
    );
    expect(['holt_winters', 'seasonal_naive']).toContain(seasonal.model);
    const trending = forecastDemand(syntheticDemand({ days: 400, level: 5, trend: 0.3, noise: 2 }, random));
    expect(trending.model).toBe('holt');
    const intermittent = forecastDemand(
      syntheticDemand({ days: 730, level: 4, noise: 1, demandProbability: 0.1 }, random).map(Math.round),
    );
    expect(['croston', 'sba', 'tsb']).toContain(intermittent.model);
  });

  it('reports every candidate’s backtest WAPE and picks the lowest (a simpler model within 2 %)', () => {
    const history = syntheticDemand(
      { days: 365, level: 30, season: WEEK.map((v) => v / 2), noise: 4 },
      seededRandom(5),
    );
    const result = forecastDemand(history);
    expect(result.candidates.map((candidate) => candidate.model)).toEqual([
      'seasonal_naive',
      'ses',
      'holt',
      'holt_winters',
    ]);
    const best = Math.min(...result.candidates.map((candidate) => candidate.wape));
    expect(result.wape).toBeLessThanOrEqual(best / 0.98 + 1e-12);
    expect(result.accuracy).toBeCloseTo(1 - result.wape, 12);
    expect(result.backtestOrigins).toBe(8);
  });

  it('gives 28 days whose 80 % intervals hold about 80 % of what follows and never narrow', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const series = syntheticDemand(
        { days: 400 + 28, level: 100, season: WEEK, noise: 10 },
        seededRandom(seed),
      );
      const result = forecastDemand(series.slice(0, 400));
      expect(result.points).toHaveLength(28);
      result.points.forEach((point, step) => {
        const actual = series[400 + step] as number;
        if (actual >= point.lower && actual <= point.upper) inside++;
        total++;
        expect(point.lower).toBeLessThanOrEqual(point.mean);
        expect(point.upper).toBeGreaterThanOrEqual(point.mean);
        if (step > 0) {
          const previous = result.points[step - 1] as (typeof result.points)[number];
          expect(point.upper - point.mean).toBeGreaterThanOrEqual(previous.upper - previous.mean - 1e-9);
        }
      });
      // σ of the daily error is about the noise's.
      expect(result.residualStdDev).toBeGreaterThan(8);
      expect(result.residualStdDev).toBeLessThan(14);
    }
    const coverage = inside / total;
    expect(coverage).toBeGreaterThan(0.72);
    expect(coverage).toBeLessThan(0.9);
  });

  it('measures accuracy, MASE and bias of the chosen model', () => {
    const history = syntheticDemand({ days: 365, level: 200, noise: 20 }, seededRandom(8));
    const result = forecastDemand(history);
    // Noise of σ 20 around 200: mean absolute error ≈ 0.8 σ = 16, WAPE ≈ 8 %.
    expect(result.accuracy).toBeGreaterThan(0.88);
    expect(result.accuracy).toBeLessThan(0.96);
    // Better than last week's value (whose error carries the noise twice).
    expect(result.mase).toBeLessThan(1);
    expect(Math.abs(result.bias)).toBeLessThan(0.05);
  });

  it('forecasts a short history from in-sample errors, and nothing-to-go-on as zero accuracy', () => {
    const short = forecastDemand([5, 6, 4, 5, 7, 5, 6, 5]);
    expect(short.model).toBe('ses');
    expect(short.backtestOrigins).toBe(0);
    expect(short.candidates).toEqual([]);
    expect(short.points[0]?.mean).toBeGreaterThan(4);
    expect(short.points[0]?.mean).toBeLessThan(7);
    expect(short.points[27]!.upper - short.points[27]!.mean).toBeGreaterThan(
      short.points[0]!.upper - short.points[0]!.mean,
    );
    const empty = forecastDemand([]);
    expect(empty.points.every((point) => point.mean === 0)).toBe(true);
    expect(empty.accuracy).toBe(0);
  });
});

describe('metrics', () => {
  it('WAPE is total absolute error over total demand; nothing sold is 0 for a forecast of nothing', () => {
    expect(wapeOf({ absoluteError: 25, error: 5, actual: 100, count: 4 })).toBe(0.25);
    expect(wapeOf({ absoluteError: 0, error: 0, actual: 0, count: 4 })).toBe(0);
    expect(wapeOf({ absoluteError: 3, error: 3, actual: 0, count: 4 })).toBe(1);
  });

  it('scales MASE by the in-sample error of repeating last season', () => {
    expect(naiveScale([1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8], 7)).toBe(1);
    expect(naiveScale([1, 3], 7)).toBe(2);
  });

  it('interpolates quantiles', () => {
    expect(quantile([4, 1, 3, 2, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.1)).toBeCloseTo(1, 12);
  });
});
