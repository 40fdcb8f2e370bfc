import { kpiUpdatedData } from '@meridian/canonical';
import type { Prisma, PrismaClient } from '@meridian/db';
import { appendToOutbox, createEvent } from '@meridian/events';
import {
  averageInventoryValue,
  carryingCost,
  changedKpis,
  inventoryTurns,
  KPI_UNITS,
  type KpiFigures,
  pooledDaysOfCover,
} from '../domain/inventory-kpis';
import { dayWindow, utcDay } from '../domain/kpis';
import { planningForecastOf } from '../domain/replenishment/planning-forecast';
import * as kpiStore from '../store/inventory-days';
import * as positions from '../store/positions';
import * as store from '../store/replenishment';
import { policySettingsOf } from './replenishment';

type Db = PrismaClient | Prisma.TransactionClient;
const SOURCE = 'meridian/supply';
/** Stock-outs and carrying cost look at the last 30 complete days, turns at the last year. */
const RECENT_DAYS = 30;
const YEAR_DAYS = 365;

export async function stockoutSkuDays(db: Db, tenantId: string, now: Date): Promise<number> {
  return kpiStore.countStockoutDays(db, tenantId, dayWindow(now, RECENT_DAYS));
}

export async function carryingCostCents(db: Db, tenantId: string, now: Date): Promise<number> {
  const [settings, values] = await Promise.all([
    store.findSettings(db, tenantId),
    kpiStore.valueByDay(db, tenantId, dayWindow(now, RECENT_DAYS)),
  ]);
  return carryingCost(policySettingsOf(settings).holdingCostRate, averageInventoryValue(values));
}

export async function turns(db: Db, tenantId: string, now: Date): Promise<number> {
  const window = dayWindow(now, YEAR_DAYS);
  const [shipped, values] = await Promise.all([
    kpiStore.costOfGoodsShipped(db, tenantId, window),
    kpiStore.valueByDay(db, tenantId, window),
  ]);
  return inventoryTurns(shipped.cogsCents, shipped.coveredDays, averageInventoryValue(values));
}

export async function daysOfCover(db: Db, tenantId: string, now: Date): Promise<number | null> {
  const today = utcDay(now);
  const [positions, forecasts] = await Promise.all([
    db.inventoryPosition.findMany({
      where: { tenantId },
      select: { skuId: true, locationId: true, onHand: true, allocated: true },
    }),
    store.newestForecasts(db, tenantId),
  ]);
  const meanByKey = new Map(
    forecasts.flatMap((forecast) => {
      const planning = planningForecastOf(forecast, today);
      if (!planning) return [];
      const mean = planning.daily.reduce((total, value) => total + value, 0) / planning.daily.length;
      return [[`${forecast.skuId}|${forecast.locationId}`, mean] as const];
    }),
  );
  return pooledDaysOfCover(
    positions.flatMap((position) => {
      const mean = meanByKey.get(`${position.skuId}|${position.locationId}`);
      return mean === undefined
        ? []
        : [{ available: position.onHand - position.allocated, meanDailyForecast: mean }];
    }),
  );
}

export async function inventoryKpiFigures(db: Db, tenantId: string, now: Date): Promise<KpiFigures> {
  const [risk, stockouts, carrying, turnsPerYear, cover] = await Promise.all([
    positions.countSkusByRisk(db, tenantId),
    stockoutSkuDays(db, tenantId, now),
    carryingCostCents(db, tenantId, now),
    turns(db, tenantId, now),
    daysOfCover(db, tenantId, now),
  ]);
  return {
    skusAtStockoutRisk: risk.atRisk,
    stockoutSkuDays: stockouts,
    inventoryTurns: turnsPerYear,
    carryingCostCents: carrying,
    daysOfCover: cover,
  };
}

/**
 * Pushes the KPIs that moved since `before` to the control towers: one `supply.kpi_updated` each, appended
 * together. Returns the events' KPI names.
 */
export async function publishKpiChanges(
  prisma: PrismaClient,
  tenantId: string,
  before: KpiFigures,
  now: Date,
): Promise<string[]> {
  const after = await inventoryKpiFigures(prisma, tenantId, now);
  const changed = changedKpis(before, after);
  if (changed.length === 0) return [];
  const events = changed.map(([key, value]) =>
    createEvent({
      source: SOURCE,
      type: 'supply.kpi_updated',
      tenantId,
      partitionKey: tenantId,
      data: kpiUpdatedData.parse({ tenantId, ...KPI_UNITS[key], value, at: now.toISOString() }),
    }),
  );
  await prisma.$transaction((tx) => appendToOutbox(tx, events));
  return changed.map(([key]) => KPI_UNITS[key].kpi);
}

/** Writes today's end-of-day stock (so far) of every position of the tenant; the last write of a day stands. */
export function snapshotPositionDays(db: Db, tenantId: string, now: Date): Promise<number> {
  return kpiStore.upsertPositionDays(db, tenantId, new Date(`${utcDay(now)}T00:00:00Z`));
}

/**
 * The figures the towers last saw. The day-window KPIs move when a day completes, so the first run of a day
 * (today's stock row not written yet) compares with yesterday's view of them; later runs with now's.
 */
export async function kpisLastPublished(db: Db, tenantId: string, now: Date): Promise<KpiFigures> {
  const firstRunToday = !(await kpiStore.hasPositionDay(db, tenantId, new Date(`${utcDay(now)}T00:00:00Z`)));
  return inventoryKpiFigures(db, tenantId, firstRunToday ? new Date(now.getTime() - 86_400_000) : now);
}

/** The replenishment KPIs of Tenant.inventoryKpis, each computed only when asked for. */
export function replenishmentKpiFields(db: Db, tenantId: string, now: Date) {
  return {
    stockoutSkuDays: () => stockoutSkuDays(db, tenantId, now),
    inventoryTurns: () => turns(db, tenantId, now),
    carryingCostCents: () => carryingCostCents(db, tenantId, now),
    daysOfCover: () => daysOfCover(db, tenantId, now),
  };
}
