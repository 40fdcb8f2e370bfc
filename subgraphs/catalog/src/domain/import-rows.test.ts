import { describe, expect, it } from 'vitest';
import { parseImportRows } from './import-rows';

describe('parseImportRows', () => {
  it('reads CSV cells as the fields want them and leaves empty cells out', () => {
    const { rows, errors } = parseImportRows(
      'SKU',
      'CSV',
      'code,name,priceCents,uomConversions,familyCode,weightGrams\nTHBLKMED,Tee,1999,CT:24;PL:960,TEES,\n\n',
    );
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.values)).toEqual([
      {
        code: 'THBLKMED',
        name: 'Tee',
        priceCents: 1999,
        uomConversions: [
          { uom: 'CT', factor: 24 },
          { uom: 'PL', factor: 960 },
        ],
        familyCode: 'TEES',
        weightGrams: undefined,
      },
    ]);
  });

  it('keeps a non-numeric number as text for the schema to name', () => {
    expect(parseImportRows('SUPPLIER', 'CSV', 'code,reliability\nSUP-A,high').rows[0]?.values).toMatchObject({
      reliability: 'high',
    });
  });

  it('reports a row with more cells than columns (an unquoted comma) by its number, blank lines counted', () => {
    const { rows, errors } = parseImportRows('SKU', 'CSV', 'code,name\nA,Tee\n\nB,Tee, black\nC,Tee');
    expect(rows.map((row) => row.row)).toEqual([1, 4]);
    expect(errors).toMatchObject([{ row: 3, field: null, code: 'TOO_MANY_CELLS' }]);
  });

  it('refuses an unknown column, broken JSON or a JSON object instead of an array, on row 0', () => {
    expect(parseImportRows('SKU', 'CSV', 'code,colour\nA,red').errors).toMatchObject([
      { row: 0, field: 'colour', code: 'UNKNOWN_COLUMN' },
    ]);
    expect(parseImportRows('SKU', 'JSON', '{').errors[0]?.code).toBe('INVALID_JSON');
    expect(parseImportRows('SKU', 'JSON', '{"code":"A"}').errors[0]?.code).toBe('INVALID_JSON');
    expect(parseImportRows('LOCATION', 'JSON', '[{"code":"DC-1","parentCode":null}]').rows).toHaveLength(1);
  });
});
