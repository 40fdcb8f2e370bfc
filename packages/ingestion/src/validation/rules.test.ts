import type { CanonicalTransactionV2 } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { type CatalogView, FUTURE_TOLERANCE_MS, ruleIssues, uomFieldOf } from './rules';

const now = Date.parse('2026-11-27T14:00:00Z');
const catalog: CatalogView = {
  baseUomOf: (code) => ({ SKU1: 'EA', FLOUR1: 'KGM' })[code],
  hasLocation: (code) => code === 'DC-1',
};

function adjustment(change: Partial<Record<string, unknown>> = {}): CanonicalTransactionV2 {
  return {
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
    ...change,
  } as CanonicalTransactionV2;
}

const codesOf = (record: CanonicalTransactionV2) =>
  ruleIssues(record, catalog, now).map((issue) => issue.code);

describe('ruleIssues', () => {
  it('finds nothing wrong with a record over known SKU and location in the base unit', () => {
    expect(ruleIssues(adjustment(), catalog, now)).toEqual([]);
  });

  it('names an unknown SKU and skips the unit check it would need the SKU for', () => {
    const issues = ruleIssues(
      adjustment({ sku_id: 'GHOST', measure: { quantity: 1, uom: 'KGM' } }),
      catalog,
      now,
    );
    expect(issues).toEqual([
      { field: 'sku_id', code: 'UNKNOWN_SKU', message: expect.stringContaining('GHOST') },
    ]);
  });

  it('names an unknown location in the payload', () => {
    const issues = ruleIssues(
      adjustment({ payload: { location_id: 'DC-9', reason: 'correction', note: null } }),
      catalog,
      now,
    );
    expect(issues.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'payload.location_id', code: 'UNKNOWN_LOCATION' },
    ]);
  });

  it('flags a unit other than the SKU base unit, at the field the sender used', () => {
    const record = adjustment({ sku_id: 'FLOUR1', measure: { quantity: 5, uom: 'EA' } });
    expect(ruleIssues(record, catalog, now)).toEqual([
      { field: 'measure.uom', code: 'UOM_MISMATCH', message: expect.stringContaining('KGM') },
    ]);
    expect(ruleIssues(record, catalog, now, 'uom')[0]?.field).toBe('uom');
  });

  it('allows timestamps up to 5 minutes ahead and flags later ones', () => {
    const at = (ms: number) => adjustment({ timestamp: new Date(ms).toISOString() });
    expect(codesOf(at(now + FUTURE_TOLERANCE_MS))).toEqual([]);
    expect(codesOf(at(now + FUTURE_TOLERANCE_MS + 1000))).toEqual(['TIMESTAMP_IN_FUTURE']);
  });

  it('checks no SKU or location where the event type carries none', () => {
    const ping = adjustment({
      event_type: 'tracking_ping',
      sku_id: null,
      measure: null,
      payload: { kind: 'carrier_heartbeat', carrier_code: 'DHL', device_id: null, battery_pct: null },
    });
    expect(ruleIssues(ping, catalog, now)).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    const record = adjustment({
      sku_id: 'GHOST',
      timestamp: '2030-01-01T00:00:00Z',
      payload: { location_id: 'DC-9', reason: 'correction', note: null },
    });
    expect(codesOf(record)).toEqual(['UNKNOWN_SKU', 'UNKNOWN_LOCATION', 'TIMESTAMP_IN_FUTURE']);
  });
});

describe('uomFieldOf', () => {
  it('is uom for 1.x records and measure.uom otherwise', () => {
    expect(uomFieldOf({ quantity: 1, uom: 'EA' })).toBe('uom');
    expect(uomFieldOf({ measure: { quantity: 1, uom: 'EA' } })).toBe('measure.uom');
    expect(uomFieldOf(null)).toBe('measure.uom');
  });
});
