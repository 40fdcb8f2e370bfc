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
  /** Daily demand over the classification window, oldest first */
  demand: readonly number[];
  /** Cents per unit; 0 or less when unknown */
  unitCostCents: number;
}

const A_SHARE = 0.8;
const B_SHARE = 0.95;
const X_MAX_CV = 0.5;
const Y_MAX_CV = 1;

export function coefficientOfVariation(demand: readonly number[]): number | null {
  if (demand.length === 0) return null;
  const mean = demand.reduce((sum, value) => sum + value, 0) / demand.length;
  if (mean <= 0) return null;
  const variance = demand.reduce((sum, value) => sum + (value - mean) ** 2, 0) / demand.length;
  return Math.sqrt(variance) / mean;
}

export function xyzClass(demand: readonly number[]): 'X' | 'Y' | 'Z' {
  const cv = coefficientOfVariation(demand);
  if (cv === null) return 'Z';
  return cv <= X_MAX_CV ? 'X' : cv <= Y_MAX_CV ? 'Y' : 'Z';
}

/** "AX", "CZ" … per key. Costs are used only when every item has one, so value and volume never mix. */
export function classify(items: readonly ClassificationInput[]): Map<string, string> {
  const byValue = items.every((item) => item.unitCostCents > 0);
  const ranked = items
    .map((item) => {
      const units = item.demand.reduce((sum, value) => sum + value, 0);
      return { item, weight: byValue ? units * item.unitCostCents : units };
    })
    .sort((left, right) => right.weight - left.weight || left.item.key.localeCompare(right.item.key));
  const total = ranked.reduce((sum, entry) => sum + entry.weight, 0);
  const classes = new Map<string, string>();
  let cumulative = 0;
  for (const { item, weight } of ranked) {
    // An item is A while the value ranked before it is still under 80 %: the top seller is always A.
    const share = total > 0 ? cumulative / total : 1;
    const abc = weight <= 0 ? 'C' : share < A_SHARE ? 'A' : share < B_SHARE ? 'B' : 'C';
    cumulative += weight;
    classes.set(item.key, `${abc}${xyzClass(item.demand)}`);
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
