import type { MappingKind, Prisma } from '@meridian/db';
import type { Db } from './records';

export function listMappings(db: Db, tenantId: string, sourceSystem: string, kind?: MappingKind | null) {
  return db.sourceMapping.findMany({
    where: { tenantId, sourceSystem, ...(kind ? { kind } : {}) },
    orderBy: [{ kind: 'asc' }, { sourceValue: 'asc' }, { effectiveFrom: 'asc' }],
  });
}

export function createMappings(db: Db, data: Prisma.SourceMappingCreateManyInput[]) {
  return db.sourceMapping.createMany({ data });
}

export function latestMappingSet(db: Db, tenantId: string, sourceSystem: string) {
  return db.mappingSetVersion.findFirst({ where: { tenantId, sourceSystem }, orderBy: { version: 'desc' } });
}

export function createMappingSet(db: Db, data: Prisma.MappingSetVersionUncheckedCreateInput) {
  return db.mappingSetVersion.create({ data });
}

export function listMappingSets(db: Db, tenantId: string, sourceSystem: string) {
  return db.mappingSetVersion.findMany({ where: { tenantId, sourceSystem }, orderBy: { version: 'desc' } });
}

/** Which of `codes` are codes of the tenant's SKUs (SKU mappings) or suppliers and locations (PARTY). */
export async function existingCodes(db: Db, tenantId: string, kind: 'SKU' | 'PARTY', codes: string[]) {
  const where = { tenantId, code: { in: codes } };
  const select = { code: true };
  const rows =
    kind === 'SKU'
      ? await db.sku.findMany({ where, select })
      : [
          ...(await db.supplier.findMany({ where, select })),
          ...(await db.location.findMany({ where, select })),
        ];
  return new Set(rows.map((row) => row.code));
}
