import type { Prisma } from '@meridian/db';
import type { Db } from './records';

/** Tenants that hold any master record. */
export async function tenantsWithMasterData(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ tenantId: string }[]>(
    `SELECT "tenantId"::text AS "tenantId" FROM "catalog"."Sku"
     UNION SELECT "tenantId"::text FROM "catalog"."Supplier"
     UNION SELECT "tenantId"::text FROM "catalog"."Location"`,
  );
  return rows.map((row) => row.tenantId);
}

/** Everything a snapshot holds for one tenant: master records, families and source mappings. */
export async function masterDataOf(db: Db, tenantId: string) {
  const where = { tenantId };
  const [skus, skuFamilies, suppliers, locations, sourceMappings] = await Promise.all([
    db.sku.findMany({ where, orderBy: { code: 'asc' } }),
    db.skuFamily.findMany({ where, orderBy: { code: 'asc' } }),
    db.supplier.findMany({ where, orderBy: { code: 'asc' } }),
    db.location.findMany({ where, orderBy: { code: 'asc' } }),
    db.sourceMapping.findMany({ where, orderBy: [{ sourceSystem: 'asc' }, { effectiveFrom: 'asc' }] }),
  ]);
  return { skus, skuFamilies, suppliers, locations, sourceMappings };
}

/** Skips a snapshot already taken (tenant, kind, day): the job may run many times a day, on many instances. */
export function createSnapshots(db: Db, data: Prisma.CatalogSnapshotCreateManyInput[]) {
  return db.catalogSnapshot.createMany({ data, skipDuplicates: true });
}

export function hasSnapshotsFor(db: Db, tenantId: string, takenOn: Date, kinds: Array<'DAILY' | 'WEEKLY'>) {
  return db.catalogSnapshot.count({ where: { tenantId, takenOn, kind: { in: kinds } } });
}

export function deleteSnapshotsExpiredBefore(db: Db, today: Date) {
  return db.catalogSnapshot.deleteMany({ where: { expiresOn: { lt: today } } });
}

export function listSnapshots(db: Db, tenantId: string, take: number) {
  return db.catalogSnapshot.findMany({
    where: { tenantId },
    orderBy: [{ takenOn: 'desc' }, { kind: 'asc' }],
    take,
    select: { id: true, kind: true, takenOn: true, recordCount: true, sizeBytes: true, expiresOn: true },
  });
}

export function findSnapshotContent(db: Db, tenantId: string, id: string) {
  return db.catalogSnapshot.findFirst({ where: { tenantId, id }, select: { content: true } });
}
