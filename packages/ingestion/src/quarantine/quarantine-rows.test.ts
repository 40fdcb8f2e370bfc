import { describe, expect, it } from 'vitest';
import {
  MAX_QUARANTINED_RECORD_CHARS,
  quarantineRow,
  quarantineRowsJson,
  storableRecord,
} from './quarantine-rows';

const reason = { field: 'sku_id', code: 'UNKNOWN_SKU', message: 'unknown' };

describe('quarantineRow', () => {
  it('reads the identifying fields of the record when they are text', () => {
    const row = quarantineRow('t1', 'transactions', { transaction_id: 'tx-1', correlation_id: 7 }, [reason]);
    expect(row).toMatchObject({
      tenantId: 't1',
      channel: 'transactions',
      transactionId: 'tx-1',
      correlationId: null,
      sourceSystem: null,
      reasons: [reason],
    });
  });

  it('bounds reasons and text columns', () => {
    const long = 'x'.repeat(10_000);
    const row = quarantineRow('t1', 'graphql', { transaction_id: long }, [
      { field: long, code: 'BAD_USER_INPUT', message: long },
    ]);
    expect(row.transactionId).toHaveLength(200);
    expect(row.reasons[0]?.field).toHaveLength(200);
    expect(row.reasons[0]?.message).toHaveLength(500);
  });
});

describe('storableRecord', () => {
  it('keeps a record of normal size as it is', () => {
    const record = { a: 1, b: ['x'] };
    expect(storableRecord(record)).toBe(record);
    expect(storableRecord(undefined)).toBeNull();
  });

  it('keeps only a preview of an oversized record, with its size', () => {
    const record = { note: 'y'.repeat(MAX_QUARANTINED_RECORD_CHARS) };
    const kept = storableRecord(record) as { truncated: boolean; jsonChars: number; preview: string };
    expect(kept.truncated).toBe(true);
    expect(kept.jsonChars).toBe(JSON.stringify(record).length);
    expect(kept.preview.startsWith('{"note":"yyy')).toBe(true);
    expect(kept.preview.length).toBeLessThan(5000);
  });

  it('keeps a placeholder for a record nested too deeply to write as JSON', () => {
    let deep: unknown = 1;
    for (let depth = 0; depth < 200_000; depth++) deep = [deep];
    expect(storableRecord(deep)).toEqual({ truncated: true, jsonChars: null, preview: '' });
  });
});

describe('quarantineRowsJson', () => {
  it('is plain JSON when nothing needs rewriting', () => {
    const rows = [quarantineRow('t1', 'transactions', { a: 'b' }, [reason])];
    expect(quarantineRowsJson(rows)).toBe(JSON.stringify(rows));
  });

  it('replaces NUL and lone surrogates, in keys too, which jsonb refuses', () => {
    const rows = [
      quarantineRow('t1', 'transactions', { 'k\u0000': 'a\u0000b', s: 'x\uD800y', ok: '\uD83D\uDE00' }, [
        reason,
      ]),
      quarantineRow('t1', 'transactions', { fine: true }, [reason]),
    ];
    const json = quarantineRowsJson(rows);
    expect(json).not.toMatch(/\\u0000|\\ud800/i);
    const [first, second] = JSON.parse(json);
    expect(first.record).toEqual({ 'k\uFFFD': 'a\uFFFDb', s: 'x\uFFFDy', ok: '\uD83D\uDE00' });
    expect(second.record).toEqual({ fine: true });
  });

  it('keeps a backslash followed by u0000 as the text it is', () => {
    const rows = [quarantineRow('t1', 'transactions', { note: '\\u0000' }, [reason])];
    expect(JSON.parse(quarantineRowsJson(rows))[0].record).toEqual({ note: '\\u0000' });
  });
});
