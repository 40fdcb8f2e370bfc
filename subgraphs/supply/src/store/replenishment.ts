import {
  Prisma,
  type PrismaClient,
  type PurchaseOrderProposal,
  type ReplenishmentPolicy,
} from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

export function findSettings(db: Db, tenantId: string) {
  return db.supplySettings.findUnique({ where: { tenantId } });
}

export function findPolicies(db: Db, tenantId: string, skuIds?: readonly string[]) {
  return db.replenishmentPolicy.findMany({
    where: { tenantId, ...(skuIds ? { skuId: { in: [...skuIds] } } : {}) },
  });
}

export function findPoliciesOf(
  db: Db,
  tenantId: string,
  keys: ReadonlyArray<{ skuId: string; locationId: string }>,
) {
  if (keys.length === 0) return Promise.resolve([] as ReplenishmentPolicy[]);
  return db.replenishmentPolicy.findMany({
    where: { tenantId, OR: keys.map(({ skuId, locationId }) => ({ skuId, locationId })) },
  });
}

export function upsertPolicy(db: Db, data: Prisma.ReplenishmentPolicyUncheckedCreateInput) {
  const { tenantId, skuId, locationId, ...rest } = data;
  return db.replenishmentPolicy.upsert({
    where: { tenantId_skuId_locationId: { tenantId, skuId, locationId } },
    create: data,
    update: rest,
  });
}

/** The policy waiting for the given change request, or else one waiting on the SKU and location. */
export async function findPendingPolicy(
  db: Db,
  tenantId: string,
  changeRequestId: string,
  skuId: string | null,
  locationId: string | null,
): Promise<ReplenishmentPolicy | null> {
  const byRequest = await db.replenishmentPolicy.findFirst({
    where: { tenantId, pendingChangeRequestId: changeRequestId },
  });
  if (byRequest || !skuId || !locationId) return byRequest;
  return db.replenishmentPolicy.findFirst({
    where: { tenantId, skuId, locationId, pendingChangeRequestId: { not: null } },
  });
}

export function findOpenProposal(db: Db, tenantId: string, skuId: string, locationId: string) {
  return db.purchaseOrderProposal.findFirst({
    where: { tenantId, skuId, locationId, status: 'PROPOSED' },
    orderBy: { createdAt: 'desc' },
  });
}

export function createProposal(db: Db, data: Prisma.PurchaseOrderProposalUncheckedCreateInput) {
  return db.purchaseOrderProposal.create({ data });
}

export function updateProposal(db: Db, id: string, data: Prisma.PurchaseOrderProposalUncheckedUpdateInput) {
  return db.purchaseOrderProposal.update({ where: { id }, data });
}

export function listProposals(db: Db, tenantId: string, status: string | null, take: number) {
  return db.purchaseOrderProposal.findMany({
    where: { tenantId, ...(status ? { status } : {}) },
    orderBy: [{ triggerDay: 'asc' }, { createdAt: 'desc' }],
    take,
  });
}

/** Locks the proposal until the transaction ends, so two planners cannot both decide it. */
export async function lockProposal(
  tx: Prisma.TransactionClient,
  tenantId: string,
  id: string,
): Promise<PurchaseOrderProposal | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text FROM "supply"."PurchaseOrderProposal"
     WHERE "id" = ${id}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  return rows[0] ? tx.purchaseOrderProposal.findUnique({ where: { id } }) : null;
}

/** Locks a SKU's positions (all locations): one replenishment run of a SKU at a time. */
export async function lockSkuPositions(tx: Prisma.TransactionClient, tenantId: string, skuId: string) {
  await tx.$queryRaw`
    SELECT "id" FROM "supply"."InventoryPosition"
     WHERE "tenantId" = ${tenantId}::uuid AND "skuId" = ${skuId}::uuid FOR UPDATE`;
}

export function addOnOrder(db: Db, tenantId: string, skuId: string, locationId: string, units: number) {
  return db.inventoryPosition.update({
    where: { tenantId_skuId_locationId: { tenantId, skuId, locationId } },
    data: { onOrder: { increment: units } },
  });
}

export function setPositionPolicy(
  db: Db,
  tenantId: string,
  skuId: string,
  locationId: string,
  figures: { reorderPoint: number; safetyStock: number },
) {
  return db.inventoryPosition.update({
    where: { tenantId_skuId_locationId: { tenantId, skuId, locationId } },
    data: figures,
  });
}

/** The newest forecast run of each SKU-location of the tenant (optionally of some SKUs only). */
export interface StoredForecast {
  skuId: string;
  locationId: string;
  demandClass: string;
  /** [{ day, baseline, forecast, lower, upper, drivers }] */
  points: unknown;
  backtest: unknown;
  trainedAt: Date;
}

export function newestForecasts(db: Db, tenantId: string, skuIds?: readonly string[]) {
  return db.$queryRaw<StoredForecast[]>`
    SELECT DISTINCT ON ("skuId", "locationId")
           "skuId"::text, "locationId"::text, "demandClass", "points", "backtest", "trainedAt"
      FROM "supply"."ForecastRun"
     WHERE "tenantId" = ${tenantId}::uuid
       ${skuIds ? Prisma.sql`AND "skuId" = ANY(${[...skuIds]}::uuid[])` : Prisma.empty}
     ORDER BY "skuId", "locationId", "trainedAt" DESC`;
}

/**
 * Per tenant, the SKUs a scheduled run should replan: those held in stock whose newest forecast was trained
 * after their policy was computed (or that have none yet); all of a tenant's SKUs when today's stock row
 * is not written yet (the first run of a day replans everything against a day's sales).
 */
export function findDueReplenishment(db: Db, today: Date) {
  return db.$queryRaw<Array<{ tenantId: string; skuIds: string[]; wholeTenant: boolean }>>`
    WITH newest AS (
      SELECT DISTINCT ON ("tenantId", "skuId", "locationId") "tenantId", "skuId", "locationId", "trainedAt"
        FROM "supply"."ForecastRun" ORDER BY "tenantId", "skuId", "locationId", "trainedAt" DESC
    ), stale AS (
      SELECT n."tenantId", n."skuId" FROM newest n
        JOIN "supply"."InventoryPosition" i USING ("tenantId", "skuId", "locationId")
        LEFT JOIN "supply"."ReplenishmentPolicy" p USING ("tenantId", "skuId", "locationId")
       WHERE p."computedAt" IS NULL OR p."computedAt" < n."trainedAt"
    ), unsnapshotted AS (
      SELECT DISTINCT i."tenantId" FROM "supply"."InventoryPosition" i
       WHERE NOT EXISTS (SELECT 1 FROM "supply"."InventoryPositionDay" d
                          WHERE d."tenantId" = i."tenantId" AND d."day" = ${today}::date)
    )
    SELECT t."tenantId"::text,
           COALESCE(array_agg(DISTINCT s."skuId"::text) FILTER (WHERE s."skuId" IS NOT NULL), '{}') AS "skuIds",
           bool_or(u."tenantId" IS NOT NULL) AS "wholeTenant"
      FROM (SELECT "tenantId" FROM stale UNION SELECT "tenantId" FROM unsnapshotted) t
      LEFT JOIN stale s ON s."tenantId" = t."tenantId"
      LEFT JOIN unsnapshotted u ON u."tenantId" = t."tenantId"
     GROUP BY t."tenantId"`;
}

/** The SKUs the tenant holds a position for (of `skuIds` only, when given). */
export async function findStockedSkuIds(
  db: Db,
  tenantId: string,
  skuIds?: readonly string[],
): Promise<string[]> {
  const rows = await db.inventoryPosition.findMany({
    where: { tenantId, ...(skuIds ? { skuId: { in: [...skuIds] } } : {}) },
    select: { skuId: true },
    distinct: ['skuId'],
  });
  return rows.map((row) => row.skuId);
}
