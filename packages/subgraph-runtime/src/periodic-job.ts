import type { Logger } from '@meridian/observability';

/**
 * Runs `work` now and then every `intervalMs` while the subgraph runs, one run at a time (a tick that finds
 * the last run still going is skipped). A failed run is logged and tried again at the next tick. `stop`
 * aborts the signal `work` is given (work that loops until it has caught up ends at its next step) and waits
 * for the run in progress. The work must be idempotent: every instance of the subgraph runs it.
 */
export function startPeriodicJob(
  name: string,
  intervalMs: number,
  work: (signal: AbortSignal) => Promise<void>,
  logger: Logger,
): { stop(): Promise<void> } {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = work(stopping.signal)
      .catch((error) => logger.error({ err: error }, `${name} failed; retrying on the next tick`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await running;
    },
  };
}
