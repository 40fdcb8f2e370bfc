import { describe, expect, it } from 'vitest';
import { applyInput, checkRecord, hierarchyIssue, parseRecord, RECORD_FIELDS } from './records';

const familyId = '3f1c4a52-94a5-4b0c-9a53-0c4d2f7f5a11';
const validSku = {
  code: 'THBLKMED',
  gtin: '06141412000005',
  name: 'Trailhead Tee',
  familyId,
  priceCents: 1999,
};

describe('SKU schema', () => {
  it('fills optional fields with defaults and accepts GTIN-8, -12, -13 and -14', () => {
    const candidate = applyInput('SKU', null, validSku);
    expect(parseRecord('SKU', candidate)).toMatchObject({ baseUom: 'EA', packSize: 1, supplierId: null });
    for (const gtin of ['96385074', '036000291452', '4006381333931', '10614141000415']) {
      expect(checkRecord('SKU', { ...candidate, gtin }).issues).toEqual([]);
    }
  });

  it('names the field of every broken rule', () => {
    const candidate = applyInput('SKU', null, validSku);
    const fieldsOf = (change: Record<string, unknown>) =>
      checkRecord('SKU', { ...candidate, ...change }).issues.map((issue) => issue.field);
    expect(fieldsOf({ gtin: '4006381333932' })).toEqual(['gtin']);
    expect(fieldsOf({ code: 'thblkmed' })).toEqual(['code']);
    expect(fieldsOf({ weightGrams: 0, heightMm: 10_001 })).toEqual(['weightGrams', 'heightMm']);
    expect(fieldsOf({ uomConversions: [{ uom: 'CT', factor: 0 }] })).toEqual(['uomConversions.0.factor']);
    expect(fieldsOf({ minOrderQty: 1.5 })).toEqual(['minOrderQty']);
    expect(checkRecord('SKU', { ...candidate, name: undefined }).issues).toEqual([
      { field: 'name', code: 'REQUIRED', message: 'name is required' },
    ]);
  });

  it('refuses a required field missing on create with BAD_USER_INPUT naming it', () => {
    expect(() => parseRecord('SKU', applyInput('SKU', null, { ...validSku, gtin: undefined }))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'gtin' } }),
    );
  });
});

describe('edits', () => {
  it('keeps absent fields, clears null ones and refuses setting a derived field', () => {
    const current = parseRecord('SKU', applyInput('SKU', null, { ...validSku, weightGrams: 100 }));
    expect(applyInput('SKU', current, { weightGrams: null, name: undefined })).toMatchObject({
      weightGrams: null,
      name: 'Trailhead Tee',
    });
    expect(() => applyInput('SUPPLIER', null, { flag: 'NONE' })).toThrow(
      expect.objectContaining({ details: { field: 'flag' } }),
    );
    expect(() => applyInput('LOCATION', null, { quarantined: false })).toThrow(/supplier rules/);
  });

  it('checks supplier reliability and location residency', () => {
    const supplier = {
      code: 'SUP-A',
      name: 'A',
      leadTimeHours: 48,
      leadTimeStdDevHours: 0,
      flag: 'NONE',
      dataOwnerId: null,
    };
    expect(checkRecord('SUPPLIER', { ...supplier, reliability: 1.2 }).issues[0]?.field).toBe('reliability');
    expect(checkRecord('SUPPLIER', { ...supplier, code: null, reliability: 0.9 }).issues[0]).toMatchObject({
      field: 'code',
      code: 'REQUIRED',
    });
    expect(RECORD_FIELDS.LOCATION).toContain('dataResidency');
  });
});

describe('location hierarchy', () => {
  it('puts stores under a DC, DCs at the top or under a DC, supplier sites on their own', () => {
    expect(hierarchyIssue('STORE', 'DC')).toBeNull();
    expect(hierarchyIssue('STORE', null)).toMatch(/DC as its parent/);
    expect(hierarchyIssue('DC', null)).toBeNull();
    expect(hierarchyIssue('DC', 'STORE')).not.toBeNull();
    expect(hierarchyIssue('SUPPLIER_SITE', 'DC')).not.toBeNull();
  });
});
