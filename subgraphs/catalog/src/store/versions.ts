import type { MasterRecordVersion, Prisma } from '@meridian/db';
import type { EntityType } from '../domain/records';
import { HOT_VERSIONS } from '../domain/versioning';
import type { Db } from './records';

export function createVersion(db: Db, data: Prisma.MasterRecordVersionUncheckedCreateInput) {
  return db.masterRecordVersion.create({ data });
}

/** Versions of one record from the newest down to `downTo`, newest first (the rebuild walks them this way). */
export function listVersionsDownTo(
  db: Db,
  tenantId: string,
  entityType: EntityType,
  entityId: string,
  downTo: number,
): Promise<MasterRecordVersion[]> {
  return db.masterRecordVersion.findMany({
    where: { tenantId, entityType, entityId, version: { gte: downTo } },
    orderBy: { version: 'desc' },
  });
}

export function listNewestVersions(
  db: Db,
  tenantId: string,
  entityType: EntityType,
  entityId: string,
  take: number,
): Promise<MasterRecordVersion[]> {
  return db.masterRecordVersion.findMany({
    where: { tenantId, entityType, entityId },
    orderBy: { version: 'desc' },
    take,
  });
}

/** The version in force at `at`: the newest published at or before it. */
export function findVersionAt(db: Db, tenantId: string, entityType: EntityType, entityId: string, at: Date) {
  return db.masterRecordVersion.findFirst({
    where: { tenantId, entityType, entityId, createdAt: { lte: at } },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
}

/**
 * The hot-window job: clears the snapshot of every version older than its record's newest seven, in one
 * statement. Those versions are rebuilt from the newer ones' changes when read.
 */
export function clearColdSnapshots(db: Db): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE "catalog"."MasterRecordVersion" AS old SET "snapshot" = NULL
       FROM (SELECT "tenantId", "entityType", "entityId", max("version") AS newest
               FROM "catalog"."MasterRecordVersion" GROUP BY 1, 2, 3) AS latest
      WHERE old."snapshot" IS NOT NULL
        AND old."tenantId" = latest."tenantId" AND old."entityType" = latest."entityType"
        AND old."entityId" = latest."entityId" AND old."version" <= latest.newest - $1`,
    HOT_VERSIONS,
  );
}
