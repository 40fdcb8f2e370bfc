import { describe, expect, it } from 'vitest';
import { isSiteOf, quarantinesSites, supplierFlag } from './supplier-rules';

describe('supplier rules', () => {
  it('flags by reliability at the documented floors', () => {
    expect([1, 0.95, 0.949, 0.9, 0.899, 0.8, 0.799, 0].map(supplierFlag)).toEqual([
      'NONE',
      'NONE',
      'WATCH',
      'WATCH',
      'PROBATION',
      'PROBATION',
      'BLOCKED',
      'BLOCKED',
    ]);
  });

  it('quarantines the sites of PROBATION and BLOCKED suppliers only', () => {
    expect(['NONE', 'WATCH', 'PROBATION', 'BLOCKED'].map((flag) => quarantinesSites(flag as never))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('finds a supplier’s sites by code prefix', () => {
    expect(isSiteOf('SUP-SAIGON-HCM', 'SUP-SAIGON')).toBe(true);
    expect(isSiteOf('SUP-SAIGONX-HCM', 'SUP-SAIGON')).toBe(false);
    expect(isSiteOf('SUP-SAIGON-', 'SUP-SAIGON')).toBe(false);
    expect(isSiteOf('SUP-SAIGON', 'SUP-SAIGON')).toBe(false);
  });
});
