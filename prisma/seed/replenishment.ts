import type { Prisma } from '@meridian/db';
import { demoId } from './ids';

/**
 * The replenishment part of the demo world: the tenant's settings, 90 days of end-of-day stock (what the
 * inventory KPIs read), and two open purchase order proposals for the SKUs that run low, so the planner's
 * queue is not empty before the first replenishment run.
 */
export interface ReplenishmentRows {
  supplySettings: Prisma.SupplySettingsCreateManyInput;
  inventoryPositionDays: Prisma.InventoryPositionDayCreateManyInput[];
  purchaseOrderProposals: Prisma.PurchaseOrderProposalCreateManyInput[];
}

const dayMs = 24 * 60 * 60 * 1000;
const historyDays = 90;
/** SKUs whose proposal waits in the queue: the two at or near stock-out. */
const proposalSkuCodes = ['THBLKMED', 'THNVYLRG'];

interface Inputs {
  tenantId: string;
  today: Date;
  skus: ReadonlyArray<{ id: string; code: string; unitCostCents?: number; supplierId?: string | null }>;
  suppliers: ReadonlyArray<{ id?: string; leadTimeHours: number }>;
  inventoryPositions: ReadonlyArray<Prisma.InventoryPositionCreateManyInput>;
  dailyDemand: ReadonlyArray<Prisma.DailyDemandCreateManyInput>;
  meanDailyDemand: ReadonlyMap<string, number>;
  caseQuantity: (units: number) => number;
}

export function buildReplenishmentRows(inputs: Inputs): ReplenishmentRows {
  const { tenantId, today } = inputs;
  const shippedOn = new Map<string, number>();
  for (const row of inputs.dailyDemand) {
    shippedOn.set(`${row.skuId}|${new Date(row.day).getTime()}`, row.shipped);
  }
  const inventoryPositionDays: Prisma.InventoryPositionDayCreateManyInput[] = [];
  const purchaseOrderProposals: Prisma.PurchaseOrderProposalCreateManyInput[] = [];
  for (const sku of inputs.skus) {
    const position = inputs.inventoryPositions.find((candidate) => candidate.skuId === sku.id)!;
    const mean = inputs.meanDailyDemand.get(sku.id)!;
    const unitCost = sku.unitCostCents ?? 0;
    const leadTimeDays =
      (inputs.suppliers.find((supplier) => supplier.id === sku.supplierId)?.leadTimeHours ?? 0) / 24;
    // Walked back from today's stock: each earlier evening held what was shipped since, less a delivery of a
    // month's demand whenever that would have put more on the shelf than reorder point plus one delivery.
    const delivery = inputs.caseQuantity(mean * 30);
    const ceiling = (position.reorderPoint ?? 0) + delivery;
    let evening = position.onHand;
    for (let daysAgo = 1; daysAgo <= historyDays; daysAgo++) {
      const day = new Date(today.getTime() - daysAgo * dayMs);
      inventoryPositionDays.push({
        tenantId,
        skuId: sku.id,
        locationId: position.locationId,
        day,
        onHand: evening,
        valueCents: BigInt(evening * unitCost),
      });
      evening += shippedOn.get(`${sku.id}|${day.getTime()}`) ?? 0;
      if (evening > ceiling) evening -= delivery;
    }

    if (!proposalSkuCodes.includes(sku.code)) continue;
    const stock = position.onHand - (position.allocated ?? 0) + (position.inTransit ?? 0);
    const quantity = inputs.caseQuantity(mean * Math.max(14, leadTimeDays));
    const daysLeft = Math.max(0, Math.floor((position.onHand - (position.allocated ?? 0)) / mean));
    purchaseOrderProposals.push({
      id: demoId('po-proposal', sku.code),
      tenantId,
      skuId: sku.id,
      locationId: position.locationId,
      supplierId: sku.supplierId ?? null,
      status: 'PROPOSED',
      quantity,
      unitCostCents: unitCost,
      triggerDay: today,
      projectedStockoutOn: new Date(today.getTime() + daysLeft * dayMs),
      reorderPoint: position.reorderPoint ?? 0,
      projectedStock: Math.floor(stock - mean),
      explanation: [
        `Stock now ${stock} units: ${position.onHand - (position.allocated ?? 0)} available + ${position.inTransit ?? 0} in transit + 0 on order.`,
        `Forecast demand of ${mean.toFixed(1)} units/day takes it to ${Math.floor(stock - mean)} on ${today.toISOString().slice(0, 10)}, at or below the reorder point of ${position.reorderPoint}.`,
        `Order ${quantity} units: ${Math.max(14, leadTimeDays)} days of demand in whole cases of 12.`,
      ],
      createdAt: new Date(today.getTime() - 2 * 60 * 60 * 1000),
    });
  }
  return {
    supplySettings: {
      tenantId,
      autoReleaseClasses: ['CZ'],
      serviceLevels: { A: 0.98, B: 0.95, C: 0.9 },
      holdingCostRate: 0.25,
      orderingCostCents: 5000,
    },
    inventoryPositionDays,
    purchaseOrderProposals,
  };
}

/**
 * Writes the stock rows in one statement (arrays unnested in the database): through the model API the
 * ~4,000 rows took seconds of the seed's budget.
 */
export async function insertInventoryPositionDays(
  tx: Prisma.TransactionClient,
  rows: ReadonlyArray<Prisma.InventoryPositionDayCreateManyInput>,
): Promise<{ count: number }> {
  const count = await tx.$executeRawUnsafe(
    `INSERT INTO "supply"."InventoryPositionDay" ("tenantId", "skuId", "locationId", "day", "onHand", "valueCents")
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]::date[], $5::int[], $6::text[]::bigint[])`,
    rows.map((row) => row.tenantId),
    rows.map((row) => row.skuId),
    rows.map((row) => row.locationId),
    rows.map((row) => new Date(row.day).toISOString().slice(0, 10)),
    rows.map((row) => row.onHand),
    rows.map((row) => String(row.valueCents)),
  );
  return { count };
}
