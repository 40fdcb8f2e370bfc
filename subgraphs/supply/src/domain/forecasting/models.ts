/**
 * The statistical forecasting models. Each one is fitted on the first `length` values of a daily series
 * (so a rolling-origin backtest needs no copies) and returns its point forecasts for the next `horizon`
 * days. Smoothing parameters are chosen from a small grid by the in-sample one-step-ahead squared error,
 * which keeps a fit to a few thousand multiply-adds per candidate: 1,000 SKUs × 730 days must backtest
 * in seconds.
 */

export type ForecastModelName =
  | 'seasonal_naive'
  | 'ses'
  | 'holt'
  | 'holt_winters'
  | 'croston'
  | 'sba'
  | 'tsb';

/** Smoothing weights a fit chose (or was given): level, trend or demand probability, season. */
export interface SmoothingParameters {
  alpha: number;
  beta?: number;
  gamma?: number;
}

export interface ModelFit {
  /** Point forecasts for days 1..horizon after the fitted history */
  forecast: number[];
  /** The main smoothing weight, used for the analytic interval when there is no backtest */
  alpha: number;
  /** The weights chosen; passing them back skips the grid search (the backtest's later origins do) */
  parameters: SmoothingParameters;
}

export type Model = (
  series: readonly number[],
  length: number,
  horizon: number,
  seasonLength: number,
  parameters?: SmoothingParameters,
) => ModelFit;

/** The grid to search, or only the given weight. */
const searched = (given: number | undefined, grid: readonly number[]) =>
  given === undefined ? grid : [given];

const SES_ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8];
const HOLT_ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.4];
const HOLT_BETAS = [0.01, 0.05, 0.15];
const HW_ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.4];
const HW_BETAS = [0.01, 0.05];
const HW_GAMMAS = [0.05, 0.15, 0.3];
/**
 * Holt-Winters uses additive weekly seasonality with a damped trend (ETS(A,Ad,A)). Additive because daily
 * demand has zero days, which a multiplicative season cannot hold; damped because an undamped trend
 * extrapolated 28 days overshoots on the short-lived slopes daily demand shows (promotions, stock-outs).
 * A persistent slope is still Holt's to catch.
 */
export const HOLT_WINTERS_DAMPING = 0.98;
const CROSTON_ALPHAS = [0.05, 0.1, 0.2, 0.3];
const TSB_ALPHAS = [0.05, 0.1, 0.2, 0.3];
const TSB_BETAS = [0.02, 0.05, 0.1, 0.2];

function mean(series: readonly number[], from: number, to: number): number {
  if (to <= from) return 0;
  let sum = 0;
  for (let index = from; index < to; index++) sum += series[index] as number;
  return sum / (to - from);
}

function flat(value: number, horizon: number): number[] {
  return new Array<number>(horizon).fill(Math.max(0, value));
}

/** The same weekday one season back: what happened last week happens again. */
export const seasonalNaive: Model = (series, length, horizon, seasonLength) => {
  if (length === 0) return { forecast: flat(0, horizon), alpha: 1, parameters: { alpha: 1 } };
  const season = Math.min(seasonLength, length);
  const forecast = Array.from(
    { length: horizon },
    (_, step) => series[length - season + (step % season)] as number,
  );
  return { forecast, alpha: 1, parameters: { alpha: 1 } };
};

function sesLevel(series: readonly number[], length: number, alpha: number): { level: number; sse: number } {
  let level = mean(series, 0, Math.min(length, 7));
  let sse = 0;
  for (let index = 0; index < length; index++) {
    const value = series[index] as number;
    const error = value - level;
    sse += error * error;
    level += alpha * error;
  }
  return { level, sse };
}

/** Simple exponential smoothing: a level, no trend, no season. */
export const ses: Model = (series, length, horizon, _seasonLength, parameters) => {
  let best = { level: 0, sse: Number.POSITIVE_INFINITY, alpha: SES_ALPHAS[0] as number };
  for (const alpha of searched(parameters?.alpha, SES_ALPHAS)) {
    const fit = sesLevel(series, length, alpha);
    if (fit.sse < best.sse) best = { ...fit, alpha };
  }
  return { forecast: flat(best.level, horizon), alpha: best.alpha, parameters: { alpha: best.alpha } };
};

/** Holt's linear trend: a level and an undamped slope. */
export const holt: Model = (series, length, horizon, seasonLength, parameters) => {
  if (length < 2) return ses(series, length, horizon, seasonLength, parameters);
  const window = Math.min(seasonLength, Math.floor(length / 2));
  const initialLevel = mean(series, 0, window);
  const initialTrend =
    window >= 1
      ? (mean(series, window, 2 * window) - initialLevel) / window
      : (series[1] as number) - initialLevel;
  let best = { level: 0, trend: 0, sse: Number.POSITIVE_INFINITY, alpha: HOLT_ALPHAS[0] as number, beta: 0 };
  for (const alpha of searched(parameters?.alpha, HOLT_ALPHAS)) {
    for (const beta of searched(parameters?.beta, HOLT_BETAS)) {
      // Level at "time −1 + window/2" is the window mean; start the recursion from the first value's expectation.
      let level = initialLevel - initialTrend * ((window - 1) / 2);
      let trend = initialTrend;
      let sse = 0;
      for (let index = 0; index < length; index++) {
        const value = series[index] as number;
        const predicted = level + trend;
        const error = value - predicted;
        sse += error * error;
        const nextLevel = predicted + alpha * error;
        trend += beta * (nextLevel - level - trend);
        level = nextLevel;
      }
      if (sse < best.sse) best = { level, trend, sse, alpha, beta };
    }
  }
  const forecast = Array.from({ length: horizon }, (_, step) =>
    Math.max(0, best.level + (step + 1) * best.trend),
  );
  return { forecast, alpha: best.alpha, parameters: { alpha: best.alpha, beta: best.beta } };
};

/** Additive Holt-Winters with a damped trend (see HOLT_WINTERS_DAMPING). Needs two full seasons. */
export const holtWinters: Model = (series, length, horizon, seasonLength, parameters) => {
  const m = seasonLength;
  if (length < 2 * m) return holt(series, length, horizon, seasonLength, parameters);
  // Seasonal indices from up to four whole seasons, each deviation taken from its own season's mean.
  const seasons = Math.min(4, Math.floor(length / m));
  const initialSeason = new Array<number>(m).fill(0);
  for (let s = 0; s < seasons; s++) {
    const seasonMean = mean(series, s * m, (s + 1) * m);
    for (let i = 0; i < m; i++)
      initialSeason[i] =
        (initialSeason[i] as number) + ((series[s * m + i] as number) - seasonMean) / seasons;
  }
  const firstMean = mean(series, 0, m);
  const initialTrend = (mean(series, m, 2 * m) - firstMean) / m;
  const initialLevel = firstMean - initialTrend * ((m + 1) / 2);
  const phi = HOLT_WINTERS_DAMPING;

  const season = new Array<number>(m);
  let best = {
    level: 0,
    trend: 0,
    season: initialSeason,
    sse: Number.POSITIVE_INFINITY,
    alpha: HW_ALPHAS[0] as number,
    beta: 0,
    gamma: 0,
  };
  for (const alpha of searched(parameters?.alpha, HW_ALPHAS)) {
    for (const beta of searched(parameters?.beta, HW_BETAS)) {
      for (const gamma of searched(parameters?.gamma, HW_GAMMAS)) {
        for (let i = 0; i < m; i++) season[i] = initialSeason[i] as number;
        let level = initialLevel;
        let trend = initialTrend;
        let sse = 0;
        for (let index = 0; index < length; index++) {
          const value = series[index] as number;
          const slot = index % m;
          const seasonal = season[slot] as number;
          const base = level + phi * trend;
          const error = value - (base + seasonal);
          sse += error * error;
          const nextLevel = base + alpha * error;
          trend = phi * trend + beta * (nextLevel - level - phi * trend);
          level = nextLevel;
          season[slot] = seasonal + gamma * (1 - alpha) * error;
        }
        if (sse < best.sse) best = { level, trend, season: season.slice(), sse, alpha, beta, gamma };
      }
    }
  }
  const forecast: number[] = [];
  let damped = 0;
  for (let step = 1; step <= horizon; step++) {
    damped += phi ** step;
    const slot = (length + step - 1) % m;
    forecast.push(Math.max(0, best.level + damped * best.trend + (best.season[slot] as number)));
  }
  return {
    forecast,
    alpha: best.alpha,
    parameters: { alpha: best.alpha, beta: best.beta, gamma: best.gamma },
  };
};

/**
 * Croston: smooths the size of non-zero demands and the interval between them separately; the rate is
 * size / interval. Also returns the SBA rate, Croston's with the (1 − α/2) correction of its upward bias,
 * so the backtest fits both at once.
 */
export function crostonRates(
  series: readonly number[],
  length: number,
  givenAlpha?: number,
): { croston: number; sba: number; alpha: number } {
  let first = -1;
  for (let index = 0; index < length; index++) {
    if ((series[index] as number) > 0) {
      first = index;
      break;
    }
  }
  if (first < 0) return { croston: 0, sba: 0, alpha: CROSTON_ALPHAS[0] as number };
  let best = { croston: 0, alpha: CROSTON_ALPHAS[0] as number, sse: Number.POSITIVE_INFINITY };
  for (const alpha of searched(givenAlpha, CROSTON_ALPHAS)) {
    let size = series[first] as number;
    let interval = first + 1;
    let sinceDemand = 0;
    let sse = 0;
    for (let index = first + 1; index < length; index++) {
      const value = series[index] as number;
      const error = value - size / interval;
      sse += error * error;
      sinceDemand++;
      if (value > 0) {
        size += alpha * (value - size);
        interval += alpha * (sinceDemand - interval);
        sinceDemand = 0;
      }
    }
    if (sse < best.sse) best = { croston: size / interval, alpha, sse };
  }
  return { croston: best.croston, sba: best.croston * (1 - best.alpha / 2), alpha: best.alpha };
}

export const croston: Model = (series, length, horizon, _seasonLength, parameters) => {
  const rates = crostonRates(series, length, parameters?.alpha);
  return { forecast: flat(rates.croston, horizon), alpha: rates.alpha, parameters: { alpha: rates.alpha } };
};

export const sba: Model = (series, length, horizon, _seasonLength, parameters) => {
  const rates = crostonRates(series, length, parameters?.alpha);
  return { forecast: flat(rates.sba, horizon), alpha: rates.alpha, parameters: { alpha: rates.alpha } };
};

/**
 * TSB (Teunter–Syntetos–Babai): smooths the probability of a demand every day and its size on demand
 * days, so the forecast decays while an item stops selling — Croston's stays put until the next sale.
 */
export const tsb: Model = (series, length, horizon, _seasonLength, parameters) => {
  let first = -1;
  for (let index = 0; index < length; index++) {
    if ((series[index] as number) > 0) {
      first = index;
      break;
    }
  }
  if (first < 0) {
    const alpha = TSB_ALPHAS[0] as number;
    return { forecast: flat(0, horizon), alpha, parameters: { alpha, beta: TSB_BETAS[0] as number } };
  }
  const initialProbability = 1 / (first + 1);
  let best = {
    rate: 0,
    alpha: TSB_ALPHAS[0] as number,
    beta: TSB_BETAS[0] as number,
    sse: Number.POSITIVE_INFINITY,
  };
  for (const alpha of searched(parameters?.alpha, TSB_ALPHAS)) {
    for (const beta of searched(parameters?.beta, TSB_BETAS)) {
      let size = series[first] as number;
      let probability = initialProbability;
      let sse = 0;
      for (let index = first + 1; index < length; index++) {
        const value = series[index] as number;
        const error = value - probability * size;
        sse += error * error;
        if (value > 0) {
          probability += beta * (1 - probability);
          size += alpha * (value - size);
        } else {
          probability -= beta * probability;
        }
      }
      if (sse < best.sse) best = { rate: probability * size, alpha, beta, sse };
    }
  }
  return {
    forecast: flat(best.rate, horizon),
    alpha: best.alpha,
    parameters: { alpha: best.alpha, beta: best.beta },
  };
};

export const MODELS: Record<ForecastModelName, Model> = {
  seasonal_naive: seasonalNaive,
  ses,
  holt,
  holt_winters: holtWinters,
  croston,
  sba,
  tsb,
};
