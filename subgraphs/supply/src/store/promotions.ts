import type { Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

/** Every promotion of the tenant, oldest first (the learning reads them all; a tenant has dozens, not millions). */
export function listPromotions(db: Db, tenantId: string) {
  return db.promotion.findMany({ where: { tenantId }, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] });
}

/** Promotions ending on or after `from` (all when null), optionally only those covering `skuId`. */
export function findPromotions(db: Db, tenantId: string, from: Date | null, skuId?: string) {
  return db.promotion.findMany({
    where: {
      tenantId,
      ...(from ? { endsOn: { gte: from } } : {}),
      ...(skuId ? { skuIds: { has: skuId } } : {}),
    },
    orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
  });
}

export function findPromotion(db: Db, tenantId: string, id: string) {
  return db.promotion.findFirst({ where: { tenantId, id } });
}

export function createPromotion(db: Db, data: Prisma.PromotionUncheckedCreateInput) {
  return db.promotion.create({ data });
}

export function updatePromotion(db: Db, id: string, data: Prisma.PromotionUncheckedUpdateInput) {
  return db.promotion.update({ where: { id }, data });
}

export function deletePromotion(db: Db, tenantId: string, id: string) {
  return db.promotion.deleteMany({ where: { tenantId, id } });
}

export function setRealisedUplift(db: Db, tenantId: string, id: string, uplift: number) {
  return db.promotion.updateMany({ where: { tenantId, id }, data: { realisedUplift: uplift } });
}

/**
 * Which of `skuIds` are SKUs of the tenant (the catalog's table, read-only, as for the codes the consumer
 * resolves).
 */
export async function existingSkuIds(
  db: Db,
  tenantId: string,
  skuIds: readonly string[],
): Promise<Set<string>> {
  if (skuIds.length === 0) return new Set();
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text FROM "catalog"."Sku" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ANY(${[...skuIds]}::uuid[])`;
  return new Set(rows.map((row) => row.id));
}
