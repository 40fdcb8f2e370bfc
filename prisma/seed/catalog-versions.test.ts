import { isValidGtin } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { demoUsers } from './demo';
import { buildDemoWorld } from './world';

const world = buildDemoWorld(new Date('2026-11-27T00:00:00Z'));

describe('demo master data', () => {
  it('writes version 1 of every SKU, supplier and location, owned by the analyst', () => {
    const records = world.skus.length + world.suppliers.length + world.locations.length;
    expect(world.masterRecordVersions).toHaveLength(records);
    const sku = world.masterRecordVersions.find((version) => version.entityId === world.skus[0]!.id)!;
    expect(sku).toMatchObject({ version: 1, tag: '1.0.0', authorId: demoUsers.analyst.id });
    expect(sku.snapshot).toMatchObject({
      code: world.skus[0]!.code,
      baseUom: 'EA',
      uomConversions: [{ uom: 'CT', factor: 24 }],
      minOrderQty: 24,
      packSize: 12,
      dataOwnerId: demoUsers.analyst.id,
    });
    const supplier = world.masterRecordVersions.find((version) => version.entityType === 'SUPPLIER')!;
    expect(typeof (supplier.snapshot as { reliability: unknown }).reliability).toBe('number');
  });

  it('gives SKUs prices, dimensions and valid GTINs within the catalog’s ranges', () => {
    for (const sku of world.skus) {
      expect(isValidGtin(sku.gtin)).toBe(true);
      expect(sku.priceCents).toBeGreaterThan(sku.unitCostCents ?? 0);
      for (const mm of [sku.lengthMm, sku.widthMm, sku.heightMm]) expect(mm).toBeGreaterThan(0);
    }
  });

  it('flags suppliers by reliability and quarantines the sites of the one on probation', () => {
    expect(world.suppliers.map((supplier) => [supplier.code, supplier.flag])).toEqual([
      ['SUP-SAIGON', 'WATCH'],
      ['SUP-DHAKA', 'PROBATION'],
      ['SUP-GUADA', 'NONE'],
      ['SUP-OAKLAND', 'NONE'],
    ]);
    const sites = world.locations.filter((location) => location.type === 'SUPPLIER_SITE');
    expect(sites.filter((site) => site.quarantined).map((site) => site.code)).toEqual(['SUP-DHAKA-DAC']);
    expect(sites.every((site) => /^[A-Z]{2}$/.test(site.dataResidency ?? ''))).toBe(true);
  });
});
