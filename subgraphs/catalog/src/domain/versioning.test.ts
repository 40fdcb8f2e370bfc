import { describe, expect, it } from 'vitest';
import type { MasterRecord } from './records';
import { applyChanges, bumpOf, diffRecords, nextTag, rebuildRecords, type StoredVersion } from './versioning';

const sku: MasterRecord = {
  code: 'THBLKMED',
  gtin: '06141412000005',
  name: 'Tee',
  familyId: 'f',
  supplierId: null,
  baseUom: 'EA',
  uomConversions: [{ uom: 'CT', factor: 24 }],
  weightGrams: 180,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
  unitCostCents: 650,
  priceCents: 1999,
  minOrderQty: 1,
  packSize: 1,
  dataOwnerId: null,
};

describe('semantic version of a change', () => {
  it('bumps major for identity and unit fields, minor for commercial and planning, patch for descriptive', () => {
    const bump = (change: MasterRecord) => bumpOf('SKU', diffRecords('SKU', sku, { ...sku, ...change }));
    expect(bump({ gtin: '06141412000012' })).toBe('major');
    expect(bump({ uomConversions: [{ uom: 'CT', factor: 12 }] })).toBe('major');
    expect(bump({ priceCents: 2099, name: 'Tee 2' })).toBe('minor');
    expect(bump({ weightGrams: 200 })).toBe('minor');
    expect(bump({ name: 'Tee 2', dataOwnerId: 'u' })).toBe('patch');
    expect(bump({})).toBeNull();
    expect(bumpOf('LOCATION', [{ field: 'parentId', before: null, after: 'x' }])).toBe('major');
    expect(bumpOf('SUPPLIER', [{ field: 'leadTimeHours', before: 1, after: 2 }])).toBe('minor');
  });

  it('resets the lower parts of the tag', () => {
    expect(nextTag('1.4.2', 'major')).toBe('2.0.0');
    expect(nextTag('1.4.2', 'minor')).toBe('1.5.0');
    expect(nextTag('1.4.2', 'patch')).toBe('1.4.3');
  });

  it('lists every field a new record sets as a change from null, in field order', () => {
    const changes = diffRecords('SKU', null, sku);
    expect(changes.map((change) => change.field)).toEqual([
      'code',
      'gtin',
      'name',
      'familyId',
      'baseUom',
      'uomConversions',
      'weightGrams',
      'unitCostCents',
      'priceCents',
      'minOrderQty',
      'packSize',
    ]);
    expect(changes[0]).toEqual({ field: 'code', before: null, after: 'THBLKMED' });
  });
});

describe('rebuilding versions whose snapshot was cleared', () => {
  it('rebuilds every old version equal to the original from the newest snapshot and the changes', () => {
    const originals: MasterRecord[] = [sku];
    const edits: MasterRecord[] = [
      { name: 'Tee v2' },
      { priceCents: 2199, packSize: 6 },
      { uomConversions: [] },
      { weightGrams: null, lengthMm: 300 },
      { name: 'Tee v6', dataOwnerId: 'owner' },
      { code: 'THBLKM2D' },
      { priceCents: 2299 },
      { gtin: '06141412000012', name: 'Tee v9' },
      { uomConversions: [{ uom: 'PL', factor: 960 }] },
    ];
    const stored: StoredVersion[] = [{ version: 1, snapshot: sku, changes: diffRecords('SKU', null, sku) }];
    edits.forEach((edit, index) => {
      const before = originals.at(-1)!;
      const changes = diffRecords('SKU', before, { ...before, ...edit });
      const after = applyChanges(before, changes);
      originals.push(after);
      stored.push({ version: index + 2, snapshot: after, changes });
    });
    // The hot window keeps the newest seven snapshots.
    const cold = stored.map((version, index) =>
      index < stored.length - 7 ? { ...version, snapshot: null } : version,
    );
    const rebuilt = rebuildRecords([...cold].reverse());
    expect(cold.filter((version) => version.snapshot === null)).toHaveLength(3);
    expect(originals.map((_, index) => rebuilt.get(index + 1))).toEqual(originals);
  });

  it('refuses to rebuild without a newer snapshot', () => {
    expect(() => rebuildRecords([{ version: 3, snapshot: null, changes: [] }])).toThrow(/cannot be rebuilt/);
  });
});
