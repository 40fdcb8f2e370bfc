import { randomUUID } from 'node:crypto';
import { DOMAIN_EVENT_TYPES } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { createEvent } from '@meridian/events';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleChangeRequestDecided, handleMasterRecordPublished } from '../src/consumers/catalog-changes';
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

const today = () => new Date().toISOString().slice(0, 10);
const dayAfter = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * DAY_MS);

interface World {
  tenantId: string;
  skuId: string;
  familyId: string;
  supplierId: string;
  dcId: string;
}

/** A DC stocking one SKU from a supplier with a 7-day lead time, and a 28-day forecast of `daily` units/day. */
async function createWorld({
  onHand,
  daily = 20,
  demandClass = 'AX',
  settings,
}: {
  onHand: number;
  daily?: number;
  demandClass?: string;
  settings?: { autoReleaseClasses: string[] };
}): Promise<World> {
  const tenantId = randomUUID();
  const supplier = await prisma.supplier.create({
    data: {
      tenantId,
      code: 'SUP',
      name: 'Test Supplier',
      leadTimeHours: 168,
      leadTimeStdDevHours: 24,
      reliability: '0.950',
    },
  });
  const family = await prisma.skuFamily.create({ data: { tenantId, code: 'FAM', name: 'Family' } });
  const sku = await prisma.sku.create({
    data: {
      tenantId,
      code: 'SKUA0001',
      gtin: `0${String(Date.now()).slice(-13)}`,
      name: 'Test SKU',
      familyId: family.id,
      supplierId: supplier.id,
      unitCostCents: 500,
      minOrderQty: 50,
      packSize: 12,
    },
  });
  const dc = await prisma.location.create({
    data: { tenantId, code: 'DC-1', name: 'DC', type: 'DC', region: 'EU' },
  });
  await prisma.inventoryPosition.create({ data: { tenantId, skuId: sku.id, locationId: dc.id, onHand } });
  await prisma.forecastRun.create({
    data: {
      tenantId,
      skuId: sku.id,
      locationId: dc.id,
      origin: dayAfter(-1),
      model: 'ses',
      backtest: { ses: 0.2 },
      accuracy: 0.8,
      mase: 0.7,
      bias: 0,
      demandClass,
      points: Array.from({ length: 28 }, (_, index) => ({
        day: dayAfter(index).toISOString().slice(0, 10),
        baseline: daily,
        forecast: daily,
        lower: daily - 5,
        upper: daily + 5,
        drivers: [],
      })),
      nextTrainingAt: dayAfter(1),
    },
  });
  if (settings) await prisma.supplySettings.create({ data: { tenantId, ...settings } });
  return { tenantId, skuId: sku.id, familyId: family.id, supplierId: supplier.id, dcId: dc.id };
}

const RUN = 'mutation Run($skuIds: [ID!]) { runReplenishment(skuIds: $skuIds) }';
const PROPOSALS = `query Proposals($status: String) {
  purchaseOrderProposals(status: $status) {
    id status quantity unitCostCents triggerDay projectedStockoutOn reorderPoint projectedStock explanation supplierId
    sku { id } location { id }
  }
}`;
const FAMILY = `query Family($familyId: ID!) {
  familyInventory(familyId: $familyId) {
    onHand onOrder reorderPoint safetyStock daysOfCover
    policy { reorderPoint safetyStock orderQuantity orderMethod serviceLevel leadTimeDays leadTimeStdDevDays explanation pendingChangeRequestId }
  }
}`;

interface Proposal {
  id: string;
  status: string;
  quantity: number;
  triggerDay: string;
  projectedStockoutOn: string | null;
  reorderPoint: number;
  explanation: string[];
  supplierId: string | null;
}
interface FamilyPosition {
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  daysOfCover: number | null;
  policy: {
    reorderPoint: number;
    orderQuantity: number;
    leadTimeDays: number;
    explanation: string[];
    pendingChangeRequestId: string | null;
  } | null;
}

async function run(world: World) {
  const { data, errors } = await subgraph.request<{ runReplenishment: number }>(RUN, {
    as: testUser(world.tenantId, ['planner']),
    variables: { skuIds: [world.skuId] },
  });
  expect(errors).toBeUndefined();
  return data!.runReplenishment;
}

async function proposals(world: World, status: string | null = 'PROPOSED') {
  const { data, errors } = await subgraph.request<{ purchaseOrderProposals: Proposal[] }>(PROPOSALS, {
    as: testUser(world.tenantId, ['analyst']),
    variables: { status },
  });
  expect(errors).toBeUndefined();
  return data!.purchaseOrderProposals;
}

async function family(world: World) {
  const { data, errors } = await subgraph.request<{ familyInventory: FamilyPosition[] }>(FAMILY, {
    as: testUser(world.tenantId, ['planner']),
    variables: { familyId: world.familyId },
  });
  expect(errors).toBeUndefined();
  return data!.familyInventory[0]!;
}

const eventsOf = (tenantId: string, type: string) =>
  prisma.eventLog.findMany({ where: { tenantId, type }, orderBy: { seq: 'asc' } });

describe('replenishment run', () => {
  it('puts the first policy in force and proposes one order when projected stock reaches the reorder point', async () => {
    const world = await createWorld({ onHand: 400 });
    expect(await run(world)).toBe(1);

    const position = await family(world);
    // σd from the ±5 80 % interval: 10 / (2 × 1.2816) = 3.90; SS = ⌈2.054 × √(7 × 3.90² + 20² × 1²)⌉ = ⌈46.2⌉
    expect(position.policy).toMatchObject({
      reorderPoint: 140 + 47,
      leadTimeDays: 7,
      pendingChangeRequestId: null,
    });
    expect(position.reorderPoint).toBe(187);
    expect(position.daysOfCover).toBe(20);

    const [proposal, ...others] = await proposals(world);
    expect(others).toEqual([]);
    // 400 − 20/day reaches 187 after 11 days (180 on day 11)
    expect(proposal).toMatchObject({
      status: 'PROPOSED',
      triggerDay: dayAfter(10).toISOString().slice(0, 10),
      projectedStockoutOn: dayAfter(19).toISOString().slice(0, 10),
      reorderPoint: 187,
      supplierId: world.supplierId,
    });
    expect(proposal!.quantity).toBeGreaterThanOrEqual(50);
    expect(proposal!.quantity % 12).toBe(0);
    expect(proposal!.quantity).toBe(position.policy!.orderQuantity);
    expect(proposal!.explanation[0]).toBe('Stock now 400 units: 400 available + 0 in transit + 0 on order.');

    // A second run refreshes the open proposal instead of adding one.
    expect(await run(world)).toBe(1);
    expect(await proposals(world)).toHaveLength(1);
  });

  it('withdraws an open proposal once projected stock no longer reaches the reorder point', async () => {
    const world = await createWorld({ onHand: 400 });
    await run(world);
    const [open] = await proposals(world);
    const found = await subgraph.request(
      'mutation A($input: AdjustInventoryInput!) { adjustInventory(input: $input) { onHand } }',
      {
        as: testUser(world.tenantId, ['planner']),
        variables: {
          input: { skuId: world.skuId, locationId: world.dcId, delta: 2000, reason: 'found a pallet' },
        },
      },
    );
    expect(found.errors).toBeUndefined();
    expect(await run(world)).toBe(0);
    expect(await proposals(world)).toEqual([]);
    const [withdrawn] = await proposals(world, 'REJECTED');
    expect(withdrawn!.id).toBe(open!.id);
    expect(withdrawn!.explanation.at(-1)).toMatch(
      /^Withdrawn by the replenishment run of .*: projected stock no longer reaches/,
    );
  });

  it('proposes nothing while projected stock stays above the reorder point', async () => {
    const world = await createWorld({ onHand: 5000 });
    expect(await run(world)).toBe(0);
    expect(await proposals(world, null)).toEqual([]);
  });

  it('releases proposals of an auto-release class without a planner', async () => {
    const world = await createWorld({
      onHand: 100,
      demandClass: 'CZ',
      settings: { autoReleaseClasses: ['CZ'] },
    });
    await run(world);
    const [released] = await proposals(world, 'RELEASED');
    expect(released!.explanation.at(-1)).toMatch(/auto-releases class CZ/);
    expect((await family(world)).onOrder).toBe(released!.quantity);
    expect(await eventsOf(world.tenantId, 'supply.purchase_order_released')).toHaveLength(1);
  });
});

describe('deciding proposals', () => {
  const APPROVE =
    'mutation A($id: ID!) { approvePurchaseOrderProposal(id: $id) { id status decidedById decidedAt } }';
  const REJECT =
    'mutation R($id: ID!, $reason: String!) { rejectPurchaseOrderProposal(id: $id, reason: $reason) { status explanation } }';

  it('approving adds the quantity to on order and emits the order and the position change', async () => {
    const world = await createWorld({ onHand: 200 });
    await run(world);
    const [proposal] = await proposals(world);
    const planner = testUser(world.tenantId, ['planner']);
    const { data, errors } = await subgraph.request<{
      approvePurchaseOrderProposal: { status: string; decidedById: string };
    }>(APPROVE, { as: planner, variables: { id: proposal!.id } });
    expect(errors).toBeUndefined();
    expect(data!.approvePurchaseOrderProposal).toMatchObject({
      status: 'APPROVED',
      decidedById: planner.userId,
    });
    expect((await family(world)).onOrder).toBe(proposal!.quantity);

    const [released] = await eventsOf(world.tenantId, 'supply.purchase_order_released');
    expect((released!.envelope as { data: unknown }).data).toMatchObject({
      proposalId: proposal!.id,
      quantity: proposal!.quantity,
      how: 'approved',
    });
    const changes = await eventsOf(world.tenantId, DOMAIN_EVENT_TYPES.inventoryPositionChanged);
    expect((changes.at(-1)!.envelope as { data: { reason: string } }).data.reason).toBe(
      `purchase order of ${proposal!.quantity} units approved`,
    );

    // Decided once: a second approval conflicts, and on order does not grow again.
    const again = await subgraph.request(APPROVE, { as: planner, variables: { id: proposal!.id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await family(world)).onOrder).toBe(proposal!.quantity);
    // With the order counted, the next run has nothing to propose.
    await run(world);
    expect(await proposals(world)).toEqual([]);
  });

  it('rejects with a reason, and only planners decide', async () => {
    const world = await createWorld({ onHand: 200 });
    await run(world);
    const [proposal] = await proposals(world);
    const analyst = await subgraph.request(APPROVE, {
      as: testUser(world.tenantId, ['analyst']),
      variables: { id: proposal!.id },
    });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const planner = testUser(world.tenantId, ['planner']);
    const short = await subgraph.request(REJECT, {
      as: planner,
      variables: { id: proposal!.id, reason: 'no' },
    });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const { data } = await subgraph.request<{
      rejectPurchaseOrderProposal: { status: string; explanation: string[] };
    }>(REJECT, { as: planner, variables: { id: proposal!.id, reason: 'range is being discontinued' } });
    expect(data!.rejectPurchaseOrderProposal.status).toBe('REJECTED');
    expect(data!.rejectPurchaseOrderProposal.explanation.at(-1)).toBe(
      'Rejected: range is being discontinued',
    );
    expect((await family(world)).onOrder).toBe(0);
  });
});

describe('policy governance and catalog changes', () => {
  const published = (world: World, changes: Array<{ field: string; before: unknown; after: unknown }>) =>
    createEvent({
      source: 'meridian/catalog',
      type: DOMAIN_EVENT_TYPES.masterRecordPublished,
      tenantId: world.tenantId,
      partitionKey: world.supplierId,
      data: {
        tenantId: world.tenantId,
        entityType: 'SUPPLIER',
        entityId: world.supplierId,
        version: 2,
        tag: '1.1.0',
        changes,
        record: {},
        changeRequestId: null,
        publishedAt: new Date().toISOString(),
      },
    });
  const decided = (world: World, status: 'APPROVED' | 'REJECTED', changeRequestId = randomUUID()) =>
    createEvent({
      source: 'meridian/catalog',
      type: DOMAIN_EVENT_TYPES.changeRequestDecided,
      tenantId: world.tenantId,
      partitionKey: world.skuId,
      data: {
        tenantId: world.tenantId,
        changeRequestId,
        entityType: 'REPLENISHMENT_POLICY',
        entityId: null,
        status,
        proposed: { skuId: world.skuId, locationId: world.dcId },
        decidedById: randomUUID(),
        decidedAt: new Date().toISOString(),
      },
    });

  async function leadTimeDoubled(world: World) {
    await prisma.supplier.update({ where: { id: world.supplierId }, data: { leadTimeHours: 336 } });
    await handleMasterRecordPublished(
      prisma,
      published(world, [{ field: 'leadTimeHours', before: 168, after: 336 }]),
    );
  }

  it('recomputes on a lead-time change and holds a change above 5 % until the change request is approved', async () => {
    const world = await createWorld({ onHand: 2000 });
    await run(world);
    const before = await family(world);
    expect(before.reorderPoint).toBe(187);

    await leadTimeDoubled(world);
    const [proposed] = await eventsOf(world.tenantId, DOMAIN_EVENT_TYPES.policyChangeProposed);
    const data = (
      proposed!.envelope as {
        data: { before: { reorderPoint: number }; after: { reorderPoint: number }; variance: number };
      }
    ).data;
    expect(data.before.reorderPoint).toBe(187);
    // 14 days × 20 + ⌈2.054 × √(14 × 3.90² + 20² × 1²)⌉ = 280 + 51
    expect(data.after.reorderPoint).toBe(331);
    expect(data.variance).toBeCloseTo(144 / 187, 6);
    const waiting = await family(world);
    expect(waiting.reorderPoint).toBe(187);
    expect(waiting.policy).toMatchObject({
      reorderPoint: 187,
      leadTimeDays: 7,
      pendingChangeRequestId: proposed!.id,
    });

    // Recomputing again while it waits proposes nothing new.
    await run(world);
    expect(await eventsOf(world.tenantId, DOMAIN_EVENT_TYPES.policyChangeProposed)).toHaveLength(1);

    const approval = decided(world, 'APPROVED');
    await handleChangeRequestDecided(prisma, approval);
    await handleChangeRequestDecided(prisma, approval);
    const approved = await family(world);
    expect(approved.reorderPoint).toBe(331);
    expect(approved.policy).toMatchObject({
      reorderPoint: 331,
      leadTimeDays: 14,
      pendingChangeRequestId: null,
    });
    expect(approved.policy!.explanation.at(-1)).toMatch(/^Approved in change request /);
  });

  it('drops a rejected change and does not ask about it again', async () => {
    const world = await createWorld({ onHand: 2000 });
    await run(world);
    await leadTimeDoubled(world);
    await handleChangeRequestDecided(prisma, decided(world, 'REJECTED'));
    const rejected = await family(world);
    expect(rejected.policy).toMatchObject({ reorderPoint: 187, pendingChangeRequestId: null });
    await run(world);
    expect(await eventsOf(world.tenantId, DOMAIN_EVENT_TYPES.policyChangeProposed)).toHaveLength(1);
  });

  it('applies a recomputed policy within 5 % directly, and ignores other master-data changes', async () => {
    const world = await createWorld({ onHand: 2000 });
    await run(world);
    await prisma.supplier.update({ where: { id: world.supplierId }, data: { leadTimeStdDevHours: 30 } });
    await handleMasterRecordPublished(
      prisma,
      published(world, [{ field: 'leadTimeStdDevHours', before: 24, after: 30 }]),
    );
    const position = await family(world);
    // SS = ⌈2.054 × √(7 × 3.90² + 20² × 1.25²)⌉ = 56: 196 is within 5 % of 187
    expect(position.policy).toMatchObject({ reorderPoint: 196, pendingChangeRequestId: null });
    expect(position.reorderPoint).toBe(196);
    expect(await eventsOf(world.tenantId, DOMAIN_EVENT_TYPES.policyChangeProposed)).toEqual([]);

    await handleMasterRecordPublished(prisma, published(world, [{ field: 'name', before: 'a', after: 'b' }]));
    expect((await family(world)).reorderPoint).toBe(196);
  });
});

describe('inventory KPIs from end-of-day stock', () => {
  it('counts stock-out days and prices carrying cost from the rows, and pushes the ones that moved', async () => {
    const world = await createWorld({ onHand: 400 });
    const yesterday = dayAfter(-1);
    await prisma.inventoryPositionDay.createMany({
      data: [0, 0, 100, 300].map((onHand, index) => ({
        tenantId: world.tenantId,
        skuId: world.skuId,
        locationId: world.dcId,
        day: new Date(yesterday.getTime() - index * DAY_MS),
        onHand,
        valueCents: BigInt(onHand * 500),
      })),
    });
    await prisma.dailyDemand.create({
      data: {
        tenantId: world.tenantId,
        skuId: world.skuId,
        locationId: world.dcId,
        day: yesterday,
        ordered: 40,
        shipped: 30,
      },
    });
    const { data, errors } = await subgraph.request<{
      _entities: Array<{
        inventoryKpis: {
          stockoutSkuDays: number;
          carryingCostCents: number;
          inventoryTurns: number;
          daysOfCover: number;
        };
      }>;
    }>(
      'query K($reps: [_Any!]!) { _entities(representations: $reps) { ... on Tenant { inventoryKpis { stockoutSkuDays carryingCostCents inventoryTurns daysOfCover } } } }',
      {
        as: testUser(world.tenantId, ['planner']),
        variables: { reps: [{ __typename: 'Tenant', id: world.tenantId }] },
      },
    );
    expect(errors).toBeUndefined();
    const kpis = data!._entities[0]!.inventoryKpis;
    expect(kpis.stockoutSkuDays).toBe(2);
    // average value (0 + 0 + 50,000 + 150,000) / 4 = 50,000 cents; 25 % a year
    expect(kpis.carryingCostCents).toBe(12_500);
    // 30 units × 500 cents shipped in the one day of history, scaled to a year, over 50,000
    expect(kpis.inventoryTurns).toBeCloseTo((15_000 * 365) / 50_000, 6);
    expect(kpis.daysOfCover).toBe(20);

    await run(world);
    const pushed = await eventsOf(world.tenantId, 'supply.kpi_updated');
    const kpiNames = pushed.map((event) => (event.envelope as { data: { kpi: string } }).data.kpi);
    // The day's first run compares with yesterday's view: yesterday's empty shelf and shipments are new.
    expect(kpiNames.sort()).toEqual(['carrying_cost', 'inventory_turns', 'stockout_sku_days']);
    const stockouts = pushed.find(
      (event) => (event.envelope as { data: { kpi: string } }).data.kpi === 'stockout_sku_days',
    );
    expect((stockouts!.envelope as { data: { value: number } }).data.value).toBe(2);
    // Nothing moved since: a second run pushes nothing.
    await run(world);
    expect(await eventsOf(world.tenantId, 'supply.kpi_updated')).toHaveLength(pushed.length);
    expect(
      await prisma.inventoryPositionDay.count({ where: { tenantId: world.tenantId, day: dayAfter(0) } }),
    ).toBe(1);
  });
});
