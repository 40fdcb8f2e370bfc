import type { SubgraphDeps } from '@meridian/subgraph-runtime';

/** How often the event log is pruned to each tenant's retention; pruning is idempotent across instances. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

/** The quality subgraph's periodic work, on a timer while it runs: event log retention. */
export async function startEventLogRetention({ backbone, logger }: SubgraphDeps) {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = backbone.retention
      .prune()
      .then((pruned) => {
        if (pruned.events || pruned.inboxRows) logger.info(pruned, 'event log pruned to retention');
      })
      .catch((error) => logger.error({ err: error }, 'event log pruning failed; retrying on the next tick'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, RETENTION_INTERVAL_MS);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
