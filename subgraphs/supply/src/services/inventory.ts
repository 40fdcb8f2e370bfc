import { type Identity, requireRole, requireTenant, requireUser } from '@meridian/auth';
import { DOMAIN_EVENT_TYPES, inventoryPositionChangedData, kpiUpdatedData } from '@meridian/canonical';
import type { InventoryPosition, Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent, type EventEnvelope } from '@meridian/events';
import { pageSize } from '@meridian/subgraph-runtime';
import { z } from 'zod';
import { dayWindow, fillRate, fillRateTrend, utcDay } from '../domain/kpis';
import { isAtStockoutRisk, onHandAfter } from '../domain/position';
import * as demand from '../store/demand';
import * as positions from '../store/positions';
import { replenishmentKpiFields } from './supply-kpis';

const SOURCE = 'meridian/supply';
/** Fill rate on the tower is always the last 30 days. */
const FILL_RATE_DAYS = 30;

export const adjustInventoryInput = z.object({
  skuId: z.guid('use the id of a SKU (a UUID)'),
  locationId: z.guid('use the id of a location (a UUID)'),
  delta: z
    .number()
    .int()
    .refine(
      (delta) => delta !== 0,
      'give a non-zero number of units: positive for found stock, negative for losses',
    )
    .refine((delta) => Math.abs(delta) <= 1_000_000, 'book at most 1,000,000 units in one adjustment'),
  reason: z
    .string()
    .trim()
    .min(3, 'say why the stock changed (3+ characters), e.g. "cycle count correction"')
    .max(500, 'keep the reason under 500 characters'),
});

/** `days` arguments, named in the error so the caller knows which one to fix. */
const windowDays = (max: number) =>
  z.object({
    days: z.number().int().min(1, 'days must be at least 1').max(max, `days must be at most ${max}`),
  });

/** Books a stock adjustment and tells the platform, in one transaction, what it did to the position and the KPI. */
export async function adjustInventory(prisma: PrismaClient, identity: Identity, rawInput: unknown) {
  const user = requireRole(identity, 'planner', 'analyst');
  const input = adjustInventoryInput.parse(rawInput);
  return prisma.$transaction(async (tx) => {
    const position = await positions.lockPosition(tx, user.tenantId, input.skuId, input.locationId);
    if (!position) {
      throw new MeridianError(
        ErrorCode.NOT_FOUND,
        'There is no inventory position for that SKU at that location in your tenant; check skuId and locationId.',
        { field: 'skuId' },
      );
    }
    const onHand = onHandAfter(position.onHand, input.delta);
    if (onHand === null) {
      throw new MeridianError(
        ErrorCode.CONFLICT,
        `Only ${position.onHand} units are on hand, so an adjustment of ${input.delta} would take it below zero. ` +
          'Count the stock and book the difference.',
        { field: 'delta', reason: 'ON_HAND_BELOW_ZERO', onHand: position.onHand },
      );
    }
    const updated = await positions.updateOnHand(tx, position.id, onHand);
    await appendPositionEvents(tx, [{ position: updated, reason: input.reason }], new Date());
    return updated;
  });
}

export interface PositionChangeNotice {
  position: InventoryPosition;
  /** Why it changed, in words a planner reads on the exception it may raise. */
  reason: string;
}

/**
 * Tells the platform what changed, in the caller's transaction: one `supply.inventory_position_changed` per
 * position (quality raises stock-out exceptions from them), then one `supply.kpi_updated` with the SKUs now
 * at risk for each of `kpiTenants` (by default every tenant of `changes`; counting reads all the tenant's
 * positions, so a batch passes only tenants where a position went into or out of risk).
 */
export async function appendPositionEvents(
  tx: Prisma.TransactionClient,
  changes: readonly PositionChangeNotice[],
  now: Date,
  kpiTenants: Iterable<string> = new Set(changes.map(({ position }) => position.tenantId)),
): Promise<void> {
  const events: EventEnvelope[] = changes.map(({ position, reason }) =>
    createEvent({
      source: SOURCE,
      type: DOMAIN_EVENT_TYPES.inventoryPositionChanged,
      tenantId: position.tenantId,
      partitionKey: position.skuId,
      data: inventoryPositionChangedData.parse({
        tenantId: position.tenantId,
        positionId: position.id,
        skuId: position.skuId,
        locationId: position.locationId,
        onHand: position.onHand,
        allocated: position.allocated,
        inTransit: position.inTransit,
        reorderPoint: position.reorderPoint,
        safetyStock: position.safetyStock,
        atStockoutRisk: isAtStockoutRisk(position),
        reason,
      }),
    }),
  );
  for (const tenantId of kpiTenants) {
    const { atRisk } = await positions.countSkusByRisk(tx, tenantId);
    events.push(
      createEvent({
        source: SOURCE,
        type: `supply.${DOMAIN_EVENT_TYPES.kpiUpdated}`,
        tenantId,
        partitionKey: tenantId,
        data: kpiUpdatedData.parse({
          tenantId,
          kpi: 'skus_at_stockout_risk',
          value: atRisk,
          unit: 'count',
          at: now.toISOString(),
        }),
      }),
    );
  }
  if (events.length > 0) await appendToOutbox(tx, events);
}

export function listPositions(
  prisma: PrismaClient,
  identity: Identity,
  args: { atStockoutRisk?: boolean | null; first?: number | null },
) {
  const { tenantId } = requireUser(identity);
  return positions.listPositions(prisma, tenantId, args.atStockoutRisk, pageSize(args.first, 100));
}

export function findPosition(prisma: PrismaClient, identity: Identity, id: string) {
  const { tenantId } = requireUser(identity);
  return z.guid().safeParse(id).success ? positions.findPosition(prisma, tenantId, id) : null;
}

/** A SKU's demand per UTC day across its locations, oldest first; days without any row are left out. */
export async function demandHistory(
  prisma: PrismaClient,
  identity: Identity,
  skuId: string,
  rawDays: unknown,
) {
  const { tenantId } = requireUser(identity);
  const { days } = windowDays(730).parse({ days: rawDays });
  const rows = await demand.skuDemandByDay(prisma, tenantId, skuId, dayWindow(new Date(), days));
  return rows.map((row) => ({
    day: utcDay(row.day),
    ordered: row.ordered,
    shipped: row.shipped,
    promoted: row.promotedRows > 0,
  }));
}

/**
 * The tenant's inventory KPIs. Each field is computed only when the query asks for it (graphql-js calls
 * function-valued properties as resolvers); the two stock counts share one query.
 */
export function inventoryKpisFor(prisma: PrismaClient, identity: Identity, tenantId: string) {
  requireTenant(identity, tenantId);
  const now = new Date();
  let skuCounts: ReturnType<typeof positions.countSkusByRisk> | undefined;
  const countSkus = () => {
    skuCounts ??= positions.countSkusByRisk(prisma, tenantId);
    return skuCounts;
  };
  return {
    fillRate: async () => fillRate(await demand.sumDemand(prisma, tenantId, dayWindow(now, FILL_RATE_DAYS))),
    fillRateTrend: async (args: { days?: unknown }) => {
      const { days } = windowDays(365).parse({ days: args.days ?? FILL_RATE_DAYS });
      return fillRateTrend(await demand.demandByDay(prisma, tenantId, dayWindow(now, days)), now, days);
    },
    skusAtStockoutRisk: async () => (await countSkus()).atRisk,
    skuCount: async () => (await countSkus()).skuCount,
    ...replenishmentKpiFields(prisma, tenantId, now),
  };
}
