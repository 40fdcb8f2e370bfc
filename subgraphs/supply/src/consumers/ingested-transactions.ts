import type { PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { applyBatchOnce, type BatchContext, type EventEnvelope, recordApplyOutcome } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { SupplyOutcome } from '../domain/ingested-transaction';
import { applyIngestedTransactions, TRANSACTION_RECEIVED } from '../services/ingested-transactions';
import { appendPositionEvents } from '../services/inventory';
import { LIVE_SCHEMA } from '../store/ledger';

export const SUPPLY_INGEST_CONSUMER = 'supply-ingested-transactions';

/**
 * Outcomes no later event can make right: the event must be looked at by a person. Failing the batch on them
 * lets the backbone isolate the event and dead-letter it (visible, inspectable, replayable once fixed), where
 * an inbox outcome would only be noticed by someone who went looking.
 */
const POISON_OUTCOMES: ReadonlySet<SupplyOutcome> = new Set([
  SupplyOutcome.UNREADABLE_RECORD,
  SupplyOutcome.QUANTITY_OUT_OF_RANGE,
]);

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
        if (POISON_OUTCOMES.has(outcome)) {
          throw new MeridianError(
            ErrorCode.EVENT_UNPROCESSABLE,
            `${outcome}: event(s) ${eventIds.slice(0, 5).join(', ')} cannot be applied to the stock ledger; correct the source record and send it again.`,
            { outcome },
          );
        }
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
