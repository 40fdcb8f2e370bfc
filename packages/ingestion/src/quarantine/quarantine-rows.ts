import type { RecordIssue } from '../record-results';

/** A quarantined record is kept whole up to this many characters of JSON; larger ones keep a preview. */
export const MAX_QUARANTINED_RECORD_CHARS = 32 * 1024;
const PREVIEW_CHARS = 4 * 1024;
const MAX_REASON_MESSAGE_CHARS = 500;
const MAX_REASON_FIELD_CHARS = 200;
const MAX_TEXT_COLUMN_CHARS = 200;

/** One rejected record, ready for ingest."QuarantinedRecord". */
export interface QuarantineRow {
  tenantId: string;
  /** transactions, cloudevents, capture, feed:<source>, graphql */
  channel: string;
  transactionId: string | null;
  correlationId: string | null;
  sourceSystem: string | null;
  record: unknown;
  reasons: RecordIssue[];
}

/** What is kept of a record too large (or too deeply nested) to keep whole: its size and its beginning. */
export interface RecordPreview {
  truncated: true;
  /** Characters of the record's JSON, or null when it could not be written as JSON at all. */
  jsonChars: number | null;
  preview: string;
}

function textOf(record: unknown, field: string): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const value = (record as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.slice(0, MAX_TEXT_COLUMN_CHARS) : null;
}

/** The record as kept: whole when its JSON is at most MAX_QUARANTINED_RECORD_CHARS, else a preview. */
export function storableRecord(record: unknown): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(record);
  } catch {
    // Nested deeper than the stack allows.
    return { truncated: true, jsonChars: null, preview: '' } satisfies RecordPreview;
  }
  if (json === undefined) return null;
  if (json.length <= MAX_QUARANTINED_RECORD_CHARS) return record;
  return {
    truncated: true,
    jsonChars: json.length,
    preview: json.slice(0, PREVIEW_CHARS),
  } satisfies RecordPreview;
}

/** A quarantine row for a rejected record: identifying fields read from it, everything bounded. */
export function quarantineRow(
  tenantId: string,
  channel: string,
  received: unknown,
  reasons: RecordIssue[],
): QuarantineRow {
  return {
    tenantId,
    channel,
    transactionId: textOf(received, 'transaction_id'),
    correlationId: textOf(received, 'correlation_id'),
    sourceSystem: textOf(received, 'source_system'),
    record: storableRecord(received),
    reasons: reasons.map((reason) => ({
      field: reason.field.slice(0, MAX_REASON_FIELD_CHARS),
      code: reason.code,
      message: reason.message.slice(0, MAX_REASON_MESSAGE_CHARS),
    })),
  };
}

// JSON.stringify writes NUL and lone surrogates as escapes, which PostgreSQL's jsonb refuses.
const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters jsonb refuses.
const UNSTORABLE_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storableText(text: string): string {
  return text.replace(UNSTORABLE_CHARS, '\uFFFD');
}

function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[storableText(key)] = storableValue(inner);
    return copy;
  }
  return value;
}

/** `value` as JSON that PostgreSQL's jsonb accepts: NUL characters and lone surrogates become U+FFFD. */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  return UNSTORABLE_ESCAPE.test(json) ? JSON.stringify(storableValue(value)) : json;
}

/**
 * The rows as one JSON array that PostgreSQL's jsonb accepts: NUL characters and lone surrogates (which a
 * fuzzing or broken sender may put anywhere, keys included) become U+FFFD. Only rows that need it are
 * rewritten, so the common case costs one stringify.
 */
export function quarantineRowsJson(rows: QuarantineRow[]): string {
  const json = JSON.stringify(rows);
  if (!UNSTORABLE_ESCAPE.test(json)) return json;
  return JSON.stringify(
    rows.map((row) => {
      if (!UNSTORABLE_ESCAPE.test(JSON.stringify(row))) return row;
      try {
        return storableValue(row);
      } catch {
        // Too deep to rewrite: keep the reasons and the beginning of the record's JSON, as text.
        const json = JSON.stringify(row.record) ?? '';
        const preview: RecordPreview = {
          truncated: true,
          jsonChars: json.length,
          preview: json.slice(0, PREVIEW_CHARS),
        };
        return { ...(storableValue({ ...row, record: null }) as QuarantineRow), record: preview };
      }
    }),
  );
}
