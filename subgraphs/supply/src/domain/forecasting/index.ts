import {
  accuracyOf,
  addError,
  biasOf,
  type ErrorTotals,
  emptyTotals,
  maseOf,
  naiveScale,
  quantile,
  wapeOf,
} from './metrics';
import { type ForecastModelName, MODELS, type SmoothingParameters } from './models';

export type { ForecastModelName } from './models';

/** One forecast day with its 80 % prediction interval. */
export interface ForecastPointEstimate {
  mean: number;
  lower: number;
  upper: number;
}

export interface DemandForecast {
  model: ForecastModelName;
  /** `horizon` days; day 1 is the day after the history */
  points: ForecastPointEstimate[];
  /** Backtest WAPE of every model that was tried; empty when the history was too short to backtest */
  candidates: { model: ForecastModelName; wape: number }[];
  /** 1 − WAPE of the chosen model, floored at 0 */
  accuracy: number;
  wape: number;
  mase: number;
  /** Σ(forecast − actual) / Σ actual: positive means over-forecasting */
  bias: number;
  /** σ of one day's forecast error (RMSE over the backtest), for safety stock */
  residualStdDev: number;
  /** Rolling origins the accuracy was measured over; 0 means in-sample one-step errors of a short history */
  backtestOrigins: number;
}

export interface ForecastOptions {
  /** Days to forecast; 28 */
  horizon?: number;
  /** Days per season; 7 (weekly) */
  seasonLength?: number;
  /** Rolling origins of the backtest, a week apart; 8 */
  origins?: number;
}

export const DEFAULT_HORIZON = 28;
const DEFAULT_SEASON_LENGTH = 7;
const DEFAULT_ORIGINS = 8;
/** Origins are a week apart, so every weekday is forecast from every distance. */
const ORIGIN_STRIDE = 7;
/** From this share of zero-demand days on, Croston's family joins the race. */
const SOME_ZEROS_SHARE = 0.1;
/**
 * From this share of zero days on (an average interval between demands of 1.32 days, Syntetos–Boylan's
 * cut-off) only Croston's family runs: WAPE rewards forecasting the median, and the median day of
 * intermittent demand is zero, so level and trend models would win backtests by under-forecasting.
 */
const INTERMITTENT_ZERO_SHARE = 1 - 1 / 1.32;
const LOWER_QUANTILE = 0.1;
const UPPER_QUANTILE = 0.9;
/** Residuals a week of the horizon needs before its own quantiles are trusted over the pooled ones. */
const MIN_BUCKET_RESIDUALS = 10;

/**
 * Simplest first. A more complex model must beat the current choice's WAPE by this share to replace it:
 * a backtest cannot tell models apart more finely than that, and the simpler one extrapolates more safely.
 */
const PARSIMONY_MARGIN = 0.02;
const MODEL_ORDER: ForecastModelName[] = [
  'seasonal_naive',
  'ses',
  'croston',
  'sba',
  'tsb',
  'holt',
  'holt_winters',
];

function zeroShare(history: readonly number[]): number {
  if (history.length === 0) return 1;
  let zeros = 0;
  for (const value of history) if (value <= 0) zeros++;
  return zeros / history.length;
}

function candidateModels(history: readonly number[], seasonLength: number): ForecastModelName[] {
  const zeros = zeroShare(history);
  const seasonal = history.length >= 2 * seasonLength;
  return MODEL_ORDER.filter((model) => {
    if (model === 'croston' || model === 'sba' || model === 'tsb') return zeros >= SOME_ZEROS_SHARE;
    if (zeros >= INTERMITTENT_ZERO_SHARE) return false;
    if (model === 'seasonal_naive' || model === 'holt_winters') return seasonal;
    return true;
  });
}

interface Backtest {
  totals: ErrorTotals;
  /** actual − forecast per horizon step (0-based), one per origin */
  residuals: number[][];
}

/**
 * Forecasts daily demand: every candidate model is backtested from rolling origins a week apart, each
 * forecasting `horizon` days ahead; the lowest WAPE wins (within 2 %, the simpler model), is refitted on
 * the whole history and forecasts the next `horizon` days. Its backtest residuals give the 80 % interval
 * (their 10th and 90th percentiles per week of the horizon, never narrowing as the horizon grows) and its
 * accuracy figures.
 */
export function forecastDemand(history: readonly number[], options: ForecastOptions = {}): DemandForecast {
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const seasonLength = options.seasonLength ?? DEFAULT_SEASON_LENGTH;
  const maxOrigins = options.origins ?? DEFAULT_ORIGINS;
  const length = history.length;
  const minTraining = Math.max(2 * seasonLength, 14);
  const testLength = Math.min(horizon, length - minTraining);
  if (testLength < seasonLength || maxOrigins < 1)
    return forecastShortHistory(history, horizon, seasonLength);

  const cuts: number[] = [];
  for (let origin = 0; origin < maxOrigins; origin++) {
    const cut = length - testLength - origin * ORIGIN_STRIDE;
    if (cut < minTraining) break;
    cuts.push(cut);
  }

  const candidates = candidateModels(history, seasonLength);
  const backtests = new Map<ForecastModelName, Backtest>();
  for (const name of candidates) {
    const model = MODELS[name];
    const totals = emptyTotals();
    const residuals: number[][] = Array.from({ length: testLength }, () => []);
    // Weights are searched once, on the earliest origin's history (before every test window), and kept
    // for the later origins: an eighth of the search, and no origin is tuned on the days it is tested on.
    let parameters: SmoothingParameters | undefined;
    for (const cut of [...cuts].reverse()) {
      const fit = model(history, cut, testLength, seasonLength, parameters);
      parameters = fit.parameters;
      const { forecast } = fit;
      for (let step = 0; step < testLength; step++) {
        const actual = history[cut + step] as number;
        const predicted = forecast[step] as number;
        addError(totals, actual, predicted);
        (residuals[step] as number[]).push(actual - predicted);
      }
    }
    backtests.set(name, { totals, residuals });
  }

  let chosen = candidates[0] as ForecastModelName;
  let chosenWape = Number.POSITIVE_INFINITY;
  const scores = candidates.map((name) => {
    const wape = wapeOf((backtests.get(name) as Backtest).totals);
    if (wape < chosenWape * (1 - PARSIMONY_MARGIN)) {
      chosen = name;
      chosenWape = wape;
    }
    return { model: name, wape };
  });

  const { totals, residuals } = backtests.get(chosen) as Backtest;
  const { forecast } = MODELS[chosen](history, length, horizon, seasonLength);
  const offsets = intervalOffsets(residuals, horizon, seasonLength);
  let squared = 0;
  for (const stepResiduals of residuals) for (const residual of stepResiduals) squared += residual * residual;

  return {
    model: chosen,
    points: forecast.map((mean, step) => pointWithInterval(mean, offsets[step] as [number, number])),
    candidates: scores,
    accuracy: accuracyOf(chosenWape),
    wape: chosenWape,
    mase: maseOf(totals, naiveScale(history, seasonLength)),
    bias: biasOf(totals),
    residualStdDev: Math.sqrt(squared / Math.max(1, totals.count)),
    backtestOrigins: cuts.length,
  };
}

function pointWithInterval(mean: number, [below, above]: [number, number]): ForecastPointEstimate {
  return { mean, lower: Math.max(0, mean + below), upper: mean + above };
}

/**
 * [lower offset, upper offset] per horizon step: the residual quantiles of each week of the horizon,
 * interpolated between the weeks' middles, widened so that no later day has a narrower interval than an
 * earlier one, and always containing the point forecast.
 */
function intervalOffsets(
  residuals: number[][],
  horizon: number,
  seasonLength: number,
): Array<[number, number]> {
  const pooled = residuals.flat();
  const buckets: Array<{ center: number; below: number; above: number }> = [];
  for (let start = 0; start < residuals.length; start += seasonLength) {
    const end = Math.min(residuals.length, start + seasonLength);
    const inBucket = residuals.slice(start, end).flat();
    const sample = inBucket.length >= MIN_BUCKET_RESIDUALS ? inBucket : pooled;
    buckets.push({
      center: (start + end - 1) / 2,
      below: Math.min(0, quantile(sample, LOWER_QUANTILE)),
      above: Math.max(0, quantile(sample, UPPER_QUANTILE)),
    });
  }
  const offsets: Array<[number, number]> = [];
  let below = 0;
  let above = 0;
  for (let step = 0; step < horizon; step++) {
    const [interpolatedBelow, interpolatedAbove] = interpolate(buckets, step);
    below = Math.min(below, interpolatedBelow);
    above = Math.max(above, interpolatedAbove);
    offsets.push([below, above]);
  }
  return offsets;
}

function interpolate(
  buckets: ReadonlyArray<{ center: number; below: number; above: number }>,
  step: number,
): [number, number] {
  const first = buckets[0];
  if (!first) return [0, 0];
  if (step <= first.center) return [first.below, first.above];
  for (let index = 1; index < buckets.length; index++) {
    const right = buckets[index] as (typeof buckets)[number];
    if (step <= right.center) {
      const left = buckets[index - 1] as (typeof buckets)[number];
      const weight = (step - left.center) / (right.center - left.center);
      return [
        left.below + weight * (right.below - left.below),
        left.above + weight * (right.above - left.above),
      ];
    }
  }
  const last = buckets[buckets.length - 1] as (typeof buckets)[number];
  return [last.below, last.above];
}

/**
 * A history too short to backtest (under three weeks): SES, or SBA for intermittent demand, judged by its
 * in-sample one-step errors. Their quantiles widen with the horizon as SES's error variance does,
 * σ²(1 + α²(h − 1)).
 */
function forecastShortHistory(
  history: readonly number[],
  horizon: number,
  seasonLength: number,
): DemandForecast {
  const length = history.length;
  const name: ForecastModelName = zeroShare(history) >= INTERMITTENT_ZERO_SHARE && length > 0 ? 'sba' : 'ses';
  const model = MODELS[name];
  const totals = emptyTotals();
  const residuals: number[] = [];
  for (let cut = 1; cut < length; cut++) {
    const predicted = model(history, cut, 1, seasonLength).forecast[0] as number;
    const actual = history[cut] as number;
    addError(totals, actual, predicted);
    residuals.push(actual - predicted);
  }
  const { forecast, alpha } = model(history, length, horizon, seasonLength);
  const below = Math.min(0, quantile(residuals, LOWER_QUANTILE));
  const above = Math.max(0, quantile(residuals, UPPER_QUANTILE));
  let squared = 0;
  for (const residual of residuals) squared += residual * residual;
  // Nothing to judge by: an untested forecast earns no accuracy.
  const wape = totals.count === 0 ? 1 : wapeOf(totals);
  return {
    model: name,
    points: forecast.map((mean, step) => {
      const widening = Math.sqrt(1 + alpha * alpha * step);
      return pointWithInterval(mean, [below * widening, above * widening]);
    }),
    candidates: [],
    accuracy: accuracyOf(wape),
    wape,
    mase: maseOf(totals, naiveScale(history, seasonLength)),
    bias: biasOf(totals),
    residualStdDev: Math.sqrt(squared / Math.max(1, residuals.length)),
    backtestOrigins: 0,
  };
}
