import { describe, expect, it } from 'vitest';
import { mappingsInForce, mapSourceRecord, type SourceMappingRule } from './source-mapping';

const rules: SourceMappingRule[] = [
  { kind: 'SKU', sourceValue: 'ERP-100', targetValue: 'THBLKMED', effectiveFrom: '2026-01-01T00:00:00Z' },
  { kind: 'SKU', sourceValue: 'ERP-100', targetValue: 'THBLKM2D', effectiveFrom: '2026-06-01T00:00:00Z' },
  { kind: 'SKU', sourceValue: 'ERP-OLD', targetValue: 'THNVYMED', effectiveFrom: '2026-01-01T00:00:00Z' },
  { kind: 'SKU', sourceValue: 'ERP-OLD', targetValue: null, effectiveFrom: '2026-03-01T00:00:00Z' },
  { kind: 'UOM', sourceValue: 'CS', targetValue: 'EA', factor: 12, effectiveFrom: '2026-01-01T00:00:00Z' },
  { kind: 'UOM', sourceValue: 'HALF', targetValue: 'EA', factor: 0.5, effectiveFrom: '2026-01-01T00:00:00Z' },
  { kind: 'UOM', sourceValue: 'BAD', targetValue: 'XX', factor: 1, effectiveFrom: '2026-01-01T00:00:00Z' },
  { kind: 'PARTY', sourceValue: 'WH01', targetValue: 'DC-RNO', effectiveFrom: '2026-01-01T00:00:00Z' },
];
const at = new Date('2026-07-01T00:00:00Z');

const v2 = (fields: Record<string, unknown> = {}) => ({
  version: '2.0.0',
  event_type: 'receipt',
  sku_id: 'ERP-100',
  measure: { quantity: 3, uom: 'CS' },
  payload: { receipt_id: 'R-1', location_id: 'WH01', order_id: null },
  ...fields,
});

describe('mapSourceRecord', () => {
  it('maps SKU, party and unit (multiplying the quantity) with the mappings in force at the time', () => {
    const result = mapSourceRecord(v2(), rules, at);
    expect(result).toEqual({
      ok: true,
      errors: [],
      record: {
        ...v2(),
        sku_id: 'THBLKM2D',
        measure: { quantity: 36, uom: 'EA' },
        payload: { receipt_id: 'R-1', location_id: 'DC-RNO', order_id: null },
      },
    });
    const earlier = mapSourceRecord(v2(), rules, new Date('2026-02-01T00:00:00Z'));
    expect(earlier.record?.sku_id).toBe('THBLKMED');
  });

  it('maps the 1.x layout (top-level quantity and uom) too', () => {
    const result = mapSourceRecord(
      { version: '1.0.0', sku_id: 'ERP-100', quantity: 2, uom: 'CS', payload: {} },
      rules,
      at,
    );
    expect(result.record).toMatchObject({ quantity: 24, uom: 'EA' });
  });

  it('reports every error at once: unmapped, retired, bad target, fractional quantity', () => {
    const unmapped = mapSourceRecord(
      v2({ sku_id: 'ERP-404', payload: { location_id: 'WH99' }, measure: { quantity: 3, uom: 'HALF' } }),
      rules,
      at,
    );
    expect(unmapped.ok).toBe(false);
    expect(unmapped.errors.map((error) => [error.field, error.code])).toEqual([
      ['sku_id', 'UNMAPPED_VALUE'],
      ['payload.location_id', 'UNMAPPED_VALUE'],
      ['measure.quantity', 'QUANTITY_NOT_WHOLE'],
    ]);
    expect(mapSourceRecord(v2({ sku_id: 'ERP-OLD' }), rules, at).errors[0]).toMatchObject({
      field: 'sku_id',
      code: 'MAPPING_RETIRED',
    });
    expect(mapSourceRecord(v2({ measure: { quantity: 1, uom: 'BAD' } }), rules, at).errors[0]?.code).toBe(
      'INVALID_TARGET',
    );
    expect(mapSourceRecord([1], rules, at).errors[0]?.code).toBe('NOT_AN_OBJECT');
  });

  it('passes values through for a kind without rules, and Rec 20 units without a mapping', () => {
    const skuOnly = rules.filter((rule) => rule.kind === 'SKU');
    expect(mapSourceRecord(v2({ payload: { location_id: 'ANY' } }), skuOnly, at).record).toMatchObject({
      payload: { location_id: 'ANY' },
      measure: { quantity: 3, uom: 'CS' },
    });
    expect(mapSourceRecord(v2({ measure: { quantity: 5, uom: 'KGM' } }), rules, at).record).toMatchObject({
      measure: { quantity: 5, uom: 'KGM' },
    });
  });

  it('does not change its input', () => {
    const input = v2();
    mapSourceRecord(input, rules, at);
    expect(input).toEqual(v2());
  });

  it('ignores mappings that take effect later', () => {
    const table = mappingsInForce(rules, new Date('2025-12-31T00:00:00Z'));
    expect(table.SKU.size + table.UOM.size + table.PARTY.size).toBe(0);
  });
});
