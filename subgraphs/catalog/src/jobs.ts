import { type SubgraphDeps, startPeriodicJob } from '@meridian/subgraph-runtime';
import { publishDueChangeRequests } from './services/change-requests';
import { runSnapshotRetention } from './services/snapshots';
import { markSlaBreaches } from './services/stewardship';

/** How often the catalog's periodic work runs; each job is idempotent, so several instances may run it. */
export const JOB_INTERVAL_MS = 60_000;

/**
 * The catalog's periodic work, on a timer while the subgraph runs: approved changes whose effective date has
 * come, stewardship SLA breaches, and the daily/weekly catalog snapshots with retention.
 */
export async function startCatalogJobs({ prisma, logger }: SubgraphDeps) {
  return startPeriodicJob(
    'catalog jobs',
    JOB_INTERVAL_MS,
    async () => {
      const scheduled = await publishDueChangeRequests(prisma);
      const breaches = await markSlaBreaches(prisma);
      const snapshots = await runSnapshotRetention(prisma);
      if (scheduled.published || scheduled.lapsed || breaches || snapshots.taken || snapshots.deleted) {
        logger.info({ scheduled, breaches, ...snapshots }, 'catalog jobs ran');
      }
    },
    logger,
  );
}
