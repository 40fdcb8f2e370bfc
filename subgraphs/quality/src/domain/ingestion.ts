import { createHash } from 'node:crypto';
import { ErrorCode, MeridianError } from '@meridian/errors';
import type { RecordResult } from '@meridian/ingestion';

const MINUTE_MS = 60_000;
/** A day of minutes at most: the chart's widest window. */
export const MAX_THROUGHPUT_MINUTES = 1440;
/** submitTransactions is for low volumes; bulk belongs on POST /ingest/transactions. */
export const MAX_SUBMITTED_RECORDS = 1000;
/** One record's JSON text (a canonical transaction is well under 4 KiB). */
export const MAX_RECORD_JSON_CHARS = 256 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

export interface MinuteCounts {
  minute: Date;
  accepted: number;
  duplicates: number;
  rejected: number;
  warned: number;
}

export function throughputWindow(minutes: number | null | undefined): number {
  const size = minutes ?? 60;
  if (!Number.isInteger(size) || size < 1 || size > MAX_THROUGHPUT_MINUTES) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `minutes must be between 1 and ${MAX_THROUGHPUT_MINUTES}.`,
      { field: 'minutes' },
    );
  }
  return size;
}

/** The first minute of the window that ends with the minute of `now`. */
export function windowStart(now: Date, minutes: number): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - (minutes - 1) * MINUTE_MS);
}

/** The last `minutes` minutes up to `now`'s minute, oldest first, zeros where nothing was counted. */
export function throughputSeries(rows: readonly MinuteCounts[], now: Date, minutes: number): MinuteCounts[] {
  const byMinute = new Map(rows.map((row) => [row.minute.getTime(), row]));
  const start = windowStart(now, minutes).getTime();
  return Array.from({ length: minutes }, (_, index) => {
    const minute = start + index * MINUTE_MS;
    const row = byMinute.get(minute);
    return {
      minute: new Date(minute),
      accepted: row?.accepted ?? 0,
      duplicates: row?.duplicates ?? 0,
      rejected: row?.rejected ?? 0,
      warned: row?.warned ?? 0,
    };
  });
}

/** A record sent as JSON text; text that is not JSON is refused as a whole, naming the argument. */
export function parseRecordJson(text: string, field: string): unknown {
  if (text.length > MAX_RECORD_JSON_CHARS) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `${field} is longer than ${MAX_RECORD_JSON_CHARS} characters; send one canonical transaction.`,
      { field },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `${field} is not valid JSON (${(error as Error).message}); send the canonical transaction as a JSON object.`,
      { field },
    );
  }
}

export function checkIdempotencyKey(key: string): string {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'idempotencyKey must be 1–255 printable ASCII characters without spaces, e.g. a UUID; reuse it when you retry.',
      { field: 'idempotencyKey' },
    );
  }
  return key;
}

export function checkSubmittedCount(count: number): void {
  if (count === 0 || count > MAX_SUBMITTED_RECORDS) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `Send 1 to ${MAX_SUBMITTED_RECORDS} records; send larger batches to POST /ingest/transactions.`,
      { field: 'recordsJson' },
    );
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What makes two submitTransactions calls "the same request": the same record texts, in order. */
export function submissionRequestHash(recordsJson: readonly string[]): string {
  return sha256(`graphql submitTransactions\n${JSON.stringify(recordsJson)}`);
}

/**
 * The Idempotency-Key of a correction, derived from the quarantined record and the corrected record's JSON
 * (as parsed, so whitespace does not matter): correcting twice with the same record replays the first.
 */
export function correctionIdempotency(
  quarantineId: string,
  record: unknown,
): { key: string; requestHash: string } {
  const requestHash = sha256(JSON.stringify(record) ?? 'undefined');
  return { key: `quarantine-correction:${quarantineId}:${requestHash}`, requestHash };
}

export function discardReason(reason: string): string {
  const text = reason.trim();
  if (text.length < 3 || text.length > 1000) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'Say why the record is discarded (3 to 1000 characters).',
      { field: 'reason' },
    );
  }
  return text;
}

/** One record's answer in GraphQL's shape. */
export function submittedRecordResult(result: RecordResult) {
  return {
    index: result.index,
    transactionId: result.transaction_id,
    status: result.status,
    issues: result.errors ?? [],
    warnings: result.warnings ?? [],
  };
}
