import type { InventoryPositionChangedData } from '@meridian/canonical';
import type { ExceptionSeverity } from '@meridian/db';

export interface StockoutException {
  severity: ExceptionSeverity;
  title: string;
  detail: string;
}

/**
 * A position at stock-out risk raises one exception, unless one is already open for the SKU.
 * Empty shelves are critical; cover below safety stock is high; below the reorder point, medium.
 */
export function stockoutException(
  position: InventoryPositionChangedData,
  alreadyOpen: boolean,
): StockoutException | null {
  if (!position.atStockoutRisk || alreadyOpen) return null;
  const available = position.onHand - position.allocated;
  const cover = available + position.inTransit;
  const severity: ExceptionSeverity =
    available <= 0 ? 'CRITICAL' : cover <= position.safetyStock ? 'HIGH' : 'MEDIUM';
  return {
    severity,
    title:
      available <= 0 ? 'Stock-out: nothing available' : 'Stock-out risk: cover at or below reorder point',
    detail: `Available ${available} + in transit ${position.inTransit} is at or below the reorder point ${position.reorderPoint} (safety stock ${position.safetyStock}). Trigger: ${position.reason}.`,
  };
}
