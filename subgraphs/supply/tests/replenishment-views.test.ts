import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueReplenishment } from '../src/consumers/replenishment-schedule';
import { replenishTenant } from '../src/services/replenishment';
import { findDueReplenishment } from '../src/store/replenishment';
import { supplySubgraph } from '../src/subgraph';

const DAY_MS = 86_400_000;
let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(supplySubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const day = (offset: number) =>
  new Date(Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) + offset * DAY_MS);
const iso = (offset: number) => day(offset).toISOString().slice(0, 10);

async function forecast(tenantId: string, skuId: string, locationId: string, daily: number) {
  await prisma.forecastRun.create({
    data: {
      tenantId,
      skuId,
      locationId,
      origin: day(-1),
      model: 'ses',
      backtest: { candidates: [], residualStdDev: 2, origins: 8 },
      accuracy: 0.8,
      mase: 0.7,
      bias: 0,
      demandClass: 'AX',
      points: Array.from({ length: 28 }, (_, index) => ({
        day: iso(index),
        baseline: daily,
        forecast: daily,
        lower: daily - 3,
        upper: daily + 3,
        drivers: [],
      })),
      nextTrainingAt: day(1),
    },
  });
}

/** A DC serving two stores, one SKU stocked at all three. */
async function echelonWorld() {
  const tenantId = randomUUID();
  const supplier = await prisma.supplier.create({
    data: {
      tenantId,
      code: 'SUP',
      name: 'Supplier',
      leadTimeHours: 240,
      leadTimeStdDevHours: 24,
      reliability: '0.900',
    },
  });
  const family = await prisma.skuFamily.create({ data: { tenantId, code: 'FAM', name: 'Family' } });
  const sku = await prisma.sku.create({
    data: {
      tenantId,
      code: 'SKUE0001',
      gtin: `1${String(Date.now()).slice(-13)}`,
      name: 'Echelon SKU',
      familyId: family.id,
      supplierId: supplier.id,
      unitCostCents: 400,
      packSize: 6,
    },
  });
  const dc = await prisma.location.create({
    data: { tenantId, code: 'DC-1', name: 'DC', type: 'DC', region: 'EU' },
  });
  const stores = await Promise.all(
    ['ST-1', 'ST-2'].map((code) =>
      prisma.location.create({
        data: { tenantId, code, name: code, type: 'STORE', region: 'EU', parentId: dc.id },
      }),
    ),
  );
  await prisma.inventoryPosition.createMany({
    data: [
      { tenantId, skuId: sku.id, locationId: dc.id, onHand: 300 },
      { tenantId, skuId: sku.id, locationId: stores[0]!.id, onHand: 40 },
      { tenantId, skuId: sku.id, locationId: stores[1]!.id, onHand: 5 },
    ],
  });
  await forecast(tenantId, sku.id, dc.id, 10);
  await forecast(tenantId, sku.id, stores[0]!.id, 6);
  await forecast(tenantId, sku.id, stores[1]!.id, 4);
  return {
    tenantId,
    skuId: sku.id,
    familyId: family.id,
    dcId: dc.id,
    storeIds: stores.map((store) => store.id),
  };
}

const policyOf = (tenantId: string, skuId: string, locationId: string) =>
  prisma.replenishmentPolicy.findUniqueOrThrow({
    where: { tenantId_skuId_locationId: { tenantId, skuId, locationId } },
  });

describe('two echelons', () => {
  it('plans the DC on the echelon’s demand and stock and replenishes stores from it', async () => {
    const world = await echelonWorld();
    await replenishTenant(prisma, world.tenantId);
    const dcPolicy = await policyOf(world.tenantId, world.skuId, world.dcId);
    // The DC's own 10/day plus the stores' 6 and 4
    expect(dcPolicy.avgDailyDemand).toBeCloseTo(20, 10);
    expect(dcPolicy.leadTimeDays).toBe(10);
    const [storeOne, storeTwo] = await Promise.all(
      world.storeIds.map((id) => policyOf(world.tenantId, world.skuId, id)),
    );
    expect(storeOne!.leadTimeDays).toBe(1);
    expect(storeOne!.orderMethod).toBe('PERIOD_OF_COVER');
    expect(storeOne!.orderQuantity % 6).toBe(0);
    // A week of 4/day at the slower store: less to hold than at the 6/day one.
    expect(storeTwo!.reorderPoint).toBeLessThan(storeOne!.reorderPoint);
    expect(dcPolicy.explanation).toMatchObject({
      steps: expect.arrayContaining([expect.stringMatching(/^Echelon of the DC and 2 stores/)]),
    });

    const proposals = await prisma.purchaseOrderProposal.findMany({ where: { tenantId: world.tenantId } });
    const byLocation = new Map(proposals.map((proposal) => [proposal.locationId, proposal]));
    // Echelon stock 345 − 20/day reaches the DC's reorder point within the horizon: one supplier order.
    expect(byLocation.get(world.dcId)).toMatchObject({
      reorderPoint: dcPolicy.reorderPoint,
      status: 'PROPOSED',
    });
    expect(byLocation.get(world.dcId)!.supplierId).not.toBeNull();
    expect((byLocation.get(world.dcId)!.explanation as string[])[0]).toBe(
      'Stock now 345 units: 300 available + 0 in transit + 0 on order + 45 at the stores it serves.',
    );
    // The nearly empty store gets a transfer from the DC (no supplier).
    expect(byLocation.get(world.storeIds[1]!)).toMatchObject({ supplierId: null });
    expect((byLocation.get(world.storeIds[1]!)!.explanation as string[]).at(-1)).toBe(
      'A transfer from the DC that replenishes this store.',
    );
  });
});

describe('views', () => {
  it('lists stock-out risks with projected stock-out days, projects a SKU’s stock and shows days of cover', async () => {
    const world = await echelonWorld();
    const planner = testUser(world.tenantId, ['planner']);
    const { data, errors } = await subgraph.request<{
      stockoutRisks: Array<{
        sku: { id: string };
        location: { id: string };
        available: number;
        daysOfCover: number;
        projectedStockoutOn: string | null;
      }>;
      _entities: Array<{
        projectedStock: Array<{ day: string; projected: number; forecast: number; reorderPoint: number }>;
      }>;
    }>(
      `query V($reps: [_Any!]!, $store: ID) {
        stockoutRisks { sku { id } location { id } available daysOfCover projectedStockoutOn }
        _entities(representations: $reps) { ... on Sku { projectedStock(locationId: $store) { day projected forecast reorderPoint } } }
      }`,
      {
        as: planner,
        variables: { reps: [{ __typename: 'Sku', id: world.skuId }], store: world.storeIds[1] },
      },
    );
    expect(errors).toBeUndefined();
    // Store 2: 5 units at 4/day run out on day 2; store 1 (40 at 6/day) on day 7. The DC is projected as
    // replenishment plans it, on its echelon: 345 units (its 300 and the stores' 45) at 20/day (its 10 and the
    // stores' 6 and 4) run out on day 18, where its own 300 at 10/day would last past the horizon.
    expect(data!.stockoutRisks.map((risk) => [risk.location.id, risk.projectedStockoutOn])).toEqual([
      [world.storeIds[1], iso(1)],
      [world.storeIds[0], iso(6)],
      [world.dcId, iso(17)],
    ]);
    expect(data!.stockoutRisks[0]!.daysOfCover).toBeCloseTo(1.25, 10);
    expect(data!.stockoutRisks[0]!.sku.id).toBe(world.skuId);
    const projection = data!._entities[0]!.projectedStock;
    expect(projection).toHaveLength(28);
    expect(projection.slice(0, 2)).toEqual([
      { day: iso(0), projected: 1, forecast: 4, reorderPoint: 0 },
      { day: iso(1), projected: -3, forecast: 4, reorderPoint: 0 },
    ]);

    const atDc = await subgraph.request<{
      _entities: Array<{ projectedStock: Array<{ day: string; projected: number; forecast: number }> }>;
    }>(
      `query V($reps: [_Any!]!) {
        _entities(representations: $reps) { ... on Sku { projectedStock { day projected forecast } } }
      }`,
      { as: planner, variables: { reps: [{ __typename: 'Sku', id: world.skuId }] } },
    );
    expect(atDc.data!._entities[0]!.projectedStock.slice(0, 2)).toEqual([
      { day: iso(0), projected: 325, forecast: 20 },
      { day: iso(1), projected: 305, forecast: 20 },
    ]);
  });

  it('serves stored pilot runs of the caller’s tenant only', async () => {
    const tenantId = randomUUID();
    const kpis = (value: number) => ({
      stockoutSkuDays: value,
      fillRate: 0.95,
      averageInventoryUnits: 100,
      carryingCostCents: 5000,
      forecastWape: 0.2,
      purchaseOrders: 4,
    });
    const run = await prisma.pilotRun.create({
      data: {
        tenantId,
        parameters: { pilotDays: 30 },
        results: [{ seed: 1, baseline: kpis(10), meridian: kpis(8) }],
        summary: {
          baselineMean: kpis(10),
          meridianMean: kpis(8),
          relativeChange: kpis(-0.2),
          daily: [{ day: '2026-11-27', demand: 5 }],
        },
      },
    });
    const query = `query P($id: ID!) {
      pilotRuns { id parameters seeds { seed baseline { stockoutSkuDays } meridian { stockoutSkuDays } } relativeChange { stockoutSkuDays } daily }
      pilotRun(id: $id) { id meridianMean { fillRate } }
    }`;
    const { data, errors } = await subgraph.request<{
      pilotRuns: Array<{
        id: string;
        parameters: unknown;
        seeds: unknown[];
        relativeChange: { stockoutSkuDays: number };
        daily: unknown;
      }>;
      pilotRun: { id: string; meridianMean: { fillRate: number } } | null;
    }>(query, { as: testUser(tenantId, ['analyst']), variables: { id: run.id } });
    expect(errors).toBeUndefined();
    expect(data!.pilotRuns).toEqual([
      {
        id: run.id,
        parameters: { pilotDays: 30 },
        seeds: [{ seed: 1, baseline: { stockoutSkuDays: 10 }, meridian: { stockoutSkuDays: 8 } }],
        relativeChange: { stockoutSkuDays: -0.2 },
        daily: [{ day: '2026-11-27', demand: 5 }],
      },
    ]);
    expect(data!.pilotRun).toEqual({ id: run.id, meridianMean: { fillRate: 0.95 } });
    const other = await subgraph.request<{ pilotRuns: unknown[]; pilotRun: unknown }>(query, {
      as: testUser(randomUUID(), ['analyst']),
      variables: { id: run.id },
    });
    expect(other.data).toEqual({ pilotRuns: [], pilotRun: null });
  });
});

describe('the replenishment schedule', () => {
  it('replans a tenant on its first pass of the day, then only SKUs retrained since their policy', async () => {
    const world = await echelonWorld();
    const dueFor = async () =>
      (await findDueReplenishment(prisma, day(0))).find((due) => due.tenantId === world.tenantId);
    expect(await dueFor()).toMatchObject({ wholeTenant: true, skuIds: [world.skuId] });

    await runDueReplenishment(prisma, createLogger('test-schedule', 'warn'));
    expect(
      await prisma.inventoryPositionDay.count({ where: { tenantId: world.tenantId, day: day(0) } }),
    ).toBe(3);
    expect(await prisma.replenishmentPolicy.count({ where: { tenantId: world.tenantId } })).toBe(3);
    expect(await dueFor()).toBeUndefined();

    // A forecast trained after the policies makes the SKU due again, and only it.
    await forecast(world.tenantId, world.skuId, world.dcId, 12);
    expect(await dueFor()).toMatchObject({ wholeTenant: false, skuIds: [world.skuId] });
  });
});
