import type { ForecastPointEstimate } from '../forecasting';

/**
 * Demand sensing: what the statistical baseline cannot see in the history — promotions planned ahead and
 * what marketing and social signals say right now — turned into a multiplicative adjustment per forecast
 * day, each part explained as a driver.
 *
 * - A promotion lifts every day it runs within the 28-day horizon (it is a plan, known ahead) by its
 *   learned uplift. Overlapping promotions add up.
 * - Signals (mentions, clicks, sentiment …) only move days 1–14 and fade out linearly over them: a buzz
 *   says little about demand a month away. Their effect is dampened and capped (see SIGNAL_*).
 */

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface PromotionTerms {
  campaign: string;
  channel: string;
  /** YYYY-MM-DD, inclusive */
  startsOn: string;
  endsOn: string;
  expectedUplift: number;
  discount: number;
  realisedUplift: number | null;
}

export const UPLIFT_RANGE = { min: -0.9, max: 5 } as const;
/** Uplift per unit of discount when neither marketing nor past promotions say more: 20 % off → +30 %. */
export const DEFAULT_DISCOUNT_ELASTICITY = 1.5;
/** How many past promotions the expectation counts as: with n measured ones, their error weighs n/(n + 2). */
const PRIOR_PROMOTIONS = 2;

const clampUplift = (uplift: number) => Math.min(UPLIFT_RANGE.max, Math.max(UPLIFT_RANGE.min, uplift));

/**
 * The uplift the forecast applies to a promotion: marketing's expectation (or, without one, its discount
 * times the discount elasticity past promotions showed), corrected by how far past promotions' realised
 * uplift was from their expectation. Past promotions of the same channel are preferred when there are any.
 * The correction is shrunk towards none while few promotions were measured, so one odd campaign does not
 * swing every forecast.
 */
export function learnedUplift(promotion: PromotionTerms, past: readonly PromotionTerms[]): number {
  const measured = past.filter((p) => p.realisedUplift !== null);
  const sameChannel = measured.filter((p) => p.channel === promotion.channel);
  const evidence = sameChannel.length > 0 ? sameChannel : measured;

  let expected = promotion.expectedUplift;
  if (expected === 0 && promotion.discount > 0) {
    const discounted = evidence.filter((p) => p.discount > 0);
    const elasticity =
      discounted.length > 0
        ? discounted.reduce((sum, p) => sum + (p.realisedUplift as number) / p.discount, 0) /
          discounted.length
        : DEFAULT_DISCOUNT_ELASTICITY;
    return clampUplift(promotion.discount * elasticity);
  }
  if (evidence.length === 0) return clampUplift(expected);
  const meanMiss =
    evidence.reduce((sum, p) => sum + (p.realisedUplift as number) - p.expectedUplift, 0) / evidence.length;
  expected += (evidence.length / (evidence.length + PRIOR_PROMOTIONS)) * meanMiss;
  return clampUplift(expected);
}

/** Days of demand before a promotion that serve as its baseline: four whole weeks, every weekday alike. */
export const REALISED_BASELINE_DAYS = 28;

/**
 * What a promotion really did: mean daily demand of its SKUs while it ran over the mean of the four weeks
 * before it, minus one. `demandOn(day)` is the promotion's SKUs' demand that day (0 without any). Null when
 * the weeks before had no demand to compare with.
 */
export function realisedUplift(
  demandOn: (day: string) => number,
  startsOn: string,
  endsOn: string,
): number | null {
  let baseline = 0;
  for (let offset = 1; offset <= REALISED_BASELINE_DAYS; offset++)
    baseline += demandOn(addDays(startsOn, -offset));
  baseline /= REALISED_BASELINE_DAYS;
  if (baseline <= 0) return null;
  const days = daysBetween(startsOn, endsOn) + 1;
  let during = 0;
  for (let offset = 0; offset < days; offset++) during += demandOn(addDays(startsOn, offset));
  return Math.round((during / days / baseline - 1) * 1000) / 1000;
}

export interface PromotionEffect {
  campaign: string;
  startsOn: string;
  endsOn: string;
  uplift: number;
}

/**
 * The history as if no promotion had run: a promotion's days divided by 1 + its uplift, so the baseline
 * models learn regular demand and the promotion is added back only where one is planned.
 */
export function withoutPromotions(
  history: readonly number[],
  firstDay: string,
  promotions: readonly PromotionEffect[],
): number[] {
  const cleansed = [...history];
  for (const promotion of promotions) {
    const from = Math.max(0, daysBetween(firstDay, promotion.startsOn));
    const to = Math.min(history.length - 1, daysBetween(firstDay, promotion.endsOn));
    if (promotion.uplift <= UPLIFT_RANGE.min) continue;
    for (let index = from; index <= to; index++)
      cleansed[index] = (history[index] as number) / (1 + promotion.uplift);
  }
  return cleansed;
}

export interface SignalDay {
  day: string;
  /** mentions | clicks | impressions | shares | reviews | sentiment (−1…1) */
  metric: string;
  value: number;
}

export interface SignalAdjustment {
  /** Relative change on day 1; fades to nothing after SIGNAL_DAYS */
  uplift: number;
  explanation: string;
}

/** Signal days compared: the last week against the four weeks before it. */
const SIGNAL_RECENT_DAYS = 7;
const SIGNAL_REFERENCE_DAYS = 28;
/** Demand moves by this share of the log change of signal volume: mentions doubling → +7 %. */
export const SIGNAL_ELASTICITY = 0.1;
/** Demand change per point of sentiment change (sentiment runs −1…1): +0.5 → +5 %. */
export const SENTIMENT_WEIGHT = 0.1;
/** No signal moves the forecast by more than this, either way. */
export const SIGNAL_CAP = 0.15;
/** Forecast days a signal reaches. */
export const SIGNAL_DAYS = 14;

const VOLUME_METRICS = new Set(['mentions', 'clicks', 'impressions', 'shares', 'reviews']);

/**
 * The short-term adjustment the last week of signals up to `origin` calls for: the mean log change of each
 * volume metric's daily level against the four weeks before, times SIGNAL_ELASTICITY, plus the change of
 * mean sentiment times SENTIMENT_WEIGHT, capped at ±SIGNAL_CAP. Null without a signal to compare.
 */
export function signalAdjustment(signals: readonly SignalDay[], origin: string): SignalAdjustment | null {
  const recentFrom = addDays(origin, -(SIGNAL_RECENT_DAYS - 1));
  const referenceFrom = addDays(recentFrom, -SIGNAL_REFERENCE_DAYS);
  const sums = new Map<
    string,
    { recent: number; reference: number; recentDays: number; referenceDays: number }
  >();
  for (const signal of signals) {
    if (signal.day > origin || signal.day < referenceFrom) continue;
    let sum = sums.get(signal.metric);
    if (!sum) {
      sum = { recent: 0, reference: 0, recentDays: 0, referenceDays: 0 };
      sums.set(signal.metric, sum);
    }
    if (signal.day >= recentFrom) {
      sum.recent += signal.value;
      sum.recentDays++;
    } else {
      sum.reference += signal.value;
      sum.referenceDays++;
    }
  }

  const parts: string[] = [];
  let logChange = 0;
  let volumeMetrics = 0;
  let uplift = 0;
  for (const [metric, sum] of sums) {
    if (VOLUME_METRICS.has(metric)) {
      // Daily levels over the whole windows: a day without a record had no mentions.
      const recent = sum.recent / SIGNAL_RECENT_DAYS;
      const reference = sum.reference / SIGNAL_REFERENCE_DAYS;
      if (recent <= 0 || reference <= 0) continue;
      logChange += Math.log(recent / reference);
      volumeMetrics++;
      parts.push(`${metric} ${percent(recent / reference - 1)}`);
    } else if (metric === 'sentiment' && sum.recentDays > 0 && sum.referenceDays > 0) {
      const change = sum.recent / sum.recentDays - sum.reference / sum.referenceDays;
      uplift += SENTIMENT_WEIGHT * change;
      parts.push(`sentiment ${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(2)}`);
    }
  }
  if (volumeMetrics > 0) uplift += (SIGNAL_ELASTICITY * logChange) / volumeMetrics;
  if (parts.length === 0) return null;
  const capped = Math.max(-SIGNAL_CAP, Math.min(SIGNAL_CAP, uplift));
  return { uplift: capped, explanation: `marketing signals (${parts.join(', ')} week on week)` };
}

export interface ForecastDriver {
  label: string;
  uplift: number;
  explanation: string;
}

export interface SensedPoint {
  day: string;
  baseline: number;
  forecast: number;
  lower: number;
  upper: number;
  drivers: ForecastDriver[];
}

/** "+18%" / "−5%" */
export function percent(fraction: number): string {
  const rounded = Math.round(fraction * 100);
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

/** Drivers that move a day by less than this are left out of its explanation. */
const NEGLIGIBLE_UPLIFT = 0.005;

/**
 * The sensed forecast: each baseline day (day 1 is the day after `origin`) times 1 + the uplift of every
 * promotion running that day + the fading signal adjustment, its interval scaled alike.
 */
export function senseDemand(
  baseline: readonly ForecastPointEstimate[],
  origin: string,
  promotions: readonly PromotionEffect[],
  signal: SignalAdjustment | null,
): SensedPoint[] {
  return baseline.map((point, index) => {
    const day = addDays(origin, index + 1);
    const drivers: ForecastDriver[] = [];
    for (const promotion of promotions) {
      if (day < promotion.startsOn || day > promotion.endsOn) continue;
      drivers.push({
        label: promotion.campaign,
        uplift: promotion.uplift,
        explanation: `${percent(promotion.uplift)} from the ${promotion.campaign} promotion`,
      });
    }
    if (signal && index < SIGNAL_DAYS) {
      const uplift = signal.uplift * ((SIGNAL_DAYS - index) / SIGNAL_DAYS);
      if (Math.abs(uplift) >= NEGLIGIBLE_UPLIFT) {
        drivers.push({
          label: 'marketing signals',
          uplift,
          explanation: `${percent(uplift)} from ${signal.explanation}`,
        });
      }
    }
    const factor = Math.max(0, 1 + drivers.reduce((sum, driver) => sum + driver.uplift, 0));
    return {
      day,
      baseline: point.mean,
      forecast: point.mean * factor,
      lower: point.lower * factor,
      upper: point.upper * factor,
      drivers,
    };
  });
}
