import { gzipSync } from 'node:zlib';
import { type Identity, requireUser } from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import { snapshotsDue, utcDay } from '../domain/retention';
import * as store from '../store/snapshots';

export interface RetentionRun {
  taken: number;
  deleted: number;
}

/**
 * The snapshot job for `today`: takes each tenant's due snapshots (gzip JSON of its master records and
 * mappings) unless already taken, and deletes the expired ones. Safe to run any number of times a day.
 */
export async function runSnapshotRetention(prisma: PrismaClient, today = new Date()): Promise<RetentionRun> {
  const plans = snapshotsDue(today);
  const day = utcDay(today);
  let taken = 0;
  for (const tenantId of await store.tenantsWithMasterData(prisma)) {
    const kinds = plans.map((plan) => plan.kind);
    if ((await store.hasSnapshotsFor(prisma, tenantId, day, kinds)) === plans.length) continue;
    const data = await store.masterDataOf(prisma, tenantId);
    const content = gzipSync(JSON.stringify({ tenantId, takenOn: day.toISOString().slice(0, 10), ...data }));
    const recordCount = data.skus.length + data.suppliers.length + data.locations.length;
    const created = await store.createSnapshots(
      prisma,
      plans.map((plan) => ({
        tenantId,
        kind: plan.kind,
        takenOn: plan.takenOn,
        expiresOn: plan.expiresOn,
        content,
        recordCount,
        sizeBytes: content.length,
      })),
    );
    taken += created.count;
  }
  // isExpired's rule in SQL: kept through expiresOn, deleted from the day after.
  const { count: deleted } = await store.deleteSnapshotsExpiredBefore(prisma, day);
  return { taken, deleted };
}

export async function listSnapshots(prisma: PrismaClient, identity: Identity, first: number) {
  const { tenantId } = requireUser(identity);
  const rows = await store.listSnapshots(prisma, tenantId, Math.min(Math.max(first, 1), 500));
  const isoDay = (date: Date) => date.toISOString().slice(0, 10);
  return rows.map((row) => ({ ...row, takenOn: isoDay(row.takenOn), expiresOn: isoDay(row.expiresOn) }));
}
