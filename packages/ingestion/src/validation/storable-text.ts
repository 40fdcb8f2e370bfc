// NUL and lone surrogates: PostgreSQL's text and jsonb refuse them, so a record carrying one cannot be stored.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters PostgreSQL refuses.
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unstorable = (text: string) => SUSPECT.test(text) && UNSTORABLE.test(text);

/**
 * The dotted path of the first string (value or key) in `value` that PostgreSQL cannot store, or null. Most
 * strings fail the cheap first test; a surrogate pair (an emoji) passes it and is then checked properly.
 */
export function unstorableTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return unstorable(value) ? path || 'record' : null;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (unstorable(key)) return at;
    const found = unstorableTextPath(item, at);
    if (found !== null) return found;
  }
  return null;
}
