/** What the inventory section needs of a position (the PlanningPosition fragment). */
export interface PositionLike {
  sku: { id: string; code: string };
  location: { id: string; code: string };
  available: number;
  onOrder: number;
  reorderPoint: number;
  safetyStock: number;
  daysOfCover: number | null;
  atStockoutRisk: boolean;
}

export interface StockoutLike {
  sku: { id: string };
  location: { id: string };
  projectedStockoutOn: string | null;
}

export type RiskLevel = 'stockout' | 'below-safety' | 'reorder' | 'ok';

export interface PositionRisk {
  level: RiskLevel;
  label: string;
  /** First day projected stock hits zero, when the projection says it will. */
  stockoutOn: string | null;
}

const riskKey = (skuId: string, locationId: string) => `${skuId}@${locationId}`;

/** The stock-out projections by SKU and location, for looking positions up. */
export function stockoutIndex(risks: readonly StockoutLike[]): Map<string, string | null> {
  return new Map(risks.map((risk) => [riskKey(risk.sku.id, risk.location.id), risk.projectedStockoutOn]));
}

/**
 * How urgent a position is, worst first: a projected stock-out, available stock under safety stock,
 * at or below the reorder point (what the API flags as atStockoutRisk), otherwise fine.
 */
export function positionRisk(position: PositionLike, stockouts: Map<string, string | null>): PositionRisk {
  const stockoutOn = stockouts.get(riskKey(position.sku.id, position.location.id)) ?? null;
  if (stockoutOn) return { level: 'stockout', label: 'Stock-out projected', stockoutOn };
  if (position.available < position.safetyStock)
    return { level: 'below-safety', label: 'Below safety stock', stockoutOn: null };
  if (position.atStockoutRisk) return { level: 'reorder', label: 'At reorder point', stockoutOn: null };
  return { level: 'ok', label: 'OK', stockoutOn: null };
}

const riskRank: Record<RiskLevel, number> = { stockout: 0, 'below-safety': 1, reorder: 2, ok: 3 };

/** Most urgent first; within a level, fewest days of cover first (no forecast last), then by code. */
export function sortByUrgency<T extends PositionLike>(
  positions: readonly T[],
  stockouts: Map<string, string | null>,
): T[] {
  const cover = (position: T) => position.daysOfCover ?? Number.POSITIVE_INFINITY;
  return [...positions].sort((a, b) => {
    const riskA = positionRisk(a, stockouts);
    const riskB = positionRisk(b, stockouts);
    return (
      riskRank[riskA.level] - riskRank[riskB.level] ||
      (riskA.stockoutOn && riskB.stockoutOn ? riskA.stockoutOn.localeCompare(riskB.stockoutOn) : 0) ||
      cover(a) - cover(b) ||
      a.sku.code.localeCompare(b.sku.code) ||
      a.location.code.localeCompare(b.location.code)
    );
  });
}

/** Counts by risk level, for the section's summary. */
export function riskCounts(
  positions: readonly PositionLike[],
  stockouts: Map<string, string | null>,
): Record<RiskLevel, number> {
  const counts: Record<RiskLevel, number> = { stockout: 0, 'below-safety': 0, reorder: 0, ok: 0 };
  for (const position of positions) counts[positionRisk(position, stockouts).level] += 1;
  return counts;
}
