import type { PrismaClient } from '@meridian/db';
import type { Logger } from '@meridian/observability';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { runTenantReplenishment } from '../services/stock-projection';
import { findDueReplenishment } from '../store/replenishment';

/** How often the schedule looks for freshly trained forecasts; forecasts train on their own schedule. */
export const REPLENISHMENT_INTERVAL_MS = 5 * 60_000;

/** One pass: replans the SKUs whose forecasts were retrained since their policy, and every SKU once a day. */
export async function runDueReplenishment(
  prisma: PrismaClient,
  logger: Logger,
  now = new Date(),
): Promise<number> {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  let proposals = 0;
  for (const due of await findDueReplenishment(prisma, today)) {
    proposals += await runTenantReplenishment(prisma, due.tenantId, due.wholeTenant ? undefined : due.skuIds);
    logger.info(
      { tenantId: due.tenantId, skus: due.wholeTenant ? 'all' : due.skuIds.length },
      'replenishment replanned',
    );
  }
  return proposals;
}

/**
 * Replenishment on a timer, after forecasts are trained: a pass at start, then every
 * REPLENISHMENT_INTERVAL_MS (forecasts trained since a SKU's policy make it due). Several supply instances may run it at once: each
 * SKU is replanned in a transaction holding its positions' locks, so they take turns and never double a
 * proposal.
 */
export async function startReplenishmentSchedule({ prisma, logger }: SubgraphDeps) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= runDueReplenishment(prisma, logger)
      .catch((error: unknown) => logger.error({ err: error }, 'scheduled replenishment failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, REPLENISHMENT_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
