import { describe, expect, it } from 'vitest';
import {
  describeApprovalReason,
  describeUser,
  diffRows,
  entityLabel,
  fieldLabel,
  formatCents,
  formatFieldValue,
  formatSince,
  importFormatOfFile,
  isCreation,
  isMasterField,
  masterRecordPath,
  orderedPair,
  userIdOfToken,
} from './master-data';

describe('masterRecordPath', () => {
  it('puts each entity type under its own segment', () => {
    expect(masterRecordPath('SKU', 'a1')).toBe('/master-data/skus/a1');
    expect(masterRecordPath('SUPPLIER', 'b/2')).toBe('/master-data/suppliers/b%2F2');
    expect(masterRecordPath('LOCATION', 'c3')).toBe('/master-data/locations/c3');
  });
});

describe('entityLabel', () => {
  it('names the governed types and spells out others', () => {
    expect(entityLabel('SUPPLIER')).toBe('Supplier');
    expect(entityLabel('REPLENISHMENT_POLICY')).toBe('Replenishment policy');
  });
});

describe('formatting field values', () => {
  it('shows cents as dollars', () => {
    expect(formatCents(2060)).toBe('$20.60');
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatFieldValue('priceCents', 1999)).toBe('$19.99');
  });

  it('adds the unit of measurements', () => {
    expect(formatFieldValue('weightGrams', 1700)).toBe('1,700 g');
    expect(formatFieldValue('lengthMm', 320)).toBe('320 mm');
    expect(formatFieldValue('leadTimeHours', 48)).toBe('48 h');
    expect(formatFieldValue('packSize', 12)).toBe('12 base units');
    expect(formatFieldValue('minOrderQty', 1)).toBe('1 base unit');
    expect(formatFieldValue('reliability', 0.955)).toBe('95.5%');
    expect(formatFieldValue('reliability', '0.9')).toBe('90.0%');
  });

  it('says when a value is not set, and shows other values as they are', () => {
    expect(formatFieldValue('weightGrams', null)).toBe('not set');
    expect(formatFieldValue('name', '')).toBe('not set');
    expect(formatFieldValue('name', 'Trailhead Tee')).toBe('Trailhead Tee');
    expect(formatFieldValue('quarantined', true)).toBe('Yes');
    expect(formatFieldValue('somethingElse', { a: 1 })).toBe('{"a":1}');
  });

  it('names referenced records the page knows, by id', () => {
    const names = new Map([['14870b1c-0503-5403-a8b9-b659eee51668', 'Trailhead Tee']]);
    expect(formatFieldValue('familyId', '14870b1c-0503-5403-a8b9-b659eee51668', names)).toBe('Trailhead Tee');
    expect(formatFieldValue('supplierId', 'dab0bcc7-9abf', names)).toBe('dab0bcc7-9abf');
    expect(
      diffRows([{ field: 'familyId', before: null, after: '14870b1c-0503-5403-a8b9-b659eee51668' }], names)[0]
        ?.after,
    ).toBe('Trailhead Tee');
  });

  it('lists unit conversions', () => {
    expect(
      formatFieldValue('uomConversions', [
        { uom: 'CS', factor: 12 },
        { uom: 'PK', factor: 0.5 },
      ]),
    ).toBe('1 CS = 12 base units, 1 PK = 0.5 base units');
    expect(formatFieldValue('uomConversions', [])).toBe('none');
  });

  it('names fields in words, unknown ones from their camelCase', () => {
    expect(fieldLabel('priceCents')).toBe('List price');
    expect(fieldLabel('leadTimeStdDevHours')).toBe('Lead time std. dev.');
    expect(fieldLabel('safetyStockDays')).toBe('Safety stock days');
    expect(isMasterField('supplierCode')).toBe(true);
    expect(isMasterField('measure.uom')).toBe(false);
  });
});

describe('diffRows', () => {
  it('shows before and after with units and the relative change of numbers', () => {
    const rows = diffRows([
      { field: 'priceCents', before: 2000, after: 2060 },
      { field: 'name', before: 'Tee', after: 'Trail Tee' },
      { field: 'weightGrams', before: null, after: 170 },
      { field: 'unitCostCents', before: 0, after: 650 },
    ]);
    expect(rows).toEqual([
      {
        field: 'priceCents',
        label: 'List price',
        before: '$20.00',
        after: '$20.60',
        relativeChange: '+3.0%',
      },
      { field: 'name', label: 'Name', before: 'Tee', after: 'Trail Tee', relativeChange: null },
      { field: 'weightGrams', label: 'Weight', before: 'not set', after: '170 g', relativeChange: null },
      // No relative change from zero.
      { field: 'unitCostCents', label: 'Unit cost', before: '$0.00', after: '$6.50', relativeChange: null },
    ]);
  });

  it('signs a decrease', () => {
    expect(diffRows([{ field: 'leadTimeHours', before: 100, after: 75 }])[0]?.relativeChange).toBe('-25.0%');
  });
});

describe('formatSince', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('says "just now" within a minute, also for a stamp a moment ahead of the browser clock', () => {
    expect(formatSince('2026-11-27T11:59:30Z', now)).toBe('just now');
    expect(formatSince('2026-11-27T12:00:02Z', now)).toBe('just now');
  });
  it('counts older times back', () => {
    expect(formatSince('2026-11-27T11:55:00Z', now)).toBe('5 min. ago');
    expect(formatSince('2026-11-27T09:00:00Z', now)).toBe('3 hr. ago');
  });
});

describe('isCreation', () => {
  it('tells a first version (nothing before) from an edit', () => {
    expect(
      isCreation([
        { field: 'code', before: null, after: 'A' },
        { field: 'name', after: 'N' },
      ]),
    ).toBe(true);
    expect(
      isCreation([
        { field: 'code', before: null, after: 'A' },
        { field: 'name', before: 'M', after: 'N' },
      ]),
    ).toBe(false);
    expect(isCreation([])).toBe(false);
  });
});

describe('orderedPair', () => {
  it('compares the older version with the newer, whatever the picking order', () => {
    expect(orderedPair(5, 2)).toEqual({ fromVersion: 2, toVersion: 5 });
    expect(orderedPair(2, 5)).toEqual({ fromVersion: 2, toVersion: 5 });
  });
});

describe('describeApprovalReason', () => {
  it('states a price change and its threshold as percentages', () => {
    expect(
      describeApprovalReason({ rule: 'PRICE_CHANGE', field: 'priceCents', variance: 0.03, threshold: 0.01 }),
    ).toBe(
      'Price changed beyond the approval threshold: List price changed by 3.0%; changes over 1.0% need approval.',
    );
  });

  it('states a lead-time change in hours', () => {
    expect(
      describeApprovalReason({
        rule: 'LEAD_TIME_CHANGE',
        field: 'leadTimeHours',
        variance: 72,
        threshold: 48,
      }),
    ).toBe('Lead time changed by 72 h; changes over 48 h need approval.');
  });
});

describe('importFormatOfFile', () => {
  it('reads the format from the extension', () => {
    expect(importFormatOfFile('skus.CSV')).toBe('CSV');
    expect(importFormatOfFile('export.json')).toBe('JSON');
    expect(importFormatOfFile('notes.txt')).toBeNull();
  });
});

describe('userIdOfToken and describeUser', () => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${encode({ alg: 'EdDSA' })}.${encode({ sub: 'a1b2c3d4-0000-4000-8000-000000000001', exp: 1 })}.sig`;

  it('reads the subject of an access token', () => {
    expect(userIdOfToken(token)).toBe('a1b2c3d4-0000-4000-8000-000000000001');
    expect(userIdOfToken('not-a-token')).toBeNull();
    expect(userIdOfToken('a.!!!.b')).toBeNull();
  });

  it('says "you" for the signed-in user, else the name, else a short id', () => {
    const me = 'a1b2c3d4-0000-4000-8000-000000000001';
    expect(describeUser(me, 'Ana Analyst', me)).toBe('you');
    expect(describeUser('ffffeeee-1', 'Adam Admin', me)).toBe('Adam Admin');
    expect(describeUser('ffffeeee-0000-4000', null, me)).toBe('user ffffeeee');
    expect(describeUser(null, null, me)).toBe('an unknown user');
  });
});
