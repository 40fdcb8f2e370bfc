import type { PrismaClient } from '@meridian/db';
import { applyBatchOnce, type BatchContext, type EventEnvelope, recordApplyOutcome } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { applyIngestedTransactions, TRANSACTION_RECEIVED } from '../services/ingested-transactions';
import { appendPositionEvents } from '../services/inventory';
import { LIVE_SCHEMA } from '../store/ledger';

export const SUPPLY_INGEST_CONSUMER = 'supply-ingested-transactions';

/**
 * One batch, one transaction: the inbox claim, the ledger and stock, the outcome of events applied without
 * effect, and one position-changed event per changed position commit together. Events handed over again
 * (a retried batch, a redelivery) are skipped by the inbox.
 */
export async function handleIngestedBatch(
  prisma: PrismaClient,
  events: EventEnvelope[],
  { retryCount }: Pick<BatchContext, 'retryCount'>,
) {
  return prisma.$transaction(
    async (tx) => {
      const fresh = await applyBatchOnce(tx, SUPPLY_INGEST_CONSUMER, events, { retryCount });
      const result = await applyIngestedTransactions(tx, LIVE_SCHEMA, fresh);
      for (const [outcome, eventIds] of result.outcomes) {
        await recordApplyOutcome(tx, SUPPLY_INGEST_CONSUMER, eventIds, outcome);
      }
      await appendPositionEvents(tx, result.changed, new Date(), result.riskChangedTenants);
      return { applied: fresh.length, changedPositions: result.changed.length };
    },
    { timeout: 60_000 },
  );
}

/** Applies ingested canonical transactions to the live supply store. */
export function startIngestedTransactionsConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consumeBatches({
    consumer: SUPPLY_INGEST_CONSUMER,
    types: [TRANSACTION_RECEIVED],
    maxBatchSize: 2000,
    handleBatch: async (events, context) => {
      const outcome = await handleIngestedBatch(prisma, events, context);
      logger.debug({ events: events.length, ...outcome }, 'ingested transactions applied');
    },
  });
}
