import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { monitorForecastAccuracy, trainDueForecasts } from '../services/forecasts';

/** How often the schedule looks for due forecasts and unmeasured days. */
export const FORECAST_SCHEDULE_MS = 10 * 60_000;

/**
 * Forecast training and the drift monitor on a timer: a pass at start (so a fresh demo has forecasts
 * before anyone asks) and then every FORECAST_SCHEDULE_MS; a pass never overlaps the previous one. Due
 * forecasts only are trained (weekly, daily with a promotion), and each day is measured once.
 */
export async function startForecastSchedule({ prisma, logger }: SubgraphDeps) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= (async () => {
      const started = Date.now();
      const trained = await trainDueForecasts(prisma);
      const drifts = await monitorForecastAccuracy(prisma);
      if (trained > 0 || drifts > 0) {
        logger.info({ trained, drifts, ms: Date.now() - started }, 'forecasts trained, accuracy measured');
      }
    })()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduled forecast training failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, FORECAST_SCHEDULE_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
