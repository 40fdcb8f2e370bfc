import { type CanonicalTransactionV2, mappingsInForce, type SourceMappingRule } from '@meridian/canonical';
import { canonicalTransactionFixture } from '@meridian/canonical/testing';
import { describe, expect, it } from 'vitest';
import { gtinsOf, inTenantCodes } from './catalog-codes';

const gtin = '00614141107346';
const transaction = canonicalTransactionFixture('tenant-1', {
  source_system: 'epcis',
  sku_id: gtin,
  payload: { location_id: 'urn:epc:id:sgln:0614141.00777.0', reason: 'correction', note: null },
}) as CanonicalTransactionV2;
const rule = (kind: SourceMappingRule['kind'], sourceValue: string, targetValue: string | null) => ({
  kind,
  sourceValue,
  targetValue,
  effectiveFrom: new Date(0),
});
const skuCodeByGtin = new Map([[gtin, 'NW000001']]);

describe('inTenantCodes', () => {
  it("books a GTIN on the catalog's SKU and a GLN through the tenant's mapping", () => {
    const mappings = mappingsInForce([rule('PARTY', 'urn:epc:id:sgln:0614141.00777.0', 'DC-NORTH')]);
    const { record, errors } = inTenantCodes(transaction, { mappings, skuCodeByGtin });
    expect(errors).toEqual([]);
    expect(record.sku_id).toBe('NW000001');
    expect((record.payload as { location_id: string }).location_id).toBe('DC-NORTH');
  });

  it('leaves a key nothing maps as it is, for the tenant rules to judge', () => {
    const { record, errors } = inTenantCodes(transaction, {
      mappings: mappingsInForce([]),
      skuCodeByGtin: new Map(),
    });
    expect(errors).toEqual([]);
    expect(record).toEqual(transaction);
  });

  it("lets the tenant's own item mappings decide once it has some, refusing a GTIN without one", () => {
    const mappings = mappingsInForce([rule('SKU', '09999999999999', 'NW000002')]);
    const { record, errors } = inTenantCodes(transaction, { mappings, skuCodeByGtin });
    expect(errors).toEqual([expect.objectContaining({ field: 'sku_id', code: 'UNMAPPED_VALUE' })]);
    expect(record).toEqual(transaction);
  });

  it('collects each GTIN once', () => {
    const tracking = canonicalTransactionFixture('tenant-1', {
      event_type: 'shipment_milestone',
      sku_id: null,
      shipment_id: 'SHP-1',
    }) as CanonicalTransactionV2;
    expect(gtinsOf([transaction, transaction, tracking])).toEqual([gtin]);
  });
});
