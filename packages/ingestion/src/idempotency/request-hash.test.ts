import { describe, expect, it } from 'vitest';
import { requestHash } from './request-hash';

describe('requestHash', () => {
  it('is stable for the same media type and body', () => {
    expect(requestHash('application/json', '[1]')).toBe(requestHash('application/json', '[1]'));
    expect(requestHash('application/json', '[1]')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the body or the media type differs', () => {
    const base = requestHash('application/json', '[1]');
    expect(requestHash('application/json', '[2]')).not.toBe(base);
    expect(requestHash('application/x-ndjson', '[1]')).not.toBe(base);
  });
});
