import { describe, expect, it } from 'vitest';
import {
  checkIdempotencyKey,
  checkSubmittedCount,
  correctionIdempotency,
  discardReason,
  parseRecordJson,
  submissionRequestHash,
  throughputSeries,
  throughputWindow,
  windowStart,
} from './ingestion';

const counts = (minute: string, accepted: number) => ({
  minute: new Date(minute),
  accepted,
  duplicates: 1,
  rejected: 2,
  warned: 0,
});

describe('throughputSeries', () => {
  it('lists every minute of the window, oldest first, ending with the current minute, zeros where quiet', () => {
    const now = new Date('2026-11-27T14:05:42Z');
    const series = throughputSeries(
      [
        counts('2026-11-27T14:03:00Z', 7),
        counts('2026-11-27T14:05:00Z', 3),
        counts('2026-11-27T13:00:00Z', 99),
      ],
      now,
      4,
    );
    expect(series.map((minute) => [minute.minute.toISOString(), minute.accepted])).toEqual([
      ['2026-11-27T14:02:00.000Z', 0],
      ['2026-11-27T14:03:00.000Z', 7],
      ['2026-11-27T14:04:00.000Z', 0],
      ['2026-11-27T14:05:00.000Z', 3],
    ]);
    expect(series[1]).toMatchObject({ duplicates: 1, rejected: 2, warned: 0 });
    expect(series[0]).toMatchObject({ duplicates: 0, rejected: 0, warned: 0 });
  });

  it('starts the window minutes - 1 minutes before the current minute', () => {
    expect(windowStart(new Date('2026-11-27T14:05:42Z'), 60).toISOString()).toBe('2026-11-27T13:06:00.000Z');
  });

  it('accepts 1 to 1440 minutes, 60 by default', () => {
    expect(throughputWindow(undefined)).toBe(60);
    expect(throughputWindow(1440)).toBe(1440);
    for (const bad of [0, -5, 1441, 2.5]) {
      expect(() => throughputWindow(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});

describe('parseRecordJson', () => {
  it('reads JSON of any shape (the write path judges it) and refuses text that is not JSON', () => {
    expect(parseRecordJson('{"a":1}', 'recordJson')).toEqual({ a: 1 });
    expect(parseRecordJson('7', 'recordJson')).toBe(7);
    expect(() => parseRecordJson('{"a":', 'recordsJson.2')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'recordsJson.2' } }),
    );
  });

  it('refuses oversized text before parsing it', () => {
    expect(() => parseRecordJson(`"${'x'.repeat(300_000)}"`, 'recordJson')).toThrow(/longer than/);
  });
});

describe('idempotency of GraphQL writes', () => {
  it('derives the same correction key for the same record however it is spaced, another for another record', () => {
    const id = '0b9a9c1e-5f3d-4e7a-9c41-2f6d8a1b7c10';
    const first = correctionIdempotency(id, parseRecordJson('{ "a": 1 }', 'recordJson'));
    expect(correctionIdempotency(id, { a: 1 })).toEqual(first);
    expect(correctionIdempotency(id, { a: 2 }).key).not.toBe(first.key);
    expect(correctionIdempotency('another', { a: 1 }).key).not.toBe(first.key);
    expect(first.key.length).toBeLessThanOrEqual(255);
  });

  it('hashes submitted records in order', () => {
    expect(submissionRequestHash(['a', 'b'])).toBe(submissionRequestHash(['a', 'b']));
    expect(submissionRequestHash(['a', 'b'])).not.toBe(submissionRequestHash(['b', 'a']));
    expect(submissionRequestHash(['ab'])).not.toBe(submissionRequestHash(['a', 'b']));
  });

  it('checks keys, counts and reasons', () => {
    expect(checkIdempotencyKey('k-1')).toBe('k-1');
    expect(() => checkIdempotencyKey('has space')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkSubmittedCount(0)).toThrow();
    expect(() => checkSubmittedCount(1001)).toThrow();
    expect(() => checkSubmittedCount(1000)).not.toThrow();
    expect(discardReason('  duplicate feed  ')).toBe('duplicate feed');
    expect(() => discardReason(' x ')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
