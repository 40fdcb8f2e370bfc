import { describe, expect, test } from 'vitest';
import { gs1CheckDigit, isValidGtin } from './gtin';

describe('gs1CheckDigit', () => {
  test.each([
    // Published examples: an EAN-13, GS1's GTIN-14 example, a UPC-A and an EAN-8.
    ['400638133393', 1],
    ['1061414100041', 5],
    ['03600029145', 2],
    ['9638507', 4],
  ])('%s → %i', (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check);
  });

  test('rejects anything but digits', () => {
    expect(() => gs1CheckDigit('12A4')).toThrow(RangeError);
  });
});

describe('isValidGtin', () => {
  test('accepts each GTIN length with the right check digit', () => {
    for (const gtin of ['96385074', '036000291452', '4006381333931', '10614141000415']) {
      expect(isValidGtin(gtin)).toBe(true);
    }
  });

  test('rejects a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('40063813339')).toBe(false);
    expect(isValidGtin('400638133393X')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  test('every single-digit typo changes the check digit', () => {
    const gtin = '4006381333931';
    for (let position = 0; position < gtin.length - 1; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === gtin[position]) continue;
        const typo = `${gtin.slice(0, position)}${digit}${gtin.slice(position + 1)}`;
        expect(isValidGtin(typo)).toBe(false);
      }
    }
  });
});
