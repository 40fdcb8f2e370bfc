import { describe, expect, it } from 'vitest';
import { mappingInputs, mappingRowProblems, parsePayloadJson } from './master-data-mapping';

describe('parsePayloadJson', () => {
  it('takes one record or a list of records', () => {
    expect(parsePayloadJson('{"item":"A-1"}')).toEqual({ ok: true, payload: { item: 'A-1' }, records: 1 });
    expect(parsePayloadJson('[{"item":"A-1"},{"item":"B-2"}]')).toMatchObject({ ok: true, records: 2 });
  });

  it('says where the JSON breaks', () => {
    // A missing comma between two properties: the engine points at the second one.
    const parsed = parsePayloadJson('{\n  "item": "A-1"\n  "qty": 2\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^The payload is not valid JSON at line 3, column 3\./);
  });

  it('refuses empty text, single values and lists of non-records', () => {
    expect(parsePayloadJson('  ')).toEqual({
      ok: false,
      message: 'Paste a source payload: one JSON record or a list of them.',
    });
    expect(parsePayloadJson('42')).toEqual({
      ok: false,
      message: 'The payload must be a JSON object or a list of objects.',
    });
    expect(parsePayloadJson('[{"a":1}, 2]')).toEqual({
      ok: false,
      message: 'Record 2 of the list is not a JSON object.',
    });
  });
});

describe('mapping rows', () => {
  it('needs a source value, and a positive factor for a unit', () => {
    expect(
      mappingRowProblems({ kind: 'SKU', sourceValue: ' ', targetValue: 'THBLKMED', factor: '' }),
    ).toEqual({
      sourceValue: 'Type the value the source system sends.',
    });
    expect(mappingRowProblems({ kind: 'UOM', sourceValue: 'BOX', targetValue: 'EA', factor: '0' })).toEqual({
      factor: 'A unit mapping needs a factor above 0: canonical units per source unit.',
    });
    expect(mappingRowProblems({ kind: 'UOM', sourceValue: 'BOX', targetValue: 'EA', factor: '12' })).toEqual(
      {},
    );
    // Retiring a unit mapping needs no factor.
    expect(mappingRowProblems({ kind: 'UOM', sourceValue: 'BOX', targetValue: '', factor: '' })).toEqual({});
  });

  it('turns rows into API input; an empty target retires the mapping', () => {
    expect(
      mappingInputs(' erp ', [
        { kind: 'UOM', sourceValue: ' BOX ', targetValue: 'EA', factor: '12' },
        { kind: 'SKU', sourceValue: '100-200', targetValue: '', factor: '5' },
      ]),
    ).toEqual([
      { sourceSystem: 'erp', kind: 'UOM', sourceValue: 'BOX', targetValue: 'EA', factor: 12 },
      { sourceSystem: 'erp', kind: 'SKU', sourceValue: '100-200', targetValue: null, factor: null },
    ]);
  });
});
