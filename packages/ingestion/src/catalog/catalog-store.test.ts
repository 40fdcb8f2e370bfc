import { describe, expect, it } from 'vitest';
import { gtinForms } from './catalog-store';

describe('gtinForms', () => {
  it('gives the GTIN-13, -12 and -8 a GTIN-14 pads, only where the padding is zeros', () => {
    expect(gtinForms('00614141107346')).toEqual(['00614141107346', '0614141107346', '614141107346']);
    expect(gtinForms('10614141107343')).toEqual(['10614141107343']);
    expect(gtinForms('00000096385074')).toEqual([
      '00000096385074',
      '0000096385074',
      '000096385074',
      '96385074',
    ]);
  });
});
