import type { LocationType, Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

export interface SkuFilter {
  tenantId: string;
  familyId?: string | null;
  /** Matched case-insensitively anywhere in the code, name or GTIN. */
  search?: string | null;
}

function skuWhere({ tenantId, familyId, search }: SkuFilter): Prisma.SkuWhereInput {
  const contains = (value: string) => ({ contains: value, mode: 'insensitive' as const });
  return {
    tenantId,
    ...(familyId ? { familyId } : {}),
    ...(search
      ? { OR: [{ code: contains(search) }, { name: contains(search) }, { gtin: contains(search) }] }
      : {}),
  };
}

/** Families always come with their SKU count, so `skuCount` costs no extra query. */
const withSkuCount = { _count: { select: { skus: true } } } satisfies Prisma.SkuFamilyInclude;
export type SkuFamilyWithCount = Prisma.SkuFamilyGetPayload<{ include: typeof withSkuCount }>;

export function findSkuByCode(db: Db, tenantId: string, code: string) {
  return db.sku.findUnique({ where: { tenantId_code: { tenantId, code } } });
}

export function listSkus(db: Db, filter: SkuFilter, skip: number, take: number) {
  return db.sku.findMany({
    where: skuWhere(filter),
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    skip,
    take: take + 1,
  });
}

export function countSkus(db: Db, filter: SkuFilter) {
  return db.sku.count({ where: skuWhere(filter) });
}

export function findSkusByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return db.sku.findMany({ where: { tenantId, id: { in: [...ids] } } });
}

export function listFamilies(db: Db, tenantId: string): Promise<SkuFamilyWithCount[]> {
  return db.skuFamily.findMany({ where: { tenantId }, include: withSkuCount, orderBy: { code: 'asc' } });
}

export function findFamiliesByIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<SkuFamilyWithCount[]> {
  return db.skuFamily.findMany({ where: { tenantId, id: { in: [...ids] } }, include: withSkuCount });
}

export function listSuppliers(db: Db, tenantId: string) {
  return db.supplier.findMany({ where: { tenantId }, orderBy: { code: 'asc' } });
}

export function findSuppliersByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return db.supplier.findMany({ where: { tenantId, id: { in: [...ids] } } });
}

export function listLocations(db: Db, tenantId: string, type?: LocationType | null) {
  return db.location.findMany({ where: { tenantId, ...(type ? { type } : {}) }, orderBy: { code: 'asc' } });
}

export function findLocationsByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return db.location.findMany({ where: { tenantId, id: { in: [...ids] } } });
}

export function findChildLocations(db: Db, tenantId: string, parentIds: readonly string[]) {
  return db.location.findMany({
    where: { tenantId, parentId: { in: [...parentIds] } },
    orderBy: { code: 'asc' },
  });
}
