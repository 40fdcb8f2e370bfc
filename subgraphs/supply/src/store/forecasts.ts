import { type ForecastRun, Prisma, type PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

export interface SkuLocation {
  tenantId: string;
  skuId: string;
  locationId: string;
}

/**
 * SKU-locations with demand whose forecast is due: never trained, their newest run's nextTrainingAt has
 * passed, or a promotion of the SKU that has not ended was saved after that run (one that came in through
 * the ingest; the API retrains at once).
 */
export function findDueSkuLocations(db: Db, now: Date, limit: number) {
  return db.$queryRaw<SkuLocation[]>`
    SELECT d."tenantId"::text, d."skuId"::text, d."locationId"::text
      FROM (SELECT DISTINCT "tenantId", "skuId", "locationId" FROM "supply"."DailyDemand") d
      LEFT JOIN LATERAL (
        SELECT f."nextTrainingAt", f."trainedAt" FROM "supply"."ForecastRun" f
         WHERE f."tenantId" = d."tenantId" AND f."skuId" = d."skuId" AND f."locationId" = d."locationId"
         ORDER BY f."trainedAt" DESC LIMIT 1) f ON true
     WHERE f."nextTrainingAt" IS NULL OR f."nextTrainingAt" <= ${now}
        OR EXISTS (SELECT 1 FROM "supply"."Promotion" p
                    WHERE p."tenantId" = d."tenantId" AND d."skuId" = ANY(p."skuIds")
                      AND p."endsOn" >= ${now}::date AND p."updatedAt" > f."trainedAt")
     ORDER BY d."tenantId", d."skuId", d."locationId"
     LIMIT ${limit}`;
}

/** The locations where `skuIds` have demand: what a retrain of those SKUs forecasts. */
export function findSkuLocationsWithDemand(db: Db, tenantId: string, skuIds: readonly string[]) {
  if (skuIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<SkuLocation[]>`
    SELECT DISTINCT "tenantId"::text, "skuId"::text, "locationId"::text FROM "supply"."DailyDemand"
     WHERE "tenantId" = ${tenantId}::uuid AND "skuId" = ANY(${[...skuIds]}::uuid[])`;
}

/** Units ordered per day of the given SKU-locations (days without orders have no row). */
export function findDemand(db: Db, tenantId: string, skuIds: readonly string[], from: Date, to: Date) {
  return db.dailyDemand.findMany({
    where: { tenantId, skuId: { in: [...skuIds] }, day: { gte: from, lte: to } },
    select: { skuId: true, locationId: true, day: true, ordered: true },
    orderBy: { day: 'asc' },
  });
}

/**
 * Daily units ordered per SKU-location of `skuIds` over [from, to], one row per SKU-location with its days
 * as offsets from its first day with demand: a few hundred rows of arrays instead of one row per day, which
 * the client would take seconds to turn into objects for a thousand SKUs.
 */
export function findDemandSeries(db: Db, tenantId: string, skuIds: readonly string[], from: Date, to: Date) {
  if (skuIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<
    Array<{ skuId: string; locationId: string; firstDay: string; offsets: number[]; ordered: number[] }>
  >`
    SELECT "skuId"::text, "locationId"::text, to_char(MIN("day"), 'YYYY-MM-DD') AS "firstDay",
           array_agg(("day" - ${from}::date) ORDER BY "day") AS "offsets",
           array_agg("ordered" ORDER BY "day") AS "ordered"
      FROM "supply"."DailyDemand"
     WHERE "tenantId" = ${tenantId}::uuid AND "skuId" = ANY(${[...skuIds]}::uuid[])
       AND "day" BETWEEN ${from}::date AND ${to}::date
     GROUP BY "skuId", "locationId"`;
}

/** Per SKU-location of the tenant: units ordered over [from, to] and their sum of squares, for ABC/XYZ. */
export function demandStatistics(db: Db, tenantId: string, from: Date, to: Date) {
  return db.$queryRaw<Array<{ skuId: string; locationId: string; units: number; squares: number }>>`
    SELECT "skuId"::text, "locationId"::text, SUM("ordered")::float8 AS "units",
           SUM("ordered"::float8 * "ordered"::float8) AS "squares"
      FROM "supply"."DailyDemand"
     WHERE "tenantId" = ${tenantId}::uuid AND "day" BETWEEN ${from}::date AND ${to}::date
     GROUP BY "skuId", "locationId"`;
}

/**
 * Unit costs from the catalog's SKU table (read-only): ABC ranks by value. Like the SKU codes the consumer
 * resolves, supply reads this directly until the catalog publishes master-data events it could keep.
 */
export function findUnitCosts(db: Db, tenantId: string) {
  return db.$queryRaw<Array<{ id: string; unitCostCents: number }>>`
    SELECT "id"::text, "unitCostCents" FROM "catalog"."Sku" WHERE "tenantId" = ${tenantId}::uuid`;
}

/** The tenant's distribution centres (catalog, read-only), listed first among a SKU's forecasts. */
export async function findDistributionCentreIds(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text FROM "catalog"."Location" WHERE "tenantId" = ${tenantId}::uuid AND "type" = 'DC'`;
  return new Set(rows.map((row) => row.id));
}

export function findSignals(db: Db, tenantId: string, from: Date, to: Date, skuIds?: readonly string[]) {
  return db.marketingSignal.findMany({
    where: {
      tenantId,
      day: { gte: from, lte: to },
      ...(skuIds ? { OR: [{ skuId: null }, { skuId: { in: [...skuIds] } }] } : {}),
    },
    select: { skuId: true, campaign: true, metric: true, day: true, value: true },
    orderBy: { day: 'asc' },
  });
}

export interface NewRun {
  tenantId: string;
  skuId: string;
  locationId: string;
  origin: string;
  model: string;
  backtest: unknown;
  accuracy: number;
  mase: number;
  bias: number;
  points: unknown;
  demandClass: string;
  trainedAt: Date;
  nextTrainingAt: Date;
}

/**
 * Stores runs in one statement, their JSON as text: the model API's deep walk over 28 points with drivers
 * per run cost seconds for a thousand runs.
 */
export async function createRuns(db: Db, runs: readonly NewRun[]) {
  if (runs.length === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "supply"."ForecastRun" ("id", "tenantId", "skuId", "locationId", "origin", "model", "backtest",
       "accuracy", "mase", "bias", "points", "demandClass", "trainedAt", "nextTrainingAt")
     SELECT gen_random_uuid(), r."tenantId", r."skuId", r."locationId", r."origin", r."model", r."backtest",
            r."accuracy", r."mase", r."bias", r."points", r."demandClass", r."trainedAt", r."nextTrainingAt"
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::text[], $6::jsonb[], $7::float8[],
                   $8::float8[], $9::float8[], $10::jsonb[], $11::text[], $12::timestamptz[], $13::timestamptz[])
         AS r("tenantId", "skuId", "locationId", "origin", "model", "backtest", "accuracy", "mase", "bias",
              "points", "demandClass", "trainedAt", "nextTrainingAt")`,
    runs.map((run) => run.tenantId),
    runs.map((run) => run.skuId),
    runs.map((run) => run.locationId),
    runs.map((run) => run.origin),
    runs.map((run) => run.model),
    runs.map((run) => JSON.stringify(run.backtest)),
    runs.map((run) => run.accuracy),
    runs.map((run) => run.mase),
    runs.map((run) => run.bias),
    runs.map((run) => JSON.stringify(run.points)),
    runs.map((run) => run.demandClass),
    runs.map((run) => run.trainedAt.toISOString()),
    runs.map((run) => run.nextTrainingAt.toISOString()),
  );
}

/** The newest run of each SKU-location of `skuIds` (all of the tenant's when absent). */
export function latestRuns(db: Db, tenantId: string, skuIds?: readonly string[]) {
  const skuFilter = skuIds ? Prisma.sql`AND "skuId" = ANY(${[...skuIds]}::uuid[])` : Prisma.empty;
  return db.$queryRaw<ForecastRun[]>`
    SELECT DISTINCT ON ("skuId", "locationId") * FROM "supply"."ForecastRun"
     WHERE "tenantId" = ${tenantId}::uuid ${skuFilter}
     ORDER BY "skuId", "locationId", "trainedAt" DESC`;
}

/** Runs trained on history up to a day in [from, to]: the forecasts realised demand is compared with. */
export function runsWithOriginBetween(db: Db, tenantId: string, from: Date, to: Date) {
  return db.forecastRun.findMany({
    where: { tenantId, origin: { gte: from, lte: to } },
    select: { skuId: true, locationId: true, origin: true, trainedAt: true, accuracy: true, points: true },
    orderBy: { trainedAt: 'asc' },
  });
}

/** Runs no forecast comparison will read any more. */
export function deleteRunsTrainedBefore(db: Db, cutoff: Date) {
  return db.forecastRun.deleteMany({ where: { trainedAt: { lt: cutoff } } });
}

/** Tenants with a run whose SKU-location has no accuracy row for `day` yet. */
export function tenantsToMeasure(db: Db, day: Date) {
  return db.$queryRaw<Array<{ tenantId: string }>>`
    SELECT DISTINCT f."tenantId"::text FROM "supply"."ForecastRun" f
     WHERE f."origin" < ${day}::date
       AND NOT EXISTS (SELECT 1 FROM "supply"."ForecastAccuracyDay" a
                        WHERE (a."tenantId", a."skuId", a."locationId") = (f."tenantId", f."skuId", f."locationId")
                          AND a."day" = ${day}::date)`;
}

export function accuracyDays(db: Db, tenantId: string, day: Date) {
  return db.forecastAccuracyDay.findMany({
    where: { tenantId, day },
    select: { skuId: true, locationId: true },
  });
}

/** Whether each SKU-location's newest measurement before `day` drifted. */
export function lastDriftStates(db: Db, tenantId: string, day: Date) {
  return db.$queryRaw<Array<{ skuId: string; locationId: string; drifted: boolean }>>`
    SELECT DISTINCT ON ("skuId", "locationId") "skuId"::text, "locationId"::text, "drifted"
      FROM "supply"."ForecastAccuracyDay"
     WHERE "tenantId" = ${tenantId}::uuid AND "day" < ${day}::date
     ORDER BY "skuId", "locationId", "day" DESC`;
}

export function createAccuracyDays(db: Db, rows: Prisma.ForecastAccuracyDayCreateManyInput[]) {
  return db.forecastAccuracyDay.createMany({ data: rows, skipDuplicates: true });
}
