import { describe, expect, it } from 'vitest';
import { normalizeSkuCode } from './sku-code';

describe('normalizeSkuCode', () => {
  it('upper-cases and trims what people type', () => {
    expect(normalizeSkuCode(' ab12cd34 ')).toBe('AB12CD34');
    expect(normalizeSkuCode('AB12CD34')).toBe('AB12CD34');
  });

  it('rejects anything that cannot be a code', () => {
    expect(normalizeSkuCode('AB12CD3')).toBeNull();
    expect(normalizeSkuCode('AB12CD345')).toBeNull();
    expect(normalizeSkuCode('AB12-D34')).toBeNull();
    expect(normalizeSkuCode('')).toBeNull();
  });
});
