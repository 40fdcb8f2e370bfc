import type { PrismaClient } from '@meridian/db';
import { applyBatchOnce, type BatchContext, type EventEnvelope, recordApplyOutcome } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { applyTrackingEvents, TRANSACTION_RECEIVED } from '../services/tracking';

export const LOGISTICS_INGEST_CONSUMER = 'logistics-ingested-transactions';

/**
 * One batch, one transaction: the inbox claim, milestones, shipment status and positions, and the outcome
 * of events applied without effect commit together. Events handed over again are skipped by the inbox.
 */
export async function handleTrackingBatch(
  prisma: PrismaClient,
  events: EventEnvelope[],
  { retryCount }: Pick<BatchContext, 'retryCount'>,
) {
  return prisma.$transaction(
    async (tx) => {
      const fresh = await applyBatchOnce(tx, LOGISTICS_INGEST_CONSUMER, events, { retryCount });
      const result = await applyTrackingEvents(tx, fresh);
      for (const [outcome, eventIds] of result.outcomes) {
        await recordApplyOutcome(tx, LOGISTICS_INGEST_CONSUMER, eventIds, outcome);
      }
      return { applied: fresh.length, shipmentsChanged: result.shipments.length };
    },
    { timeout: 60_000 },
  );
}

/** Applies ingested milestones and GPS pings to the tenant's shipments. */
export function startIngestedTransactionsConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consumeBatches({
    consumer: LOGISTICS_INGEST_CONSUMER,
    types: [TRANSACTION_RECEIVED],
    maxBatchSize: 2000,
    handleBatch: async (events, context) => {
      const outcome = await handleTrackingBatch(prisma, events, context);
      logger.debug({ events: events.length, ...outcome }, 'ingested milestones and pings applied');
    },
  });
}
