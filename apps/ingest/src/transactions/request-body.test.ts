import { MeridianError } from '@meridian/errors';
import { describe, expect, it } from 'vitest';
import { mediaTypeOf, NDJSON_MEDIA_TYPE, parseRecords } from './request-body';

function refusal(run: () => unknown): MeridianError {
  try {
    run();
  } catch (error) {
    if (error instanceof MeridianError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('mediaTypeOf', () => {
  it('drops parameters and case, and defaults to JSON', () => {
    expect(mediaTypeOf('Application/X-NDJSON; charset=utf-8')).toBe(NDJSON_MEDIA_TYPE);
    expect(mediaTypeOf(undefined)).toBe('application/json');
    expect(mediaTypeOf('')).toBe('application/json');
  });
});

describe('parseRecords', () => {
  it('reads a JSON array', () => {
    expect(parseRecords('[{"a":1},{"b":2}]', 'application/json')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('refuses JSON that is not an array, or does not parse', () => {
    expect(refusal(() => parseRecords('{"a":1}', 'application/json')).message).toMatch(/JSON array/);
    expect(refusal(() => parseRecords('[{"a":1}', 'application/json')).code).toBe('BAD_USER_INPUT');
  });

  it('reads NDJSON line by line, skipping blank lines and CRLF endings', () => {
    expect(parseRecords('{"a":1}\r\n\n  \n{"b":2}\n', NDJSON_MEDIA_TYPE)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('names the NDJSON line that does not parse', () => {
    const error = refusal(() => parseRecords('{"a":1}\n{"b":\n', NDJSON_MEDIA_TYPE));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.field).toBe('line 2');
  });

  it('refuses a body without records', () => {
    expect(refusal(() => parseRecords('[]', 'application/json')).code).toBe('BAD_USER_INPUT');
    expect(refusal(() => parseRecords('\n\n', NDJSON_MEDIA_TYPE)).code).toBe('BAD_USER_INPUT');
  });
});
