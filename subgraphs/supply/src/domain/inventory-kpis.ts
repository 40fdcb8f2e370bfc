/** Inventory KPIs from end-of-day stock rows (InventoryPositionDay) and shipped demand. */

const DAYS_PER_YEAR = 365;

/** The mean over days of the tenant's total stock value; days without rows are not counted. */
export function averageInventoryValue(valueByDay: readonly number[]): number {
  if (valueByDay.length === 0) return 0;
  return valueByDay.reduce((total, value) => total + value, 0) / valueByDay.length;
}

/** Holding-cost rate × average inventory value: the yearly cost of keeping that much stock. */
export function carryingCost(holdingCostRate: number, averageValueCents: number): number {
  return Math.max(0, holdingCostRate) * Math.max(0, averageValueCents);
}

/**
 * Cost of goods shipped per year over average inventory value. A history shorter than a year is scaled up
 * from the days it covers, so a young tenant's turns are not understated by the days it has no data for.
 */
export function inventoryTurns(cogsCents: number, coveredDays: number, averageValueCents: number): number {
  if (averageValueCents <= 0 || coveredDays <= 0) return 0;
  return (cogsCents * (DAYS_PER_YEAR / Math.min(DAYS_PER_YEAR, coveredDays))) / averageValueCents;
}

/** Available units over mean forecast daily demand, across every position with a forecast; null without any. */
export function pooledDaysOfCover(
  positions: ReadonlyArray<{ available: number; meanDailyForecast: number }>,
): number | null {
  const demand = positions.reduce((total, position) => total + Math.max(0, position.meanDailyForecast), 0);
  if (demand <= 0) return null;
  return positions.reduce((total, position) => total + Math.max(0, position.available), 0) / demand;
}

export interface KpiFigures {
  skusAtStockoutRisk: number;
  stockoutSkuDays: number;
  inventoryTurns: number;
  carryingCostCents: number;
  daysOfCover: number | null;
}

/** KPI events name the figure and its unit. */
export const KPI_UNITS: Record<keyof KpiFigures, { kpi: string; unit: string }> = {
  skusAtStockoutRisk: { kpi: 'skus_at_stockout_risk', unit: 'count' },
  stockoutSkuDays: { kpi: 'stockout_sku_days', unit: 'sku_days' },
  inventoryTurns: { kpi: 'inventory_turns', unit: 'turns_per_year' },
  carryingCostCents: { kpi: 'carrying_cost', unit: 'cents_per_year' },
  daysOfCover: { kpi: 'days_of_cover', unit: 'days' },
};

/** The figures that changed (beyond rounding noise), with their new values. */
export function changedKpis(before: KpiFigures, after: KpiFigures): Array<[keyof KpiFigures, number]> {
  return (Object.keys(KPI_UNITS) as Array<keyof KpiFigures>).flatMap((key) => {
    const next = after[key];
    const previous = before[key];
    if (next === null) return [];
    if (previous !== null && Math.abs(next - previous) <= 1e-6 * Math.max(1, Math.abs(previous))) return [];
    return [[key, next] as [keyof KpiFigures, number]];
  });
}
