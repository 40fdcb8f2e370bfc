import { normalQuantile } from './normal';
import {
  DAYS_PER_YEAR,
  economicOrderQuantity,
  type OrderMethod,
  roundToOrderConstraints,
} from './order-quantity';

/** A tenant's replenishment settings (SupplySettings). */
export interface PolicySettings {
  /** Target cycle service level per ABC class, e.g. { A: 0.98, B: 0.95, C: 0.9 } */
  serviceLevels: Readonly<Record<string, number>>;
  /** Yearly cost of holding a unit as a share of its cost, e.g. 0.25 */
  holdingCostRate: number;
  orderingCostCents: number;
}

export const DEFAULT_SERVICE_LEVELS: Readonly<Record<string, number>> = { A: 0.98, B: 0.95, C: 0.9 };
/** A class the tenant set no level for gets this one (and the explanation says so). */
export const FALLBACK_SERVICE_LEVEL = 0.95;
/** Period of cover when EOQ does not apply: two weeks of forecast demand. */
export const DEFAULT_COVER_DAYS = 14;

export interface PolicyInputs {
  /** ABC by value + XYZ by variability, e.g. "AX" */
  demandClass: string;
  /** Mean forecast demand per day, starting tomorrow (the forecast's horizon) */
  dailyForecast: readonly number[];
  /** σd: standard deviation of daily demand around the forecast (the forecast's residuals) */
  demandStdDev: number;
  leadTimeDays: number;
  leadTimeStdDevDays: number;
  unitCostCents: number;
  minOrderQty: number;
  packSize: number;
  /** Days a period-of-cover order covers; DEFAULT_COVER_DAYS when left out */
  coverDays?: number;
  /** Always size by period of cover (transfers from a DC cost next to nothing to place) */
  coverOnly?: boolean;
  /** Words for where the lead time comes from, e.g. "Saigon Textile Co." or "the DC" */
  leadTimeSource?: string;
}

export interface Policy {
  demandClass: string;
  serviceLevel: number;
  safetyFactor: number;
  avgDailyDemand: number;
  demandStdDev: number;
  leadTimeDays: number;
  leadTimeStdDevDays: number;
  demandOverLeadTime: number;
  safetyStock: number;
  reorderPoint: number;
  orderQuantity: number;
  orderMethod: OrderMethod;
  /** Each step of the computation in words, for the planner */
  explanation: string[];
}

export function serviceLevelFor(
  demandClass: string,
  serviceLevels: Readonly<Record<string, number>>,
): { serviceLevel: number; configured: boolean } {
  const level = serviceLevels[demandClass.charAt(0).toUpperCase()];
  if (typeof level === 'number' && level > 0 && level < 1) return { serviceLevel: level, configured: true };
  return { serviceLevel: FALLBACK_SERVICE_LEVEL, configured: false };
}

/** z·√(LT·σd² + d²·σLT²): demand uncertainty over the lead time plus lead-time uncertainty at the demand rate. */
export function dynamicSafetyStock(input: {
  safetyFactor: number;
  leadTimeDays: number;
  demandStdDev: number;
  avgDailyDemand: number;
  leadTimeStdDevDays: number;
}): number {
  const { safetyFactor, leadTimeDays, demandStdDev, avgDailyDemand, leadTimeStdDevDays } = input;
  const variance = leadTimeDays * demandStdDev ** 2 + avgDailyDemand ** 2 * leadTimeStdDevDays ** 2;
  return Math.max(0, safetyFactor) * Math.sqrt(Math.max(0, variance));
}

/**
 * Forecast demand over the next `days` days (fractional: 2.5 days take half of day 3). Past the forecast's
 * horizon the horizon's mean carries on.
 */
export function demandOver(dailyForecast: readonly number[], days: number): number {
  const mean = average(dailyForecast);
  let total = 0;
  for (let day = 0; day < Math.ceil(days); day++) {
    const share = Math.min(1, days - day);
    total += share * Math.max(0, dailyForecast[day] ?? mean);
  }
  return total;
}

/** The inventory policy of a SKU at a location and the reasoning behind each figure. */
export function computePolicy(inputs: PolicyInputs, settings: PolicySettings): Policy {
  const leadTimeDays = Math.max(0, inputs.leadTimeDays);
  const leadTimeStdDevDays = Math.max(0, inputs.leadTimeStdDevDays);
  const demandStdDev = Math.max(0, inputs.demandStdDev);
  const avgDailyDemand = Math.max(0, average(inputs.dailyForecast));
  const { serviceLevel, configured } = serviceLevelFor(inputs.demandClass, settings.serviceLevels);
  const safetyFactor = normalQuantile(serviceLevel);
  const abc = inputs.demandClass.charAt(0).toUpperCase() || '?';
  const explanation = [
    configured
      ? `Demand class ${inputs.demandClass}: target cycle service level ${percent(serviceLevel)} for ${abc} items, safety factor z = ${fixed(safetyFactor, 2)}.`
      : `Demand class ${inputs.demandClass}: no service level set for ${abc} items, so ${percent(serviceLevel)} applies (z = ${fixed(safetyFactor, 2)}).`,
    `Forecast demand averages ${fixed(avgDailyDemand, 1)} units/day over the next ${inputs.dailyForecast.length} days; the forecast errs by σd = ${fixed(demandStdDev, 1)} units/day.`,
    `Lead time ${fixed(leadTimeDays, 1)} days ± ${fixed(leadTimeStdDevDays, 1)} days${inputs.leadTimeSource ? ` (${inputs.leadTimeSource})` : ''}.`,
  ];

  const safetyStock = Math.ceil(
    dynamicSafetyStock({ safetyFactor, leadTimeDays, demandStdDev, avgDailyDemand, leadTimeStdDevDays }) -
      1e-9,
  );
  explanation.push(
    `Safety stock = z·√(LT·σd² + d²·σLT²) = ${fixed(safetyFactor, 2)} × √(${fixed(leadTimeDays, 1)} × ${fixed(demandStdDev, 1)}² + ${fixed(avgDailyDemand, 1)}² × ${fixed(leadTimeStdDevDays, 1)}²) = ${safetyStock} units.`,
  );
  const demandOverLeadTime = demandOver(inputs.dailyForecast, leadTimeDays);
  const reorderPoint = Math.ceil(demandOverLeadTime - 1e-9) + safetyStock;
  explanation.push(
    `Reorder point = forecast demand over the lead time (${fixed(demandOverLeadTime, 1)}) + safety stock (${safetyStock}) = ${reorderPoint} units.`,
  );

  const sized = sizeOrder(inputs, settings, avgDailyDemand);
  explanation.push(sized.explanation);
  const orderQuantity = roundToOrderConstraints(sized.quantity, inputs);
  const rounding = `Rounded to the minimum order of ${Math.max(1, Math.floor(inputs.minOrderQty))} and whole packs of ${Math.max(1, Math.floor(inputs.packSize))}: order ${orderQuantity} units.`;
  explanation.push(rounding);

  return {
    demandClass: inputs.demandClass,
    serviceLevel,
    safetyFactor,
    avgDailyDemand,
    demandStdDev,
    leadTimeDays,
    leadTimeStdDevDays,
    demandOverLeadTime,
    safetyStock,
    reorderPoint,
    orderQuantity,
    orderMethod: sized.method,
    explanation,
  };
}

/**
 * EOQ when its assumptions hold (a known unit cost, holding that costs something, demand that is not erratic);
 * otherwise a period of cover. Z items (erratic demand) get the period of cover: EOQ assumes a steady rate.
 */
function sizeOrder(
  inputs: PolicyInputs,
  settings: PolicySettings,
  avgDailyDemand: number,
): { quantity: number; method: OrderMethod; explanation: string } {
  const coverDays = inputs.coverDays ?? DEFAULT_COVER_DAYS;
  const erratic = inputs.demandClass.charAt(1).toUpperCase() === 'Z';
  const holdingCents = settings.holdingCostRate * inputs.unitCostCents;
  const annualDemand = avgDailyDemand * DAYS_PER_YEAR;
  const eoq =
    erratic || inputs.coverOnly
      ? null
      : economicOrderQuantity(annualDemand, settings.orderingCostCents, holdingCents);
  if (eoq !== null && inputs.unitCostCents > 0) {
    return {
      quantity: eoq,
      method: 'EOQ',
      explanation: `Order quantity by EOQ = √(2 × ${Math.round(annualDemand)} units/year × ${money(settings.orderingCostCents)} per order / (${percent(settings.holdingCostRate)} × ${money(inputs.unitCostCents)} per unit-year)) = ${fixed(eoq, 1)} units (${fixed(avgDailyDemand > 0 ? eoq / avgDailyDemand : 0, 1)} days of demand).`,
    };
  }
  const why = inputs.coverOnly
    ? 'replenished from the DC in days of cover'
    : erratic
      ? 'demand is erratic (Z), so EOQ’s steady-rate assumption does not hold'
      : 'the unit cost or holding cost is unknown, so EOQ cannot be priced';
  return {
    quantity: avgDailyDemand * coverDays,
    method: 'PERIOD_OF_COVER',
    explanation: `Order quantity by period of cover (${why}): ${coverDays} days × ${fixed(avgDailyDemand, 1)} units/day = ${fixed(avgDailyDemand * coverDays, 1)} units.`,
  };
}

export function average(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const percent = (share: number) => `${Number((share * 100).toFixed(1))} %`;
const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
