/**
 * Helpers for editing a quarantined record's JSON by hand: show it readably, say exactly where it stops
 * being JSON, and read the fields the control tower links to (the SKU) or shows beside a reason.
 */

export type ParsedRecord =
  | { ok: true; record: Record<string, unknown>; compact: string }
  | { ok: false; message: string };

/** The record indented two spaces; text that is not JSON is returned as it is, to be fixed by hand. */
export function prettyRecordJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

/** 1-based line and column of a character offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function syntaxErrorOffset(error: unknown, text: string): number | null {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  if (match?.[1]) return Number(match[1]);
  // Engines that give no position fail on an unfinished document: point at its end.
  return error instanceof SyntaxError && /end of (JSON|data)|Unterminated/i.test(error.message)
    ? text.length
    : null;
}

/** The edited text as one JSON object (what the ingest accepts), or a message that says where it breaks. */
export function parseRecordJson(text: string): ParsedRecord {
  if (text.trim() === '') return { ok: false, message: 'The record is empty: paste or type its JSON.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = syntaxErrorOffset(error, text);
    const where =
      offset === null
        ? ''
        : (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, offset));
    return {
      ok: false,
      message: `The record is not valid JSON${where}. Check quotes, commas and brackets there.`,
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      message: 'The record must be one JSON object ({ … }), not a list or a single value.',
    };
  }
  return { ok: true, record: value as Record<string, unknown>, compact: JSON.stringify(value) };
}

/** The value at a dotted path such as `measure.uom`; `undefined` when the path does not exist. */
export function valueAtField(record: unknown, field: string): unknown {
  if (field === '') return record;
  let current: unknown = record;
  for (const key of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The current value of a field, shown beside the reason it was refused; `missing` when absent. */
export function describeFieldValue(recordJson: string, field: string): string {
  if (field === '') return '';
  let record: unknown;
  try {
    record = JSON.parse(recordJson);
  } catch {
    return '';
  }
  const value = valueAtField(record, field);
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The SKU code a canonical record names in `sku_id`, or null (no SKU, or not JSON). */
export function skuCodeOf(recordJson: string): string | null {
  try {
    const skuId = valueAtField(JSON.parse(recordJson), 'sku_id');
    return typeof skuId === 'string' && skuId.trim() !== '' ? skuId : null;
  } catch {
    return null;
  }
}
