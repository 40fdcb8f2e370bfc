/** SKU codes are eight upper-case letters or digits; people type them in any case, with stray spaces. */
export const SKU_CODE_PATTERN = /^[A-Z0-9]{8}$/;

/** The stored form of a typed code, or null when it cannot be a SKU code (no lookup needed). */
export function normalizeSkuCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return SKU_CODE_PATTERN.test(code) ? code : null;
}
