/**
 * Forecast error measures. Conventions, used everywhere Meridian reports accuracy:
 * - WAPE = Σ|actual − forecast| / Σ actual. With nothing sold it is 0 for a forecast of nothing, else 1.
 * - accuracy = 1 − WAPE, floored at 0 (a forecast off by more than the whole demand is simply useless).
 * - bias = Σ(forecast − actual) / Σ actual: positive over-forecasts, negative under-forecasts.
 * - MASE = mean |error| / mean |y_t − y_{t−m}| in the history (the seasonal naive in-sample error), so 1
 *   means "as good as repeating last week".
 */

export interface ErrorTotals {
  absoluteError: number;
  error: number;
  actual: number;
  count: number;
}

export function emptyTotals(): ErrorTotals {
  return { absoluteError: 0, error: 0, actual: 0, count: 0 };
}

export function addError(totals: ErrorTotals, actual: number, forecast: number): void {
  totals.absoluteError += Math.abs(actual - forecast);
  totals.error += forecast - actual;
  totals.actual += actual;
  totals.count++;
}

export function wapeOf(totals: ErrorTotals): number {
  if (totals.actual > 0) return totals.absoluteError / totals.actual;
  return totals.absoluteError > 0 ? 1 : 0;
}

export function accuracyOf(wape: number): number {
  return Math.max(0, 1 - wape);
}

export function biasOf(totals: ErrorTotals): number {
  if (totals.actual > 0) return totals.error / totals.actual;
  return totals.error > 0 ? 1 : 0;
}

/** The in-sample mean absolute error of the seasonal naive (lag 1 for histories shorter than two seasons). */
export function naiveScale(series: readonly number[], seasonLength: number): number {
  const lag = series.length > seasonLength ? seasonLength : 1;
  if (series.length <= lag) return 0;
  let sum = 0;
  for (let index = lag; index < series.length; index++) {
    sum += Math.abs((series[index] as number) - (series[index - lag] as number));
  }
  return sum / (series.length - lag);
}

export function maseOf(totals: ErrorTotals, scale: number): number {
  if (totals.count === 0 || totals.absoluteError === 0) return 0;
  const meanAbsoluteError = totals.absoluteError / totals.count;
  // A perfectly regular history has no naive error to scale by; fall back to the mean demand.
  const denominator = scale > 0 ? scale : totals.actual / totals.count;
  return denominator > 0 ? meanAbsoluteError / denominator : 1;
}

/** The q-quantile of values (linear interpolation between order statistics); sorts a copy. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const fraction = position - below;
  return (sorted[below] as number) * (1 - fraction) + (sorted[above] as number) * fraction;
}
