export interface RiskCandidate {
  skuId: string;
  locationId: string;
  available: number;
  inTransit: number;
  reorderPoint: number;
  daysOfCover: number | null;
  projectedStockoutOn: string | null;
}

/**
 * Positions that may run out: projected to reach zero within the horizon, or already at the reorder point
 * with what is available and in transit. Soonest stock-out first, then the fewest days of cover.
 */
export function rankStockoutRisks<T extends RiskCandidate>(candidates: readonly T[]): T[] {
  return candidates
    .filter(
      (candidate) =>
        candidate.projectedStockoutOn !== null ||
        candidate.available + candidate.inTransit <= candidate.reorderPoint,
    )
    .sort(
      (a, b) =>
        compareNullableLast(a.projectedStockoutOn, b.projectedStockoutOn) ||
        compareNullableLast(a.daysOfCover, b.daysOfCover) ||
        a.available - a.reorderPoint - (b.available - b.reorderPoint),
    );
}

function compareNullableLast<V extends string | number>(a: V | null, b: V | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
