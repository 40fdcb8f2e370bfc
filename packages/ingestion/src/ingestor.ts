import type { Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent, type EventEnvelope } from '@meridian/events';
import type { Logger } from '@meridian/observability';
import { findLiveKey, purgeExpiredKeys, saveKey, tryLockKey } from '../idempotency/idempotency-store';
import { RecentIds } from './recent-ids';
import { bulkWriteResponse, type FieldError, type RecordResult } from './record-results';

/** The fields of a canonical transaction this write path reads; the canonical schema checks all of them. */
export interface IngestibleTransaction {
  transaction_id: string;
  correlation_id: string;
  tenant_id: string;
  source_system: string;
  sku_id?: string | null;
  shipment_id?: string | null;
}

/** What the write path needs from a zod schema: `safeParse` with issues carrying a path and a message. */
export interface RecordSchema<Record extends IngestibleTransaction> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Record }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** One record of a write, as an endpoint hands it over. */
export interface Submission {
  record: unknown;
  /** The event's id and source on the backbone (its dedup key); default: `transaction_id` from `source_system`. */
  identity?: { id: string; source: string; subject?: string };
  /** Found before the record was read (a bad CloudEvents envelope, say): the submission is rejected with them. */
  errors?: FieldError[];
  /** Prefixes the record's field paths in errors, e.g. `data` for a CloudEvent's data. */
  fieldPrefix?: string;
  /** Copied into the result, so the sender can match it (a CloudEvent's id and source). */
  echo?: Pick<RecordResult, 'id' | 'source'>;
}

export interface BulkWriteRequest {
  tenantId: string;
  /** Absent: no request replay (CloudEvents without Idempotency-Key); events still deduplicate by id. */
  idempotency?: { key: string; requestHash: string };
  submissions: Submission[];
}

export interface BulkWriteOutcome {
  status: number;
  body: unknown;
  /** True when this is the stored response of an earlier request with the same key and body. */
  replayed: boolean;
}

export const TRANSACTION_RECEIVED = 'ingest.transaction_received';
/** Event ids accepted this recently are answered `duplicate` from memory. */
export const DEDUP_WINDOW_MS = 5 * 60 * 1000;
const maxErrorsPerRecord = 20;
const purgeEveryMs = 60 * 1000;

export interface TransactionIngestorOptions<Record extends IngestibleTransaction> {
  prisma: PrismaClient;
  schema: RecordSchema<Record>;
  logger: Logger;
  /** Bounds the in-memory dedup index (≈ 100 bytes an id): 10k/s for 5 minutes is 3M ids. */
  maxRecentIds?: number;
}

export function eventSourceOf(sourceSystem: string): string {
  return `meridian/ingest/${sourceSystem}`;
}

type Checked<Record> =
  | {
      index: number;
      kind: 'valid';
      submission: Submission;
      record: Record;
      event: EventEnvelope<Record>;
      dedupKey: string;
    }
  | { index: number; kind: 'done'; result: RecordResult };

function transactionIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { transaction_id?: unknown }).transaction_id;
  return typeof id === 'string' ? id : null;
}

function rejected(submission: Submission, index: number, transactionId: string | null, errors: FieldError[]) {
  return result(submission, index, transactionId, 'rejected', errors);
}

function result(
  submission: Submission,
  index: number,
  transactionId: string | null,
  status: RecordResult['status'],
  errors?: FieldError[],
): RecordResult {
  return { index, ...submission.echo, transaction_id: transactionId, status, ...(errors ? { errors } : {}) };
}

/**
 * The bulk write: validates each record against the canonical schema, then, in ONE transaction, takes the
 * Idempotency-Key, appends the accepted records to the backbone and stores the response. A crash before
 * commit leaves nothing; after commit, the key replays what was written.
 */
export function createTransactionIngestor<Record extends IngestibleTransaction>(
  options: TransactionIngestorOptions<Record>,
) {
  const { prisma, schema, logger } = options;
  const recentIds = new RecentIds(DEDUP_WINDOW_MS, options.maxRecentIds ?? 3_000_000);
  let lastPurgeAt = 0;

  function check(submission: Submission, index: number, tenantId: string): Checked<Record> {
    const value = submission.record;
    if (submission.errors?.length) {
      return {
        index,
        kind: 'done',
        result: rejected(submission, index, transactionIdOf(value), submission.errors),
      };
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const prefix = submission.fieldPrefix;
      const errors = parsed.error.issues.slice(0, maxErrorsPerRecord).map((issue) => {
        const path = issue.path.map(String).join('.');
        return {
          field: (prefix ? [prefix, path].filter(Boolean).join('.') : path) || 'record',
          code: ErrorCode.BAD_USER_INPUT,
          message: issue.message,
        };
      });
      return { index, kind: 'done', result: rejected(submission, index, transactionIdOf(value), errors) };
    }
    const record = parsed.data;
    if (record.tenant_id !== tenantId) {
      return {
        index,
        kind: 'done',
        result: rejected(submission, index, record.transaction_id, [
          {
            field: 'tenant_id',
            code: ErrorCode.FORBIDDEN,
            message: "tenant_id must be your token's tenant; send each tenant's records with its own token.",
          },
        ]),
      };
    }
    const source = submission.identity?.source ?? eventSourceOf(record.source_system);
    try {
      const event = createEvent({
        id: submission.identity?.id ?? record.transaction_id,
        source,
        subject: submission.identity?.subject,
        type: TRANSACTION_RECEIVED,
        tenantId,
        // Ordering is per SKU (or shipment); a record with neither needs no order.
        partitionKey: record.sku_id ?? record.shipment_id ?? record.transaction_id,
        correlationId: record.correlation_id,
        data: record,
      });
      return {
        index,
        kind: 'valid',
        submission,
        record,
        event,
        dedupKey: `${tenantId}\u0000${source}\u0000${event.id}`,
      };
    } catch (error) {
      if (!(error instanceof MeridianError)) throw error;
      const field = error.details.field ?? 'record';
      return {
        index,
        kind: 'done',
        result: rejected(submission, index, record.transaction_id, [
          { field, code: error.code, message: error.message },
        ]),
      };
    }
  }

  /** Which of `events` this transaction appended, and which another tenant already holds under that id. */
  async function appendNew(tx: Prisma.TransactionClient, events: EventEnvelope[]) {
    await appendToOutbox(tx, events);
    // The log's unique (source, id) skipped the ones already there; rows this transaction wrote carry its xid.
    const rows = await tx.$queryRawUnsafe<
      { source: string; id: string; tenantId: string; appended: boolean }[]
    >(
      `SELECT "source", "id", "tenantId", "xid" = pg_current_xact_id()::text::bigint AS "appended"
         FROM "backbone"."EventLog"
        WHERE ("source", "id") IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      events.map((event) => event.source),
      events.map((event) => event.id),
    );
    return new Map(rows.map((row) => [`${row.source}\u0000${row.id}`, row]));
  }

  async function ingest(request: BulkWriteRequest): Promise<BulkWriteOutcome> {
    const { tenantId } = request;
    const checked = request.submissions.map((submission, index) => check(submission, index, tenantId));
    const claim = request.idempotency && { tenantId, ...request.idempotency };

    const outcome = await prisma.$transaction(
      async (tx): Promise<BulkWriteOutcome & { newlyKnown: string[] }> => {
        if (claim && !(await tryLockKey(tx, claim))) {
          throw new MeridianError(
            ErrorCode.CONFLICT,
            'A request with this Idempotency-Key is still running; wait for its response, then retry.',
            { field: 'Idempotency-Key' },
          );
        }
        const live = claim && (await findLiveKey(tx, claim));
        if (live) {
          if (live.requestHash !== claim.requestHash) {
            throw new MeridianError(
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              'This Idempotency-Key was used for a different body in the last 24 hours; use a new key for new data.',
              { field: 'Idempotency-Key' },
            );
          }
          return { ...live.response, replayed: true, newlyKnown: [] };
        }

        const results: RecordResult[] = new Array(checked.length);
        const toAppend: Extract<Checked<Record>, { kind: 'valid' }>[] = [];
        const inBatch = new Set<string>();
        for (const item of checked) {
          if (item.kind === 'done') {
            results[item.index] = item.result;
          } else if (inBatch.has(item.dedupKey) || recentIds.has(item.dedupKey)) {
            results[item.index] = result(
              item.submission,
              item.index,
              item.record.transaction_id,
              'duplicate',
            );
          } else {
            inBatch.add(item.dedupKey);
            toAppend.push(item);
          }
        }

        const logged =
          toAppend.length > 0
            ? await appendNew(
                tx,
                toAppend.map((item) => item.event),
              )
            : new Map();
        const newlyKnown: string[] = [];
        for (const item of toAppend) {
          const row = logged.get(`${item.event.source}\u0000${item.event.id}`);
          const transactionId = item.record.transaction_id;
          if (row?.appended) {
            results[item.index] = result(item.submission, item.index, transactionId, 'accepted');
            newlyKnown.push(item.dedupKey);
          } else if (row?.tenantId === tenantId) {
            results[item.index] = result(item.submission, item.index, transactionId, 'duplicate');
            newlyKnown.push(item.dedupKey);
          } else {
            results[item.index] = rejected(item.submission, item.index, transactionId, [
              item.submission.identity
                ? {
                    field: 'id',
                    code: ErrorCode.CONFLICT,
                    message: 'This source and id are already taken; give each event a unique id (a UUID).',
                  }
                : {
                    field: 'transaction_id',
                    code: ErrorCode.CONFLICT,
                    message:
                      'transaction_id is already taken for this source_system; give each transaction a UUID.',
                  },
            ]);
          }
        }

        const response = bulkWriteResponse(results);
        if (claim) await saveKey(tx, claim, response);
        return { ...response, replayed: false, newlyKnown };
      },
      { timeout: 30_000 },
    );

    // Only committed ids enter the index: a rolled-back batch must not answer `duplicate` later.
    for (const key of outcome.newlyKnown) recentIds.add(key);
    purgeOccasionally();
    return { status: outcome.status, body: outcome.body, replayed: outcome.replayed };
  }

  function purgeOccasionally(): void {
    const now = Date.now();
    if (now - lastPurgeAt < purgeEveryMs) return;
    lastPurgeAt = now;
    purgeExpiredKeys(prisma).catch((error: unknown) =>
      logger.warn({ err: error }, 'purging expired idempotency keys failed; the next request retries'),
    );
  }

  return { ingest };
}

export type TransactionIngestor = ReturnType<typeof createTransactionIngestor>;
