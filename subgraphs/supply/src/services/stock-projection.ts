import { type Identity, requireRole, requireUser } from '@meridian/auth';
import type { InventoryPosition, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { pageSize } from '@meridian/subgraph-runtime';
import { z } from 'zod';
import { utcDay } from '../domain/kpis';
import { echelonDaily, echelonStock, storesServedBy } from '../domain/policy/echelon';
import { type PlanningForecast, planningForecastOf } from '../domain/replenishment/planning-forecast';
import {
  daysOfCover,
  type ProjectedDay,
  projectStock,
  stockoutDay,
} from '../domain/replenishment/projection';
import { rankStockoutRisks } from '../domain/replenishment/stockout-risk';
import * as catalog from '../store/catalog-master';
import * as store from '../store/replenishment';
import { retrainSkus } from './forecasts';
import { replenishTenant } from './replenishment';
import { kpisLastPublished, publishKpiChanges, snapshotPositionDays } from './supply-kpis';

const uuid = (field: string) => (value: unknown) => {
  const parsed = z.guid().safeParse(value);
  if (!parsed.success) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, `${field} must be an id (a UUID).`, { field });
  }
  return parsed.data;
};

const planningKey = (at: { skuId: string; locationId: string }) => `${at.skuId}|${at.locationId}`;

/**
 * A position's projection as replenishment plans it: a DC's draws its echelon's stock (its own and that of
 * the stores it serves that have a forecast) down by the echelon's forecast demand.
 */
function projectPosition(
  position: InventoryPosition,
  positions: readonly InventoryPosition[],
  locations: ReadonlyMap<string, catalog.LocationMaster>,
  planningAt: ReadonlyMap<string, PlanningForecast>,
): ProjectedDay[] {
  const planning = planningAt.get(planningKey(position));
  if (!planning) return [];
  const stores = storesServedBy(position, positions, locations).filter((candidate) =>
    planningAt.has(planningKey(candidate)),
  );
  return projectStock({
    firstDay: planning.firstDay,
    stock: echelonStock(position, stores),
    dailyForecast: echelonDaily([
      planning.daily,
      ...stores.map((candidate) => planningAt.get(planningKey(candidate))!.daily),
    ]),
    reorderPoint: position.reorderPoint,
  });
}

/** Each forecast's planning view from today, by `skuId|locationId`. */
function planningByPosition(forecasts: Awaited<ReturnType<typeof store.newestForecasts>>, today: string) {
  return new Map(
    forecasts.flatMap((forecast) => {
      const planning = planningForecastOf(forecast, today);
      return planning ? [[planningKey(forecast), planning] as const] : [];
    }),
  );
}

/**
 * Projected stock per forecast day of a SKU at a location (default: its position at a DC, else its first); at
 * a DC, its echelon's, as replenishment plans it.
 */
export async function projectedStock(
  prisma: PrismaClient,
  identity: Identity,
  skuId: string,
  rawLocationId: unknown,
) {
  const { tenantId } = requireUser(identity);
  const locationId = rawLocationId == null ? null : uuid('locationId')(rawLocationId);
  if (!z.guid().safeParse(skuId).success) return [];
  const [positions, locations, forecasts] = await Promise.all([
    prisma.inventoryPosition.findMany({ where: { tenantId, skuId }, orderBy: { locationId: 'asc' } }),
    catalog.findLocations(prisma, tenantId),
    store.newestForecasts(prisma, tenantId, [skuId]),
  ]);
  const locationById = new Map(locations.map((location) => [location.id, location]));
  const position = locationId
    ? positions.find((candidate) => candidate.locationId === locationId)
    : (positions.find((candidate) => locationById.get(candidate.locationId)?.type === 'DC') ?? positions[0]);
  if (!position) return [];
  return projectPosition(
    position,
    positions,
    locationById,
    planningByPosition(forecasts, utcDay(new Date())),
  );
}

/** Positions that may run out within the forecast horizon or sit at their reorder point, most urgent first. */
export async function stockoutRisks(
  prisma: PrismaClient,
  identity: Identity,
  first: number | null | undefined,
) {
  const { tenantId } = requireUser(identity);
  const today = utcDay(new Date());
  const [positions, locations, forecasts] = await Promise.all([
    prisma.inventoryPosition.findMany({ where: { tenantId } }),
    catalog.findLocations(prisma, tenantId),
    store.newestForecasts(prisma, tenantId),
  ]);
  const locationById = new Map(locations.map((location) => [location.id, location]));
  const planningByKey = planningByPosition(forecasts, today);
  const positionsBySku = new Map<string, InventoryPosition[]>();
  for (const position of positions) {
    const ofSku = positionsBySku.get(position.skuId);
    if (ofSku) ofSku.push(position);
    else positionsBySku.set(position.skuId, [position]);
  }
  const candidates = positions.map((position) => {
    const planning = planningByKey.get(planningKey(position));
    const available = position.onHand - position.allocated;
    const projection = projectPosition(
      position,
      positionsBySku.get(position.skuId) ?? [],
      locationById,
      planningByKey,
    );
    return {
      skuId: position.skuId,
      locationId: position.locationId,
      available,
      inTransit: position.inTransit,
      reorderPoint: position.reorderPoint,
      daysOfCover: planning ? daysOfCover(available, planning.daily) : null,
      projectedStockoutOn: stockoutDay(projection),
    };
  });
  return rankStockoutRisks(candidates)
    .slice(0, pageSize(first, 50))
    .map((risk) => ({ ...risk, sku: { id: risk.skuId }, location: { id: risk.locationId } }));
}

/** The positions of one SKU family's SKUs, optionally at one location, in SKU code order. */
export async function familyInventory(
  prisma: PrismaClient,
  identity: Identity,
  args: { familyId: unknown; locationId?: unknown },
) {
  const { tenantId } = requireUser(identity);
  const familyId = uuid('familyId')(args.familyId);
  const locationId = args.locationId == null ? null : uuid('locationId')(args.locationId);
  const skuIds = await catalog.findSkuIdsOfFamily(prisma, tenantId, familyId);
  if (skuIds.length === 0) return [];
  const positions = await prisma.inventoryPosition.findMany({
    where: { tenantId, skuId: { in: skuIds }, ...(locationId ? { locationId } : {}) },
  });
  const order = new Map(skuIds.map((id, index) => [id, index]));
  return positions.sort(
    (a, b) => order.get(a.skuId)! - order.get(b.skuId)! || a.locationId.localeCompare(b.locationId),
  );
}

/**
 * `runReplenishment`: retrains the forecasts of the SKUs (all the tenant holds when none are named) now, then
 * recomputes their policies and proposals, writes today's stock row and pushes the KPIs that moved. Returns
 * the proposals created or refreshed.
 */
export async function runReplenishmentNow(prisma: PrismaClient, identity: Identity, rawSkuIds: unknown) {
  const { tenantId } = requireRole(identity, 'planner');
  const parsed = rawSkuIds == null ? undefined : z.array(z.guid()).max(1000).safeParse(rawSkuIds);
  if (parsed && !parsed.success) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'skuIds must be up to 1,000 SKU ids (UUIDs), or left out for all.',
      {
        field: 'skuIds',
      },
    );
  }
  const skuIds = parsed?.data;
  await retrainSkus(prisma, tenantId, skuIds ?? (await store.findStockedSkuIds(prisma, tenantId)));
  return runTenantReplenishment(prisma, tenantId, skuIds);
}

export async function runTenantReplenishment(prisma: PrismaClient, tenantId: string, skuIds?: string[]) {
  const now = new Date();
  const before = await kpisLastPublished(prisma, tenantId, now);
  const outcome = await replenishTenant(prisma, tenantId, { skuIds, now });
  await snapshotPositionDays(prisma, tenantId, now);
  await publishKpiChanges(prisma, tenantId, before, now);
  return outcome.proposalsCreated + outcome.proposalsUpdated;
}
