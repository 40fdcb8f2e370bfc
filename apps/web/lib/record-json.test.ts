import { describe, expect, it } from 'vitest';
import {
  describeFieldValue,
  lineAndColumn,
  parseRecordJson,
  prettyRecordJson,
  skuCodeOf,
  valueAtField,
} from './record-json';

const record = {
  transaction_id: '0b9a9c1e-5f3d-4e7a-9c41-2f6d8a1b7c10',
  event_type: 'inventory_adjustment',
  sku_id: 'TTBLKM01',
  measure: { quantity: 7, uom: 'BOX?' },
  payload: { location_id: 'DC-RNO', note: null },
};

describe('prettyRecordJson', () => {
  it('indents a compact record two spaces', () => {
    expect(prettyRecordJson('{"a":1,"b":{"c":2}}')).toBe('{\n  "a": 1,\n  "b": {\n    "c": 2\n  }\n}');
  });

  it('leaves text that is not JSON as it is, so it can still be fixed by hand', () => {
    expect(prettyRecordJson('{"a": 1,')).toBe('{"a": 1,');
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

describe('parseRecordJson', () => {
  it('returns the object and its compact form', () => {
    const parsed = parseRecordJson(JSON.stringify(record, null, 2));
    expect(parsed).toEqual({ ok: true, record, compact: JSON.stringify(record) });
  });

  it('says on which line the JSON breaks', () => {
    const broken = '{\n  "sku_id": "TTBLKM01",\n  "measure": { "quantity": 7 "uom": "EA" }\n}';
    const parsed = parseRecordJson(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^The record is not valid JSON at line 3, column \d+\./);
  });

  it('refuses an empty text, a list and a single value', () => {
    expect(parseRecordJson('   ')).toEqual({ ok: false, message: expect.stringContaining('empty') });
    expect(parseRecordJson('[{}]')).toEqual({
      ok: false,
      message: expect.stringContaining('one JSON object'),
    });
    expect(parseRecordJson('"text"')).toEqual({
      ok: false,
      message: expect.stringContaining('one JSON object'),
    });
    expect(parseRecordJson('null')).toEqual({
      ok: false,
      message: expect.stringContaining('one JSON object'),
    });
  });
});

describe('valueAtField', () => {
  it('follows a dotted path', () => {
    expect(valueAtField(record, 'measure.uom')).toBe('BOX?');
    expect(valueAtField(record, 'payload.note')).toBeNull();
    expect(valueAtField(record, '')).toBe(record);
  });

  it('is undefined for a path that does not exist', () => {
    expect(valueAtField(record, 'measure.unit')).toBeUndefined();
    expect(valueAtField(record, 'sku_id.code')).toBeUndefined();
  });
});

describe('describeFieldValue', () => {
  const json = JSON.stringify(record);

  it('shows the current value as JSON, or says it is missing', () => {
    expect(describeFieldValue(json, 'measure.uom')).toBe('"BOX?"');
    expect(describeFieldValue(json, 'measure.quantity')).toBe('7');
    expect(describeFieldValue(json, 'lot')).toBe('missing');
  });

  it('shortens long values and says nothing about the document itself or broken JSON', () => {
    expect(describeFieldValue(JSON.stringify({ note: 'x'.repeat(100) }), 'note')).toHaveLength(58);
    expect(describeFieldValue(json, '')).toBe('');
    expect(describeFieldValue('{', 'sku_id')).toBe('');
  });
});

describe('skuCodeOf', () => {
  it('reads the SKU code from sku_id', () => {
    expect(skuCodeOf(JSON.stringify(record))).toBe('TTBLKM01');
  });

  it('is null without a usable sku_id', () => {
    expect(skuCodeOf(JSON.stringify({ sku_id: null }))).toBeNull();
    expect(skuCodeOf(JSON.stringify({ sku_id: ' ' }))).toBeNull();
    expect(skuCodeOf('not json')).toBeNull();
  });
});
