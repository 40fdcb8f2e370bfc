import { randomUUID } from 'node:crypto';

/**
 * A valid canonical transaction 2.0.0 for tests: an inventory adjustment of 5 EA of SKU-1 at DC-1, unless
 * `change` replaces top-level fields (e.g. `event_type` together with its `payload`).
 */
export function canonicalTransactionFixture(tenantId: string, change: Record<string, unknown> = {}) {
  return {
    transaction_id: randomUUID(),
    correlation_id: 'po-4711',
    source_system: 'erp',
    event_type: 'inventory_adjustment',
    sku_id: 'SKU-1',
    shipment_id: null,
    lot: null,
    measure: { quantity: 5, uom: 'EA' },
    timestamp: '2026-11-27T14:05:00Z',
    version: '2.0.0',
    status: 'active',
    tenant_id: tenantId,
    idempotency_key: randomUUID(),
    payload: { location_id: 'DC-1', reason: 'correction', note: null },
    ...change,
  };
}
