/** The figures of one SKU at one location that decide whether it may run out. */
export interface StockFigures {
  onHand: number;
  allocated: number;
  inTransit: number;
  reorderPoint: number;
}

/** Units that can still be promised: on hand minus what is already allocated (negative when over-allocated). */
export function available({ onHand, allocated }: Pick<StockFigures, 'onHand' | 'allocated'>): number {
  return onHand - allocated;
}

/**
 * At risk when what is available plus what is on its way no longer covers the reorder point.
 * store/positions.ts repeats this rule in SQL for filtering and counting; keep the two alike.
 */
export function isAtStockoutRisk(position: StockFigures): boolean {
  return available(position) + position.inTransit <= position.reorderPoint;
}

/** On hand after a signed adjustment, or null when the adjustment would take it below zero. */
export function onHandAfter(onHand: number, delta: number): number | null {
  const next = onHand + delta;
  return next < 0 ? null : next;
}
