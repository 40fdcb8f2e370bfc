import { type SubgraphDeps, startPeriodicJob } from '@meridian/subgraph-runtime';

/**
 * How often the event log is pruned to each tenant's retention; pruning is idempotent across instances. A
 * run deletes at most 500,000 rows, so every five minutes keeps up with about 1,600 events/s on average.
 */
export const RETENTION_INTERVAL_MS = 5 * 60_000;

/** The quality subgraph's periodic work, on a timer while it runs: event log retention. */
export async function startEventLogRetention({ backbone, logger }: SubgraphDeps) {
  return startPeriodicJob(
    'event log pruning',
    RETENTION_INTERVAL_MS,
    async () => {
      const pruned = await backbone.retention.prune();
      if (pruned.events || pruned.inboxRows) logger.info(pruned, 'event log pruned to retention');
    },
    logger,
  );
}
