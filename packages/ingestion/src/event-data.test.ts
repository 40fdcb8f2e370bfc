import { canonicalTransactionV2 } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { readTransactionReceived, transactionReceivedData } from './event-data';

const record = canonicalTransactionV2.parse({
  transaction_id: '0b9a9c1e-5f3d-4e7a-9c41-2f6d8a1b7c10',
  correlation_id: 'po-1',
  source_system: 'erp',
  event_type: 'inventory_adjustment',
  sku_id: 'SKU1',
  shipment_id: null,
  lot: null,
  measure: { quantity: 5, uom: 'EA' },
  timestamp: '2026-11-27T13:59:00Z',
  version: '2.0.0',
  status: 'active',
  tenant_id: '7c0e2f55-7a0d-4d5e-9a57-0b1f1f1f1f1f',
  idempotency_key: 'k1',
  payload: { location_id: 'DC-1', reason: 'correction', note: null },
});
const warning = { field: 'sku_id', code: 'UNKNOWN_SKU', message: 'unknown' };

describe('transaction_received data', () => {
  it('is the record itself when there are no warnings', () => {
    expect(transactionReceivedData(record, [])).toBe(record);
    expect(readTransactionReceived(record)).toEqual({ transaction: record, warnings: [] });
  });

  it('carries warnings beside the record, and reads back a transaction the canonical schema accepts', () => {
    const data = JSON.parse(JSON.stringify(transactionReceivedData(record, [warning])));
    expect(data.warnings).toEqual([warning]);
    const { transaction, warnings } = readTransactionReceived(data);
    expect(warnings).toEqual([warning]);
    expect(canonicalTransactionV2.parse(transaction)).toEqual(record);
  });
});
