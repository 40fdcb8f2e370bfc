/** GTIN lengths GS1 defines: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14. */
const gtinLengths = new Set([8, 12, 13, 14]);

/**
 * The GS1 mod-10 check digit for the digits before it: weights 3 and 1 alternate from the
 * right-most digit, and the check digit tops the weighted sum up to a multiple of ten.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) {
    throw new RangeError(`A GS1 check digit is computed over digits only, got "${digitsWithoutCheck}".`);
  }
  let sum = 0;
  for (let fromRight = 0; fromRight < digitsWithoutCheck.length; fromRight++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - fromRight]);
    sum += fromRight % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether `gtin` is 8, 12, 13 or 14 digits whose last digit is the right GS1 check digit. */
export function isValidGtin(gtin: string): boolean {
  if (!/^\d+$/.test(gtin) || !gtinLengths.has(gtin.length)) return false;
  return gs1CheckDigit(gtin.slice(0, -1)) === Number(gtin.at(-1));
}
