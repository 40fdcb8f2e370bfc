import { type ProjectedDay, reorderDay, stockoutDay } from './projection';

export interface ProposalPolicy {
  reorderPoint: number;
  orderQuantity: number;
  orderMethod: string;
  demandClass: string;
}

export interface StockNow {
  available: number;
  inTransit: number;
  onOrder: number;
  /** Units held by the stores a DC serves (their inventory position), 0 for a store or a DC without stores */
  downstream: number;
}

export interface OrderProposal {
  triggerDay: string;
  /** Projected stock on the trigger day, rounded down */
  projectedStock: number;
  /** When stock would run out without this order; null if not within the horizon */
  projectedStockoutOn: string | null;
  quantity: number;
  explanation: string[];
}

/**
 * A purchase order when projected stock reaches the reorder point within the horizon: the policy's quantity,
 * or as many of it as it takes to lift projected stock back above the reorder point (a quantity already
 * rounded to MOQ and packs stays so when multiplied).
 */
export function proposeOrder(
  projection: readonly ProjectedDay[],
  policy: ProposalPolicy,
  stock: StockNow,
): OrderProposal | null {
  const trigger = reorderDay(projection);
  if (!trigger) return null;
  const quantityUnit = Math.max(1, policy.orderQuantity);
  const shortfall = policy.reorderPoint - trigger.projected;
  const multiple = Math.max(1, Math.floor(shortfall / quantityUnit) + 1);
  const quantity = multiple * quantityUnit;
  const stockoutOn = stockoutDay(projection);
  const total = stock.available + stock.inTransit + stock.onOrder + stock.downstream;
  const meanForecast = projection.reduce((sum, day) => sum + day.forecast, 0) / projection.length;
  const explanation = [
    `Stock now ${Math.round(total)} units: ${stock.available} available + ${stock.inTransit} in transit + ${stock.onOrder} on order${stock.downstream ? ` + ${stock.downstream} at the stores it serves` : ''}.`,
    `Forecast demand of ${meanForecast.toFixed(1)} units/day takes it to ${Math.floor(trigger.projected)} on ${trigger.day}, at or below the reorder point of ${policy.reorderPoint}.`,
    stockoutOn
      ? `Without an order it runs out on ${stockoutOn}.`
      : `It does not run out within the ${projection.length}-day horizon, but would dip into safety stock.`,
    multiple === 1
      ? `Order ${quantity} units: the policy quantity (${policy.orderMethod}, rounded to MOQ and packs), demand class ${policy.demandClass}.`
      : `Order ${quantity} units: ${multiple} × the policy quantity of ${quantityUnit} (${policy.orderMethod}), the least that lifts projected stock above the reorder point.`,
  ];
  return {
    triggerDay: trigger.day,
    projectedStock: Math.floor(trigger.projected),
    projectedStockoutOn: stockoutOn,
    quantity,
    explanation,
  };
}

/**
 * Whether proposals of a demand class go out without a planner: the tenant lists classes ("CZ") or whole ABC
 * classes ("C").
 */
export function isAutoReleased(demandClass: string, autoReleaseClasses: readonly string[]): boolean {
  const own = demandClass.toUpperCase();
  return autoReleaseClasses.some((entry) => {
    const listed = entry.trim().toUpperCase();
    return listed.length > 0 && (listed === own || (listed.length === 1 && own.startsWith(listed)));
  });
}
