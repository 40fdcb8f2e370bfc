import { formatCount, formatPercent } from './format';
import { formatDecimal, formatMoney } from './supply-format';

/** The pilot's KPIs as the API returns them (PilotKpis). */
export interface PilotKpiValues {
  stockoutSkuDays: number;
  fillRate: number;
  averageInventoryUnits: number;
  carryingCostCents: number;
  forecastWape: number;
  purchaseOrders: number;
}

export type PilotKpiKey = keyof PilotKpiValues;

export interface PilotKpi {
  key: PilotKpiKey;
  label: string;
  /** Which way is an improvement; purchase orders have none (more, smaller orders can be right). */
  better: 'lower' | 'higher' | null;
  format: (value: number) => string;
}

export const pilotKpis: readonly PilotKpi[] = [
  {
    key: 'stockoutSkuDays',
    label: 'Stock-out SKU-days',
    better: 'lower',
    format: (value) => `${formatDecimal(value)} SKU-days`,
  },
  { key: 'fillRate', label: 'Fill rate', better: 'higher', format: formatPercent },
  {
    key: 'averageInventoryUnits',
    label: 'Average inventory',
    better: 'lower',
    format: (value) => `${formatCount(value)} units`,
  },
  { key: 'carryingCostCents', label: 'Carrying cost', better: 'lower', format: formatMoney },
  { key: 'forecastWape', label: 'Forecast error (WAPE)', better: 'lower', format: formatPercent },
  {
    key: 'purchaseOrders',
    label: 'Purchase orders',
    better: null,
    format: (value) => `${formatDecimal(value)} POs`,
  },
];

/** Mean, sample standard deviation and range of one KPI over the seeds of a run. */
export interface Spread {
  mean: number;
  stdDev: number;
  min: number;
  max: number;
  count: number;
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance =
    values.length > 1 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1) : 0;
  return {
    mean,
    stdDev: Math.sqrt(variance),
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
  };
}

export type Verdict = 'better' | 'worse' | 'unchanged' | 'neutral';

/** Whether Meridian's change of a KPI is an improvement; changes under 0.5 % count as unchanged. */
export function verdictOf(kpi: Pick<PilotKpi, 'better'>, relativeChange: number): Verdict {
  if (kpi.better === null) return 'neutral';
  if (!Number.isFinite(relativeChange) || Math.abs(relativeChange) < 0.005) return 'unchanged';
  const lowerIsBetter = kpi.better === 'lower';
  return relativeChange < 0 === lowerIsBetter ? 'better' : 'worse';
}

/** In how many seeds Meridian beat the baseline on a KPI (ties count for neither). */
export function seedsWon(
  seeds: readonly { baseline: PilotKpiValues; meridian: PilotKpiValues }[],
  kpi: Pick<PilotKpi, 'key' | 'better'>,
): number {
  if (kpi.better === null) return 0;
  return seeds.filter((seed) => {
    const baseline = seed.baseline[kpi.key];
    const meridian = seed.meridian[kpi.key];
    return kpi.better === 'lower' ? meridian < baseline : meridian > baseline;
  }).length;
}

/** One day of the run's first seed, numbers only (the chart's rows). */
export type PilotDay = { day: string } & Record<string, number>;

/**
 * The run's `daily` JSON as chart rows: entries without a day are dropped and so are fields that are
 * not finite numbers, so an older or partial run still charts what it has.
 */
export function parsePilotDaily(daily: unknown): { days: PilotDay[]; series: string[] } {
  if (!Array.isArray(daily)) return { days: [], series: [] };
  const series = new Set<string>();
  const days: PilotDay[] = [];
  for (const entry of daily) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const day = record.day;
    if (typeof day !== 'string' && typeof day !== 'number') continue;
    const row = { day: String(day) } as PilotDay;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'day' || typeof value !== 'number' || !Number.isFinite(value)) continue;
      row[key] = value;
      series.add(key);
    }
    days.push(row);
  }
  return { days, series: [...series] };
}

/** "baselineOnHand" → "Baseline on hand": a camelCase series name in words. */
export function seriesLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface PilotParameter {
  label: string;
  value: string;
  /** Prose or structured values (a policy described in words, JSON): shown apart from the short facts. */
  long: boolean;
}

/** Longer than this, a text parameter is a description rather than a setting. */
const SHORT_TEXT = 40;

/** The run's parameters as label/value pairs, for showing what was simulated. */
export function describeParameters(parameters: unknown): PilotParameter[] {
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) return [];
  return Object.entries(parameters as Record<string, unknown>).map(([key, value]) => {
    const label = seriesLabel(key);
    if (typeof value === 'number')
      return { label, value: Number.isInteger(value) ? formatCount(value) : String(value), long: false };
    if (typeof value === 'string') return { label, value, long: value.length > SHORT_TEXT };
    if (Array.isArray(value) && value.every((item) => typeof item === 'number'))
      return { label, value: value.join(', '), long: false };
    return { label, value: JSON.stringify(value, null, 2), long: true };
  });
}

/** The series a daily chart starts with: stock on hand of both sides when the run has them. */
export function defaultDailySeries(series: readonly string[]): string[] {
  const onHand = series.filter((key) => /onhand/i.test(key));
  return onHand.length > 0 ? onHand : series.slice(0, 2);
}
