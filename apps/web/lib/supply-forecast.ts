/** What the SKU page's demand chart needs of the API's demand history, forecast and promotions. */
export interface HistoryDay {
  day: string;
  ordered: number;
  promoted: boolean;
}

export interface ForecastDay {
  day: string;
  baseline: number;
  forecast: number;
  lower: number;
  upper: number;
  drivers: readonly { label: string; uplift: number; explanation: string }[];
}

export interface PromotionWindow {
  id: string;
  campaign: string;
  startsOn: string;
  endsOn: string;
  learnedUplift: number;
}

/** One day of the chart: demand that happened (past) or the forecast with its interval (future). */
export interface DemandChartRow {
  day: string;
  ordered: number | null;
  baseline: number | null;
  forecast: number | null;
  /** [lower, upper] of the prediction interval, drawn as a band. */
  interval: [number, number] | null;
  promoted: boolean;
}

/**
 * History and forecast on one day axis, sorted by day. A day both in history and the forecast (the
 * forecast's origin overlapping the last history day) keeps both.
 */
export function buildDemandChart(
  history: readonly HistoryDay[],
  forecast: readonly ForecastDay[],
  promotions: readonly PromotionWindow[] = [],
): DemandChartRow[] {
  const rows = new Map<string, DemandChartRow>();
  const rowOf = (day: string): DemandChartRow => {
    let row = rows.get(day);
    if (!row) {
      row = { day, ordered: null, baseline: null, forecast: null, interval: null, promoted: false };
      rows.set(day, row);
    }
    return row;
  };
  for (const day of history) {
    const row = rowOf(day.day);
    row.ordered = day.ordered;
    row.promoted ||= day.promoted;
  }
  for (const point of forecast) {
    const row = rowOf(point.day);
    row.baseline = point.baseline;
    row.forecast = point.forecast;
    row.interval = [point.lower, point.upper];
    row.promoted ||= promotions.some((promotion) => covers(promotion, point.day));
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));
}

function covers(promotion: PromotionWindow, day: string): boolean {
  return promotion.startsOn <= day && day <= promotion.endsOn;
}

/** A promotion clipped to the chart's days, for a shaded reference area; none when it lies outside. */
export interface PromotionOverlay {
  id: string;
  campaign: string;
  from: string;
  to: string;
  learnedUplift: number;
}

export function promotionOverlays(
  promotions: readonly PromotionWindow[],
  days: readonly string[],
): PromotionOverlay[] {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const overlays: PromotionOverlay[] = [];
  for (const promotion of promotions) {
    if (promotion.endsOn < first || promotion.startsOn > last) continue;
    // The chart's category axis only knows its own days: clip to the first and last day shown.
    const inside = days.filter((day) => covers(promotion, day));
    const from = inside[0];
    const to = inside.at(-1);
    if (!from || !to) continue;
    overlays.push({
      id: promotion.id,
      campaign: promotion.campaign,
      from,
      to,
      learnedUplift: promotion.learnedUplift,
    });
  }
  return overlays;
}

/** The forecast against its baseline over a promotion's days inside the horizon. */
export interface PromotionEffect {
  days: number;
  baseline: number;
  forecast: number;
  /** forecast / baseline − 1 over those days; null when the baseline is zero. */
  uplift: number | null;
}

export function promotionEffect(
  forecast: readonly ForecastDay[],
  promotion: Pick<PromotionWindow, 'startsOn' | 'endsOn'>,
): PromotionEffect | null {
  const inside = forecast.filter((point) => promotion.startsOn <= point.day && point.day <= promotion.endsOn);
  if (inside.length === 0) return null;
  const baseline = inside.reduce((sum, point) => sum + point.baseline, 0);
  const total = inside.reduce((sum, point) => sum + point.forecast, 0);
  return {
    days: inside.length,
    baseline,
    forecast: total,
    uplift: baseline > 0 ? total / baseline - 1 : null,
  };
}

/** A driver of the forecast over the days it moved, for explaining the forecast in words. */
export interface DriverSpan {
  label: string;
  /** The explanation and uplift of its strongest day (a fading signal is strongest first). */
  explanation: string;
  uplift: number;
  minUplift: number;
  maxUplift: number;
  from: string;
  to: string;
  days: number;
}

/** Drivers of the forecast, one entry per driver (by label) with the days it moved and its range. */
export function driverSpans(forecast: readonly ForecastDay[]): DriverSpan[] {
  const spans = new Map<string, DriverSpan>();
  for (const point of [...forecast].sort((a, b) => a.day.localeCompare(b.day))) {
    for (const driver of point.drivers) {
      const span = spans.get(driver.label);
      if (!span) {
        spans.set(driver.label, {
          label: driver.label,
          explanation: driver.explanation,
          uplift: driver.uplift,
          minUplift: driver.uplift,
          maxUplift: driver.uplift,
          from: point.day,
          to: point.day,
          days: 1,
        });
        continue;
      }
      span.to = point.day;
      span.days += 1;
      span.minUplift = Math.min(span.minUplift, driver.uplift);
      span.maxUplift = Math.max(span.maxUplift, driver.uplift);
      if (Math.abs(driver.uplift) > Math.abs(span.uplift)) {
        span.uplift = driver.uplift;
        span.explanation = driver.explanation;
      }
    }
  }
  return [...spans.values()];
}

/** Units over the whole horizon, baseline and forecast, for the forecast table's footer. */
export function forecastTotals(forecast: readonly ForecastDay[]): { baseline: number; forecast: number } {
  return {
    baseline: forecast.reduce((sum, point) => sum + point.baseline, 0),
    forecast: forecast.reduce((sum, point) => sum + point.forecast, 0),
  };
}
