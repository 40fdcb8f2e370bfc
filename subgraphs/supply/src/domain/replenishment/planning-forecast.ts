import { normalQuantile } from '../policy/normal';

/** What replenishment takes from a stored forecast run. */
export interface PlanningForecast {
  /** The first day still ahead (today or later), YYYY-MM-DD */
  firstDay: string;
  /** Forecast demand per day from firstDay on (with demand sensing applied) */
  daily: number[];
  /** σd: standard deviation of one day's forecast error */
  demandStdDev: number;
  demandClass: string;
}

interface StoredPoint {
  day: string;
  forecast: number;
  lower: number;
  upper: number;
}

const isPoint = (value: unknown): value is StoredPoint => {
  const point = value as Partial<StoredPoint> | null;
  return (
    typeof point === 'object' &&
    point !== null &&
    typeof point.day === 'string' &&
    typeof point.forecast === 'number' &&
    typeof point.lower === 'number' &&
    typeof point.upper === 'number'
  );
};

/** An 80 % interval spans 2 × z(0.9) standard deviations of the error. */
const INTERVAL_WIDTH_IN_SIGMAS = 2 * normalQuantile(0.9);

/**
 * The days of a stored forecast that are still ahead and its daily error. σd is the backtest's residual
 * standard deviation when the run stored one; otherwise it is read off the 80 % prediction intervals.
 * Null when no forecast day is left.
 */
export function planningForecastOf(
  stored: { points: unknown; backtest: unknown; demandClass: string },
  today: string,
): PlanningForecast | null {
  const points = (Array.isArray(stored.points) ? stored.points : [])
    .filter(isPoint)
    .filter((point) => point.day >= today);
  if (points.length === 0) return null;
  const residual = (stored.backtest as { residualStdDev?: unknown } | null)?.residualStdDev;
  const fromIntervals =
    points.reduce((total, point) => total + Math.max(0, point.upper - point.lower), 0) /
    points.length /
    INTERVAL_WIDTH_IN_SIGMAS;
  return {
    firstDay: points[0]!.day,
    daily: points.map((point) => Math.max(0, point.forecast)),
    demandStdDev: typeof residual === 'number' && Number.isFinite(residual) ? residual : fromIntervals,
    demandClass: stored.demandClass,
  };
}
