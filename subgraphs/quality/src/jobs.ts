import { type SubgraphDeps, startPeriodicJob } from '@meridian/subgraph-runtime';

/**
 * How often the event log is pruned to each tenant's retention; pruning is idempotent across instances, and a
 * run goes on until nothing past retention is left.
 */
export const RETENTION_INTERVAL_MS = 5 * 60_000;

/** The quality subgraph's periodic work, on a timer while it runs: event log retention. */
export async function startEventLogRetention({ backbone, logger }: SubgraphDeps) {
  return startPeriodicJob(
    'event log pruning',
    RETENTION_INTERVAL_MS,
    async (signal) => {
      const pruned = await backbone.retention.prune({ signal });
      if (pruned.events || pruned.inboxRows) logger.info(pruned, 'event log pruned to retention');
    },
    logger,
  );
}
