/** How an order quantity was sized before rounding. */
export type OrderMethod = 'EOQ' | 'PERIOD_OF_COVER';

export const DAYS_PER_YEAR = 365;

/**
 * Economic order quantity √(2·D·S / H): D demand per year, S the cost of placing one order and H the cost
 * of holding one unit for a year, both in cents. Zero when there is no demand; undefined (null) when holding
 * costs nothing, because then any quantity is as cheap as any other.
 */
export function economicOrderQuantity(
  annualDemand: number,
  orderingCostCents: number,
  holdingCostCentsPerUnitYear: number,
): number | null {
  if (annualDemand <= 0) return 0;
  if (!(holdingCostCentsPerUnitYear > 0)) return null;
  return Math.sqrt((2 * annualDemand * Math.max(0, orderingCostCents)) / holdingCostCentsPerUnitYear);
}

export interface OrderConstraints {
  /** The supplier's smallest order, base units (values below 1 count as 1) */
  minOrderQty: number;
  /** Orders come in multiples of this many base units (values below 1 count as 1) */
  packSize: number;
}

/**
 * The smallest quantity that is at least `quantity`, at least the minimum order and a whole number of packs:
 * the minimum order is met first, then rounded up to the pack multiple (so it stays met).
 */
export function roundToOrderConstraints(
  quantity: number,
  { minOrderQty, packSize }: OrderConstraints,
): number {
  const pack = Math.max(1, Math.floor(packSize));
  const units = Math.max(Math.ceil(quantity - 1e-9), Math.floor(minOrderQty), 1);
  return Math.ceil(units / pack) * pack;
}
