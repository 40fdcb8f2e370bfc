import { type Identity, requireRole, requireUser } from '@meridian/auth';
import type { PrismaClient, QuarantinedRecord } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import {
  createTransactionIngestor,
  lockQuarantined,
  markDiscarded,
  markReplayed,
  type RecordIssue,
  type RecordResult,
  readValidationMode,
  type TransactionIngestor,
  type ValidationMode,
} from '@meridian/ingestion';
import type { Logger } from '@meridian/observability';
import {
  checkIdempotencyKey,
  checkSubmittedCount,
  correctionIdempotency,
  discardReason,
  parseRecordJson,
  submissionRequestHash,
  submittedRecordResult,
  throughputSeries,
  throughputWindow,
  windowStart,
} from '../domain/ingestion';
import * as store from '../store/ingestion';

const SOURCE = 'meridian/quality';
/** Records written through GraphQL are quarantined under this channel. */
const CHANNEL = 'graphql';

interface Ports {
  prisma: PrismaClient;
  identity: Identity;
  logger: Logger;
}

/**
 * The ingest write path of this process, one per database client: it keeps the dedup index, the catalog and
 * policy caches and the per-minute counts, which must outlive a request.
 */
const ingestors = new WeakMap<PrismaClient, TransactionIngestor>();

export function ingestorFor(prisma: PrismaClient, logger: Logger): TransactionIngestor {
  let ingestor = ingestors.get(prisma);
  if (!ingestor) {
    ingestor = createTransactionIngestor({ prisma, logger });
    ingestors.set(prisma, ingestor);
  }
  return ingestor;
}

/** Flushes the per-minute counts of this process's ingestor, if it ever wrote (on shutdown). */
export async function closeIngestor(prisma: PrismaClient): Promise<void> {
  await ingestors.get(prisma)?.close();
}

export async function ingestionStatus({ prisma, identity }: Ports) {
  const { tenantId } = requireUser(identity);
  return { tenantId, validationMode: await readValidationMode(prisma, tenantId) };
}

export async function throughput(prisma: PrismaClient, tenantId: string, minutes: number | null | undefined) {
  const window = throughputWindow(minutes);
  const now = new Date();
  const rows = await store.minuteCounts(prisma, tenantId, windowStart(now, window));
  return throughputSeries(rows, now, window);
}

export function rejectsByReason(prisma: PrismaClient, tenantId: string) {
  return store.openRejectCounts(prisma, tenantId);
}

export async function setValidationMode({ prisma, identity, logger }: Ports, mode: ValidationMode) {
  const user = requireRole(identity, 'admin');
  await ingestorFor(prisma, logger).setValidationMode(user.tenantId, mode, user.userId);
  return mode;
}

function notFound(id: string): MeridianError {
  return new MeridianError(ErrorCode.NOT_FOUND, `No quarantined record ${id} in your tenant.`, {
    field: 'id',
  });
}

/** The write path refused the correction: nothing of it may be kept, so its transaction is rolled back. */
class CorrectionRefused extends Error {
  constructor(readonly issues: RecordIssue[]) {
    super('correction refused');
  }
}

/**
 * Validates the corrected record on the write path and, if it passes, appends it and marks the quarantined
 * record REPLAYED in the same transaction. The Idempotency-Key is derived from the quarantined record and the
 * corrected record, so a repeated correction replays the first one; a refused correction writes nothing (it
 * can be sent again once the record, or the catalog, is fixed).
 */
export async function correctQuarantinedRecord(
  { prisma, identity, logger }: Ports,
  id: string,
  recordJson: string,
) {
  const user = requireRole(identity, 'analyst');
  const record = parseRecordJson(recordJson, 'recordJson');
  const quarantined = await store.findQuarantined(prisma, user.tenantId, id);
  if (!quarantined) throw notFound(id);
  if (quarantined.status === 'DISCARDED') {
    throw new MeridianError(ErrorCode.CONFLICT, 'The record was discarded; it cannot be corrected.', {
      field: 'id',
    });
  }
  const ingestor = ingestorFor(prisma, logger);
  if (quarantined.status === 'QUARANTINED') {
    const [validation] = await ingestor.validate(user.tenantId, [record]);
    if (validation?.errors.length) return { record: quarantined, issues: validation.errors, warnings: [] };
  }

  let replayed: QuarantinedRecord | undefined;
  try {
    const outcome = await ingestor.ingest(
      {
        tenantId: user.tenantId,
        channel: CHANNEL,
        idempotency: correctionIdempotency(id, record),
        submissions: [{ record }],
      },
      {
        inTransaction: async (tx, written) => {
          const result = written.body.results[0] as RecordResult;
          if (result.status === 'rejected') throw new CorrectionRefused(result.errors ?? []);
          const current = await lockQuarantined(tx, user.tenantId, id);
          if (!current) throw notFound(id);
          if (current.status === 'QUARANTINED') {
            replayed = await markReplayed(tx, id, {
              by: user.userId,
              transactionId: result.transaction_id as string,
              at: new Date(),
            });
          } else if (current.status === 'REPLAYED' && written.replayed) {
            replayed = current;
          } else {
            throw new MeridianError(
              ErrorCode.CONFLICT,
              current.status === 'REPLAYED'
                ? `The record was already replayed as transaction ${current.replayedTransactionId}; nothing was appended.`
                : 'The record was discarded; it cannot be corrected.',
              { field: 'id' },
            );
          }
        },
      },
    );
    return {
      record: replayed as QuarantinedRecord,
      issues: [],
      warnings: outcome.body.results[0]?.warnings ?? [],
    };
  } catch (error) {
    if (!(error instanceof CorrectionRefused)) throw error;
    return { record: quarantined, issues: error.issues, warnings: [] };
  }
}

/** Closes a quarantined record without replaying it; the reason travels in a quality event (the audit). */
export async function discardQuarantinedRecord({ prisma, identity }: Ports, id: string, reason: string) {
  const user = requireRole(identity, 'analyst');
  const text = discardReason(reason);
  return prisma.$transaction(async (tx) => {
    const current = store.isQuarantineId(id) ? await lockQuarantined(tx, user.tenantId, id) : null;
    if (!current) throw notFound(id);
    if (current.status === 'DISCARDED') return current;
    if (current.status === 'REPLAYED') {
      throw new MeridianError(
        ErrorCode.CONFLICT,
        `The record was already replayed as transaction ${current.replayedTransactionId}; there is nothing to discard.`,
        { field: 'id' },
      );
    }
    const discarded = await markDiscarded(tx, id, { by: user.userId, at: new Date() });
    await appendToOutbox(tx, [
      createEvent({
        source: SOURCE,
        type: 'quality.quarantined_record_discarded',
        tenantId: user.tenantId,
        partitionKey: id,
        correlationId: current.correlationId || undefined,
        data: {
          quarantinedRecordId: id,
          tenantId: user.tenantId,
          channel: current.channel,
          transactionId: current.transactionId,
          reason: text,
          by: user.userId,
        },
      }),
    ]);
    return discarded;
  });
}

/** Canonical records as JSON text, through the same write path and idempotency as POST /ingest/transactions. */
export async function submitTransactions(
  { prisma, identity, logger }: Ports,
  recordsJson: string[],
  idempotencyKey: string,
) {
  const user = requireRole(identity, 'partner', 'analyst');
  const key = checkIdempotencyKey(idempotencyKey);
  checkSubmittedCount(recordsJson.length);
  const records = recordsJson.map((text, index) => parseRecordJson(text, `recordsJson.${index}`));
  const outcome = await ingestorFor(prisma, logger).ingest({
    tenantId: user.tenantId,
    channel: CHANNEL,
    idempotency: { key, requestHash: submissionRequestHash(recordsJson) },
    submissions: records.map((record) => ({ record })),
  });
  return { replayed: outcome.replayed, results: outcome.body.results.map(submittedRecordResult) };
}
