/** The control tower's page of a SKU, by its catalog code (what records and people name it by). */
export function skuPath(code: string): string {
  return `/skus/${encodeURIComponent(code)}`;
}

const movementKinds: Record<string, string> = {
  receipt: 'Receipt',
  inventory_adjustment: 'Adjustment',
  cycle_count: 'Cycle count',
  order: 'Order shipped',
};

/** A stock movement's kind (the canonical event type) in words; unknown kinds are spelled out as sent. */
export function movementKindLabel(kind: string): string {
  const known = movementKinds[kind];
  if (known) return known;
  const words = kind.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
