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

export interface PublishedVersion {
  tenantId: string;
  entityType: string;
  entityId: string;
  version: number;
}

/**
 * The hot window, kept as versions are published: clears the snapshot of the versions the newly published
 * ones pushed out of their record's newest seven (read through the unique index, never a scan). Those
 * versions are rebuilt from the newer ones' changes when read.
 */
export function clearColdSnapshots(db: Db, published: readonly PublishedVersion[]): Promise<number> {
  if (published.length === 0) return Promise.resolve(0);
  return db.$executeRawUnsafe(
    `UPDATE "catalog"."MasterRecordVersion" AS old SET "snapshot" = NULL
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[])
         AS published("tenantId", "entityType", "entityId", "version")
      WHERE old."tenantId" = published."tenantId" AND old."entityType" = published."entityType"
        AND old."entityId" = published."entityId" AND old."version" <= published."version" - $5
        AND old."snapshot" IS NOT NULL`,
    published.map((row) => row.tenantId),
    published.map((row) => row.entityType),
    published.map((row) => row.entityId),
    published.map((row) => row.version),
    HOT_VERSIONS,
  );
}
