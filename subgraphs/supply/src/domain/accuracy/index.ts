import { addError, biasOf, emptyTotals, maseOf, wapeOf } from '../forecasting/metrics';
import { addDays } from '../sensing';

/**
 * Demand classes, forecast accuracy per segment, and drift.
 *
 * - ABC by value (units × unit cost over the classification window; by units where no cost is known): the
 *   SKU-locations making the first 80 % of the tenant's value are A, the next 15 % B, the rest C.
 * - XYZ by the coefficient of variation of daily demand: X ≤ 0.5, Y ≤ 1, Z above (or no demand).
 * - CORE is A and B — the items carrying 95 % of the value; LONG_TAIL is C. Their accuracy targets are
 *   0.9 and 0.75.
 */

export interface ClassificationInput {
  key: string;
  /** Units ordered over the classification window */
  units: number;
  /** Coefficient of variation of its daily demand over the window; null without demand */
  cv: number | null;
  /** Cents per unit; 0 or less when unknown */
  unitCostCents: number;
}

const A_SHARE = 0.8;
const B_SHARE = 0.95;
const X_MAX_CV = 0.5;
const Y_MAX_CV = 1;

/** σ / mean of daily demand over `days` days from its sum and sum of squares (days without rows are 0). */
export function coefficientOfVariation(units: number, squares: number, days: number): number | null {
  if (days <= 0) return null;
  const mean = units / days;
  if (mean <= 0) return null;
  const variance = Math.max(0, squares / days - mean * mean);
  return Math.sqrt(variance) / mean;
}

export function xyzClass(cv: number | null): 'X' | 'Y' | 'Z' {
  if (cv === null) return 'Z';
  return cv <= X_MAX_CV ? 'X' : cv <= Y_MAX_CV ? 'Y' : 'Z';
}

/** "AX", "CZ" … per key. Costs are used only when every item has one, so value and volume never mix. */
export function classify(items: readonly ClassificationInput[]): Map<string, string> {
  const byValue = items.every((item) => item.unitCostCents > 0);
  const ranked = items
    .map((item) => ({ item, weight: byValue ? item.units * item.unitCostCents : item.units }))
    .sort((left, right) => right.weight - left.weight || left.item.key.localeCompare(right.item.key));
  const total = ranked.reduce((sum, entry) => sum + entry.weight, 0);
  const classes = new Map<string, string>();
  let cumulative = 0;
  for (const { item, weight } of ranked) {
    // An item is A while the value ranked before it is still under 80 %: the top seller is always A.
    const share = total > 0 ? cumulative / total : 1;
    const abc = weight <= 0 ? 'C' : share < A_SHARE ? 'A' : share < B_SHARE ? 'B' : 'C';
    cumulative += weight;
    classes.set(item.key, `${abc}${xyzClass(item.cv)}`);
  }
  return classes;
}

export const SEGMENT_TARGETS = { CORE: 0.9, LONG_TAIL: 0.75 } as const;

export function segmentOf(demandClass: string): 'CORE' | 'LONG_TAIL' {
  return demandClass.startsWith('C') ? 'LONG_TAIL' : 'CORE';
}

export interface ForecastScore {
  demandClass: string;
  /** 1 − WAPE */
  accuracy: number;
  mase: number;
  bias: number;
  /** Mean daily demand it forecasts: the weight of its errors in its segment's */
  volume: number;
}

export interface SegmentAccuracy {
  segment: string;
  skuCount: number;
  accuracy: number;
  mase: number;
  bias: number;
  target: number | null;
}

/**
 * Accuracy and bias per segment, weighted by volume (so a segment's figure is its pooled WAPE, not a mean
 * of small items' noisy ones), MASE as a plain mean (it is already scale-free). CORE and LONG_TAIL first,
 * with their targets, then each ABC/XYZ class present.
 */
export function accuracyBySegment(scores: readonly ForecastScore[]): SegmentAccuracy[] {
  const groups = new Map<string, ForecastScore[]>();
  const add = (segment: string, score: ForecastScore) => {
    const group = groups.get(segment);
    if (group) group.push(score);
    else groups.set(segment, [score]);
  };
  for (const score of scores) add(segmentOf(score.demandClass), score);
  for (const score of [...scores].sort((a, b) => a.demandClass.localeCompare(b.demandClass))) {
    add(score.demandClass, score);
  }
  const ordered = [
    ...(['CORE', 'LONG_TAIL'] as const).filter((segment) => groups.has(segment)),
    ...[...groups.keys()].filter((segment) => segment !== 'CORE' && segment !== 'LONG_TAIL'),
  ];
  return ordered.map((segment) => {
    const group = groups.get(segment) as ForecastScore[];
    const volume = group.reduce((sum, score) => sum + score.volume, 0);
    const weighted = (value: (score: ForecastScore) => number) =>
      volume > 0
        ? group.reduce((sum, score) => sum + value(score) * score.volume, 0) / volume
        : group.reduce((sum, score) => sum + value(score), 0) / group.length;
    return {
      segment,
      skuCount: group.length,
      accuracy: weighted((score) => score.accuracy),
      mase: group.reduce((sum, score) => sum + score.mase, 0) / group.length,
      bias: weighted((score) => score.bias),
      target: segment === 'CORE' || segment === 'LONG_TAIL' ? SEGMENT_TARGETS[segment] : null,
    };
  });
}

/** WAPE more than this share above its baseline is drift. */
export const DRIFT_THRESHOLD = 0.12;
/** …and at least this much in absolute terms, so a near-perfect baseline does not alarm on noise. */
const DRIFT_MIN_RISE = 0.02;

export function isDrifting(wape: number, baselineWape: number): boolean {
  return wape > baselineWape * (1 + DRIFT_THRESHOLD) && wape - baselineWape >= DRIFT_MIN_RISE;
}

/**
 * Whether today's measurement drifts, and whether that starts an episode (the last measurement did not
 * drift): an episode is reported once, when it starts, and ends when WAPE is back within the threshold.
 */
export function driftStatus(
  wape: number,
  baselineWape: number,
  previouslyDrifted: boolean,
): { drifted: boolean; episodeStarted: boolean } {
  const drifted = isDrifting(wape, baselineWape);
  return { drifted, episodeStarted: drifted && !previouslyDrifted };
}

/** A forecast as made: the last day of history it knew and its daily figures. */
export interface MadeForecast {
  origin: string;
  /** Backtest accuracy (1 − WAPE) it was trained with: the error it promised */
  accuracy: number;
  points: ReadonlyArray<{ day: string; forecast: number }>;
}

export interface RealisedAccuracy {
  wape: number;
  mase: number;
  bias: number;
  /** The WAPE the forecasts compared promised in their backtests (mean over the days compared) */
  baselineWape: number;
  days: number;
}

/** Days of realised demand one accuracy measurement covers: the forecast horizon. */
export const REALISED_WINDOW_DAYS = 28;
/** Fewer compared days than this say nothing yet. */
const MIN_COMPARED_DAYS = 7;

/**
 * Realised accuracy over the REALISED_WINDOW_DAYS days up to `day`: each day's actual demand against the
 * forecast the newest run trained before that day made for it. `actualOn` must also answer for the week
 * before the window (the MASE scale is the error of repeating last week's value). Null with fewer than a
 * week of days to compare.
 */
export function realisedAccuracy(
  actualOn: (day: string) => number,
  runs: readonly MadeForecast[],
  day: string,
): RealisedAccuracy | null {
  const newestFirst = [...runs].sort((left, right) => right.origin.localeCompare(left.origin));
  const totals = emptyTotals();
  let promised = 0;
  let naiveError = 0;
  for (let offset = REALISED_WINDOW_DAYS - 1; offset >= 0; offset--) {
    const target = addDays(day, -offset);
    let forecast: number | undefined;
    for (const run of newestFirst) {
      if (run.origin >= target) continue;
      forecast = run.points.find((point) => point.day === target)?.forecast;
      if (forecast !== undefined) {
        promised += Math.min(1, Math.max(0, 1 - run.accuracy));
        break;
      }
    }
    if (forecast === undefined) continue;
    const actual = actualOn(target);
    addError(totals, actual, forecast);
    naiveError += Math.abs(actual - actualOn(addDays(target, -7)));
  }
  if (totals.count < MIN_COMPARED_DAYS) return null;
  return {
    wape: wapeOf(totals),
    mase: maseOf(totals, naiveError / totals.count),
    bias: biasOf(totals),
    baselineWape: promised / totals.count,
    days: totals.count,
  };
}
