import type { Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

export interface DayWindow {
  from: Date;
  to: Date;
}

/** Units ordered and shipped across the tenant in the window (inclusive UTC dates). */
export async function sumDemand(db: Db, tenantId: string, { from, to }: DayWindow) {
  const { _sum } = await db.dailyDemand.aggregate({
    where: { tenantId, day: { gte: from, lte: to } },
    _sum: { ordered: true, shipped: true },
  });
  return { ordered: _sum.ordered ?? 0, shipped: _sum.shipped ?? 0 };
}

/** Per-day totals across the tenant's SKUs and locations, oldest first; days without rows are absent. */
export async function demandByDay(db: Db, tenantId: string, { from, to }: DayWindow) {
  const groups = await db.dailyDemand.groupBy({
    by: ['day'],
    where: { tenantId, day: { gte: from, lte: to } },
    _sum: { ordered: true, shipped: true },
    orderBy: { day: 'asc' },
  });
  return groups.map((group) => ({
    day: group.day,
    ordered: group._sum.ordered ?? 0,
    shipped: group._sum.shipped ?? 0,
  }));
}

/** One SKU's demand per day across its locations; `promotedRows` counts rows that carried a promotion. */
export async function skuDemandByDay(db: Db, tenantId: string, skuId: string, { from, to }: DayWindow) {
  const groups = await db.dailyDemand.groupBy({
    by: ['day'],
    where: { tenantId, skuId, day: { gte: from, lte: to } },
    _sum: { ordered: true, shipped: true },
    _count: { promotionId: true },
    orderBy: { day: 'asc' },
  });
  return groups.map((group) => ({
    day: group.day,
    ordered: group._sum.ordered ?? 0,
    shipped: group._sum.shipped ?? 0,
    promotedRows: group._count.promotionId,
  }));
}
