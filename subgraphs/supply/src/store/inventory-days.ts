import type { Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;
type Window = { from: Date; to: Date };

/** SKU-location days in the window that ended with nothing on hand. */
export async function countStockoutDays(db: Db, tenantId: string, { from, to }: Window): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ days: number }>>`
    SELECT COUNT(*)::int AS "days" FROM "supply"."InventoryPositionDay"
     WHERE "tenantId" = ${tenantId}::uuid AND "day" BETWEEN ${from}::date AND ${to}::date AND "onHand" <= 0`;
  return row?.days ?? 0;
}

/** The tenant's total stock value per day of the window, for days with rows. */
export async function valueByDay(db: Db, tenantId: string, { from, to }: Window): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ value: number }>>`
    SELECT SUM("valueCents")::float8 AS "value" FROM "supply"."InventoryPositionDay"
     WHERE "tenantId" = ${tenantId}::uuid AND "day" BETWEEN ${from}::date AND ${to}::date
     GROUP BY "day"`;
  return rows.map((row) => row.value);
}

/**
 * Units shipped in the window priced at the catalog's unit cost (read-only, like store/catalog-master.ts),
 * and how many days the demand history covers in it.
 */
export async function costOfGoodsShipped(
  db: Db,
  tenantId: string,
  { from, to }: Window,
): Promise<{ cogsCents: number; coveredDays: number }> {
  const [row] = await db.$queryRaw<Array<{ cogsCents: number | null; firstDay: Date | null }>>`
    SELECT SUM(d."shipped"::float8 * COALESCE(s."unitCostCents", 0)) AS "cogsCents", MIN(d."day") AS "firstDay"
      FROM "supply"."DailyDemand" d
      LEFT JOIN "catalog"."Sku" s ON s."id" = d."skuId"
     WHERE d."tenantId" = ${tenantId}::uuid AND d."day" BETWEEN ${from}::date AND ${to}::date`;
  if (!row?.firstDay) return { cogsCents: 0, coveredDays: 0 };
  const coveredDays = Math.round((to.getTime() - row.firstDay.getTime()) / 86_400_000) + 1;
  return { cogsCents: row.cogsCents ?? 0, coveredDays };
}

/** Upserts one row per position of the tenant for `day`: on hand and its value at the catalog's unit cost. */
export function upsertPositionDays(db: Db, tenantId: string, day: Date): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "supply"."InventoryPositionDay" ("tenantId", "skuId", "locationId", "day", "onHand", "valueCents")
    SELECT p."tenantId", p."skuId", p."locationId", ${day}::date, p."onHand",
           (p."onHand"::bigint * COALESCE(s."unitCostCents", 0))
      FROM "supply"."InventoryPosition" p
      LEFT JOIN "catalog"."Sku" s ON s."id" = p."skuId"
     WHERE p."tenantId" = ${tenantId}::uuid
    ON CONFLICT ("tenantId", "skuId", "locationId", "day")
    DO UPDATE SET "onHand" = EXCLUDED."onHand", "valueCents" = EXCLUDED."valueCents"`;
}

export async function hasPositionDay(db: Db, tenantId: string, day: Date): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "supply"."InventoryPositionDay" WHERE "tenantId" = ${tenantId}::uuid AND "day" = ${day}::date LIMIT 1`;
  return rows.length > 0;
}
