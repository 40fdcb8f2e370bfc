import { type InventoryPosition, Prisma, type PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

const table = Prisma.sql`"supply"."InventoryPosition"`;
const columns = Prisma.sql`"id", "tenantId", "skuId", "locationId", "onHand", "allocated", "inTransit", "onOrder", "reorderPoint", "safetyStock", "updatedAt"`;
/** The rule of domain/position.ts isAtStockoutRisk, in SQL so that filtering and counting stay in the database. */
const cover = Prisma.sql`("onHand" - "allocated" + "inTransit")`;
const atStockoutRisk = Prisma.sql`${cover} <= "reorderPoint"`;

export function findPosition(db: Db, tenantId: string, id: string) {
  return db.inventoryPosition.findFirst({ where: { id, tenantId } });
}

export function findPositionsBySkuIds(db: Db, tenantId: string, skuIds: readonly string[]) {
  return db.inventoryPosition.findMany({
    where: { tenantId, skuId: { in: [...skuIds] } },
    orderBy: [{ locationId: 'asc' }],
  });
}

/** Tightest cover first (cover minus reorder point), optionally only positions at (or not at) risk. */
export function listPositions(db: Db, tenantId: string, atRisk: boolean | null | undefined, take: number) {
  const riskFilter =
    atRisk === true
      ? Prisma.sql`AND ${atStockoutRisk}`
      : atRisk === false
        ? Prisma.sql`AND NOT (${atStockoutRisk})`
        : Prisma.empty;
  return db.$queryRaw<InventoryPosition[]>`
    SELECT ${columns} FROM ${table}
    WHERE "tenantId" = ${tenantId}::uuid ${riskFilter}
    ORDER BY ${cover} - "reorderPoint", "id"
    LIMIT ${take}`;
}

/** Locks the position until the transaction ends, so concurrent adjustments apply one after another. */
export async function lockPosition(
  tx: Prisma.TransactionClient,
  tenantId: string,
  skuId: string,
  locationId: string,
): Promise<InventoryPosition | null> {
  const rows = await tx.$queryRaw<InventoryPosition[]>`
    SELECT ${columns} FROM ${table}
    WHERE "tenantId" = ${tenantId}::uuid AND "skuId" = ${skuId}::uuid AND "locationId" = ${locationId}::uuid
    FOR UPDATE`;
  return rows[0] ?? null;
}

export function updateOnHand(db: Db, id: string, onHand: number) {
  return db.inventoryPosition.update({ where: { id }, data: { onHand } });
}

/** Distinct SKUs the tenant holds positions for, and how many of them have at least one position at risk. */
export async function countSkusByRisk(
  db: Db,
  tenantId: string,
): Promise<{ skuCount: number; atRisk: number }> {
  const [counts] = await db.$queryRaw<Array<{ skuCount: number; atRisk: number }>>`
    SELECT COUNT(DISTINCT "skuId")::int AS "skuCount",
           (COUNT(DISTINCT "skuId") FILTER (WHERE ${atStockoutRisk}))::int AS "atRisk"
    FROM ${table}
    WHERE "tenantId" = ${tenantId}::uuid`;
  return counts ?? { skuCount: 0, atRisk: 0 };
}
