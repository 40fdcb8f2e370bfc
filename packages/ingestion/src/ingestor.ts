import { ExpiringCache } from '@meridian/auth';
import type { CanonicalTransactionV2 } from '@meridian/canonical';
import type { Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import {
  appendNewToOutbox,
  createEvent,
  type EventEnvelope,
  logKeyOf,
  type SqlQueryExecutor,
} from '@meridian/events';
import type { Logger } from '@meridian/observability';
import { canonicalRecordSchema } from './canonical-record';
import { catalogLookup } from './catalog/catalog-store';
import { countsOf } from './counters/minute-counter';
import { createMinuteFlusher } from './counters/minute-flusher';
import { TRANSACTION_RECEIVED, transactionReceivedData } from './event-data';
import { findLiveKey, purgeExpiredKeys, saveKey, tryLockKey } from './idempotency/idempotency-store';
import { readValidationMode, writeValidationMode } from './policy/policy-store';
import { type QuarantineRow, quarantineRow } from './quarantine/quarantine-rows';
import { insertQuarantined } from './quarantine/quarantine-store';
import { RecentIds } from './recent-ids';
import { type BulkWriteBody, bulkWriteResponse, type RecordIssue, type RecordResult } from './record-results';
import { CatalogCache, type CatalogCacheOptions } from './validation/catalog-cache';
import { catalogReferencesOf, ruleIssues, uomFieldOf, type ValidationMode } from './validation/rules';
import { unstorableTextPath } from './validation/storable-text';
import { pgWriteTransactions } from './write-transactions';

/** One record of a write, as an endpoint hands it over. */
export interface Submission {
  record: unknown;
  /** What quarantine keeps if the submission is rejected (default: `record`), e.g. a CloudEvent with a bad envelope. */
  received?: unknown;
  /** The event's id and source on the backbone (its dedup key); default: eventIdOf(record) from `source_system`. */
  identity?: { id: string; source: string; subject?: string };
  /** Found before the record was read (a bad CloudEvents envelope, say): the submission is rejected with them. */
  errors?: RecordIssue[];
  /** Prefixes the record's field paths in answers, e.g. `data` for a CloudEvent's data (not in quarantine). */
  fieldPrefix?: string;
  /** Copied into the result, so the sender can match it (a CloudEvent's id and source). */
  echo?: Pick<RecordResult, 'id' | 'source'>;
}

export interface BulkWriteRequest {
  tenantId: string;
  /** Where the records came in, kept on quarantined ones: transactions, cloudevents, capture, feed:<source>, graphql. */
  channel: string;
  /** Absent: no request replay (CloudEvents without Idempotency-Key); events still deduplicate by id. */
  idempotency?: { key: string; requestHash: string };
  submissions: Submission[];
}

export interface BulkWriteOutcome {
  status: number;
  body: BulkWriteBody;
  /** True when this is the stored response of an earlier request with the same key and body. */
  replayed: boolean;
}

export interface IngestHooks {
  /**
   * Runs inside the write's transaction once its outcome is known (a replay included); throwing rolls the
   * whole write back. A correction marks its quarantined record replayed here, atomically with the append.
   */
  inTransaction?: (tx: Prisma.TransactionClient, outcome: BulkWriteOutcome) => Promise<void>;
}

/** What validation says about one record: the canonical transaction if it has one, why it is refused, warnings. */
export interface RecordValidation {
  record: CanonicalTransactionV2 | null;
  /** Empty when the record would be accepted. Field paths are inside the record. */
  errors: RecordIssue[];
  /** Rules broken under FALLBACK (under STRICT they are errors). */
  warnings: RecordIssue[];
}

/**
 * The record's event id on the backbone (with its source, the dedup key). An active record is its
 * transaction; a correction or cancellation of it is a new event about the same transaction, so it gets an id
 * of its own — the same one when the same correction is sent again, so a retry is still a duplicate.
 */
export function eventIdOf(record: Pick<CanonicalTransactionV2, 'transaction_id' | 'status' | 'timestamp'>) {
  return record.status === 'active'
    ? record.transaction_id
    : `${record.transaction_id}/${record.status}/${record.timestamp}`;
}

/** Event ids accepted this recently are answered `duplicate` from memory. */
export const DEDUP_WINDOW_MS = 5 * 60 * 1000;
const maxErrorsPerRecord = 20;
const purgeEveryMs = 60 * 1000;

export interface TransactionIngestorOptions {
  prisma: PrismaClient;
  /**
   * Where bulk writes run their transaction on a `pg` pool of their own (the fast path). Without it, or when
   * a hook needs the Prisma transaction, they run in a Prisma transaction.
   */
  databaseUrl?: string;
  logger: Logger;
  /** Bounds the in-memory dedup index (≈ 100 bytes an id): 10k/s for 5 minutes is 3M ids. */
  maxRecentIds?: number;
  catalog?: CatalogCacheOptions;
  /** How long a tenant's validation mode is cached; another process may change it (0: read every write). */
  policyTtlMs?: number;
  /** How often the per-minute counts are added to ingest."IngestMinute". */
  countsFlushMs?: number;
  /** The clock the timestamp rule compares with. */
  now?: () => number;
}

export function eventSourceOf(sourceSystem: string): string {
  return `meridian/ingest/${sourceSystem}`;
}

function textField(value: unknown, field: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const text = (value as Record<string, unknown>)[field];
  return typeof text === 'string' ? text : null;
}

/** A record's issue as its sender sees it: under `prefix` (a CloudEvent's `data`) when there is one. */
function prefixed(issues: RecordIssue[], prefix: string | undefined): RecordIssue[] {
  if (!prefix) return issues;
  return issues.map((issue) => ({
    ...issue,
    field: issue.field === 'record' ? prefix : `${prefix}.${issue.field}`,
  }));
}

type Checked =
  | {
      index: number;
      kind: 'valid';
      submission: Submission;
      record: CanonicalTransactionV2;
      warnings: RecordIssue[];
      event: EventEnvelope<unknown>;
      dedupKey: string;
    }
  | { index: number; kind: 'rejected'; result: RecordResult; quarantined: QuarantineRow };

/**
 * The write path every channel shares. Each record is checked against the canonical schema, the caller's
 * tenant and the tenant's rules (catalog SKU and location, base unit, timestamp; STRICT rejects, FALLBACK
 * warns); then, in ONE transaction: the Idempotency-Key is taken, accepted records are appended to the
 * backbone, rejected ones are quarantined and the response is stored. A crash before commit leaves nothing;
 * after commit, the key replays what was written. Per-minute counts are kept in memory and flushed apart.
 */
export function createTransactionIngestor(options: TransactionIngestorOptions) {
  const { prisma, logger } = options;
  const now = options.now ?? Date.now;
  const recentIds = new RecentIds(DEDUP_WINDOW_MS, options.maxRecentIds ?? 3_000_000);
  const catalog = new CatalogCache(catalogLookup(prisma), options.catalog);
  const policyTtlMs = options.policyTtlMs ?? 5_000;
  const modes = new ExpiringCache<string, ValidationMode>(100_000);
  const counts = createMinuteFlusher({ prisma, logger, everyMs: options.countsFlushMs });
  const pgTransactions = options.databaseUrl ? pgWriteTransactions(options.databaseUrl) : null;
  let lastPurgeAt = 0;

  async function validationModeOf(tenantId: string): Promise<ValidationMode> {
    const cached = modes.get(tenantId);
    if (cached) return cached;
    const mode = await readValidationMode(prisma, tenantId);
    modes.set(tenantId, mode, Date.now() + policyTtlMs);
    return mode;
  }

  async function setValidationMode(tenantId: string, mode: ValidationMode, by: string | null): Promise<void> {
    await writeValidationMode(prisma, tenantId, mode, by);
    modes.delete(tenantId);
  }

  /** Schema and tenant: everything about a record that needs no lookup. */
  function parse(value: unknown, tenantId: string): RecordValidation {
    const parsed = canonicalRecordSchema.safeParse(value);
    if (!parsed.success) {
      const errors = parsed.error.issues.slice(0, maxErrorsPerRecord).map((issue) => ({
        field: issue.path.map(String).join('.') || 'record',
        code: ErrorCode.BAD_USER_INPUT,
        message: issue.message,
      }));
      return { record: null, errors, warnings: [] };
    }
    const unstorable = unstorableTextPath(value);
    if (unstorable !== null) {
      const error = {
        field: unstorable,
        code: ErrorCode.BAD_USER_INPUT,
        message:
          'contains a NUL character or a broken surrogate, which cannot be stored; remove it and send again.',
      };
      return { record: parsed.data, errors: [error], warnings: [] };
    }
    if (parsed.data.tenant_id !== tenantId) {
      const error = {
        field: 'tenant_id',
        code: ErrorCode.FORBIDDEN,
        message: "tenant_id must be your token's tenant; send each tenant's records with its own token.",
      };
      return { record: parsed.data, errors: [error], warnings: [] };
    }
    return { record: parsed.data, errors: [], warnings: [] };
  }

  /**
   * Every record's validation: schema and tenant, then the tenant's rules over one catalog view (cached; one
   * query for the codes it does not know). The tenant's mode is read only when a rule was broken.
   */
  async function validateAll(
    tenantId: string,
    items: Array<{ value: unknown; presetErrors?: RecordIssue[] }>,
  ): Promise<RecordValidation[]> {
    const validations = items.map(({ value, presetErrors }) =>
      presetErrors?.length ? { record: null, errors: presetErrors, warnings: [] } : parse(value, tenantId),
    );
    const skuCodes = new Set<string>();
    const locationCodes = new Set<string>();
    for (const validation of validations) {
      if (!validation.record || validation.errors.length > 0) continue;
      const { skuCode, locationCode } = catalogReferencesOf(validation.record);
      if (skuCode !== null) skuCodes.add(skuCode);
      if (locationCode !== null) locationCodes.add(locationCode);
    }
    const view = await catalog.view(tenantId, skuCodes, locationCodes);
    const at = now();
    let mode: ValidationMode | undefined;
    for (const [index, validation] of validations.entries()) {
      if (!validation.record || validation.errors.length > 0) continue;
      const issues = ruleIssues(validation.record, view, at, uomFieldOf(items[index]?.value));
      if (issues.length === 0) continue;
      mode ??= await validationModeOf(tenantId);
      if (mode === 'STRICT') validation.errors = issues;
      else validation.warnings = issues;
    }
    return validations;
  }

  /** What the write path would say about these records now, without writing anything. */
  async function validate(tenantId: string, records: unknown[]): Promise<RecordValidation[]> {
    return validateAll(
      tenantId,
      records.map((value) => ({ value })),
    );
  }

  function result(
    submission: Submission,
    index: number,
    transactionId: string | null,
    status: RecordResult['status'],
    issues?: { errors?: RecordIssue[]; warnings?: RecordIssue[] },
  ): RecordResult {
    return {
      index,
      ...submission.echo,
      transaction_id: transactionId,
      status,
      ...(issues?.errors ? { errors: issues.errors } : {}),
      ...(issues?.warnings?.length ? { warnings: issues.warnings } : {}),
    };
  }

  function rejection(
    request: BulkWriteRequest,
    submission: Submission,
    index: number,
    transactionId: string | null,
    reasons: RecordIssue[],
    answered: RecordIssue[] = reasons,
  ): Extract<Checked, { kind: 'rejected' }> {
    const received = submission.received ?? submission.record;
    return {
      index,
      kind: 'rejected',
      result: result(submission, index, transactionId, 'rejected', { errors: answered }),
      quarantined: quarantineRow(request.tenantId, request.channel, received, reasons),
    };
  }

  async function check(request: BulkWriteRequest): Promise<Checked[]> {
    const { tenantId, submissions } = request;
    const validations = await validateAll(
      tenantId,
      submissions.map((submission) => ({ value: submission.record, presetErrors: submission.errors })),
    );
    return submissions.map((submission, index): Checked => {
      const { record, errors, warnings } = validations[index] as RecordValidation;
      const transactionId = record?.transaction_id ?? textField(submission.record, 'transaction_id');
      if (submission.errors?.length) return rejection(request, submission, index, transactionId, errors);
      if (errors.length > 0 || !record) {
        // The tenant refusal names the envelope's tenant_id, not a field inside the data.
        const answered =
          errors[0]?.code === ErrorCode.FORBIDDEN ? errors : prefixed(errors, submission.fieldPrefix);
        return rejection(request, submission, index, transactionId, errors, answered);
      }
      const source = submission.identity?.source ?? eventSourceOf(record.source_system);
      try {
        // The canonical schema just parsed the record (plain JSON by construction); warnings are plain too.
        const event = createEvent(
          {
            id: submission.identity?.id ?? eventIdOf(record),
            source,
            subject: submission.identity?.subject,
            type: TRANSACTION_RECEIVED,
            tenantId,
            // Ordering is per SKU (or shipment); a record with neither needs no order.
            partitionKey: record.sku_id ?? record.shipment_id ?? record.transaction_id,
            correlationId: record.correlation_id,
            data: transactionReceivedData(record, warnings),
          },
          { dataIsJson: true },
        );
        return {
          index,
          kind: 'valid',
          submission,
          record,
          warnings: prefixed(warnings, submission.fieldPrefix),
          event,
          dedupKey: `${tenantId}\u0000${source}\u0000${event.id}`,
        };
      } catch (error) {
        if (!(error instanceof MeridianError)) throw error;
        const field = error.details.field ?? 'record';
        return rejection(request, submission, index, transactionId, [
          { field, code: error.code, message: error.message },
        ]);
      }
    });
  }

  /**
   * Appends `events`; answers which this transaction appended and, for the others (already in the log under
   * that source and id), which tenant holds them.
   */
  async function appendNew(tx: SqlQueryExecutor, events: EventEnvelope[]) {
    const appended = await appendNewToOutbox(tx, events);
    const taken = events.filter((event) => !appended.has(logKeyOf(event)));
    const holders =
      taken.length === 0
        ? []
        : await tx.$queryRawUnsafe<{ source: string; id: string; tenantId: string }[]>(
            `SELECT "source", "id", "tenantId" FROM "backbone"."EventLog"
              WHERE ("source", "id") IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
            taken.map((event) => event.source),
            taken.map((event) => event.id),
          );
    return { appended, holderOf: new Map(holders.map((row) => [logKeyOf(row), row.tenantId])) };
  }

  async function ingest(request: BulkWriteRequest, hooks: IngestHooks = {}): Promise<BulkWriteOutcome> {
    const { tenantId } = request;
    const checked = await check(request);
    const claim = request.idempotency && { tenantId, ...request.idempotency };

    type Written = BulkWriteOutcome & { newlyKnown: string[] };
    const inTransaction = hooks.inTransaction;
    const write = async (
      tx: SqlQueryExecutor,
      afterWrite: (outcome: BulkWriteOutcome) => Promise<void>,
    ): Promise<Written> => {
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
        const replay = {
          status: live.response.status,
          body: live.response.body as BulkWriteBody,
          replayed: true,
        };
        await afterWrite(replay);
        return { ...replay, newlyKnown: [] };
      }

      const results: RecordResult[] = new Array(checked.length);
      const quarantined: (QuarantineRow | undefined)[] = new Array(checked.length);
      const toAppend: Extract<Checked, { kind: 'valid' }>[] = [];
      const inBatch = new Set<string>();
      for (const item of checked) {
        if (item.kind === 'rejected') {
          results[item.index] = item.result;
          quarantined[item.index] = item.quarantined;
        } else if (inBatch.has(item.dedupKey) || recentIds.has(item.dedupKey)) {
          results[item.index] = result(item.submission, item.index, item.record.transaction_id, 'duplicate');
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
          : { appended: new Set<string>(), holderOf: new Map<string, string>() };
      const newlyKnown: string[] = [];
      for (const item of toAppend) {
        const logKey = logKeyOf(item.event);
        const transactionId = item.record.transaction_id;
        if (logged.appended.has(logKey)) {
          results[item.index] = result(item.submission, item.index, transactionId, 'accepted', {
            warnings: item.warnings,
          });
          newlyKnown.push(item.dedupKey);
        } else if (logged.holderOf.get(logKey) === tenantId) {
          results[item.index] = result(item.submission, item.index, transactionId, 'duplicate');
          newlyKnown.push(item.dedupKey);
        } else {
          const taken = rejection(request, item.submission, item.index, transactionId, [
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
          results[item.index] = taken.result;
          quarantined[item.index] = taken.quarantined;
        }
      }

      await insertQuarantined(
        tx,
        quarantined.filter((row) => row !== undefined),
      );
      const response = bulkWriteResponse(results);
      if (claim) await saveKey(tx, claim, response);
      const fresh = { ...response, replayed: false };
      await afterWrite(fresh);
      return { ...fresh, newlyKnown };
    };
    const outcome =
      pgTransactions && !inTransaction
        ? await pgTransactions.run((tx) => write(tx, async () => {}))
        : await prisma.$transaction(
            (tx) => write(tx, (written) => inTransaction?.(tx, written) ?? Promise.resolve()),
            {
              timeout: 30_000,
            },
          );

    // Only committed ids enter the index: a rolled-back batch must not answer `duplicate` later.
    for (const key of outcome.newlyKnown) recentIds.add(key);
    if (!outcome.replayed) counts.count(tenantId, countsOf(outcome.body.results));
    purgeOccasionally();
    return { status: outcome.status, body: outcome.body, replayed: outcome.replayed };
  }

  function purgeOccasionally(): void {
    const at = Date.now();
    if (at - lastPurgeAt < purgeEveryMs) return;
    lastPurgeAt = at;
    purgeExpiredKeys(prisma).catch((error: unknown) =>
      logger.warn({ err: error }, 'purging expired idempotency keys failed; the next request retries'),
    );
  }

  return {
    ingest,
    validate,
    validationModeOf,
    setValidationMode,
    /** Adds the counts kept in memory to the database now (they are also flushed every few seconds). */
    flushCounts: counts.flush,
    /** Stops the flush timer, flushes what is left and closes the write pool; call it on shutdown. */
    close: async () => {
      await counts.close();
      await pgTransactions?.close();
    },
  };
}

export type TransactionIngestor = ReturnType<typeof createTransactionIngestor>;
