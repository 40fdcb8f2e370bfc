import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** UTC midnight `daysAgo` days before today. */
function utcDate(daysAgo: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS);
}

async function createPosition(
  tenantId: string,
  figures: {
    onHand: number;
    allocated?: number;
    inTransit?: number;
    reorderPoint: number;
    safetyStock?: number;
  },
  skuId: string = randomUUID(),
  locationId: string = randomUUID(),
) {
  return prisma.inventoryPosition.create({ data: { tenantId, skuId, locationId, ...figures } });
}

function outboxOf(tenantId: string) {
  return prisma.eventLog.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } });
}

const ADJUST = `mutation Adjust($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) { id onHand available atStockoutRisk updatedAt sku { id } location { id } }
}`;

const KPIS = `query Kpis($reps: [_Any!]!, $days: Int) {
  _entities(representations: $reps) {
    ... on Tenant { inventoryKpis { fillRate skusAtStockoutRisk skuCount fillRateTrend(days: $days) { day ordered shipped fillRate } } }
  }
}`;

describe('inventory KPIs', () => {
  it('counts SKUs at risk, SKUs held, and the fill rate of the last 30 days', async () => {
    const tenantId = randomUUID();
    const [skuA, skuB, skuC] = [randomUUID(), randomUUID(), randomUUID()];
    const [dc, store] = [randomUUID(), randomUUID()];
    // A is at risk at one location only; C sits exactly on its reorder point; B is healthy.
    await createPosition(tenantId, { onHand: 10, allocated: 5, reorderPoint: 20 }, skuA, dc);
    await createPosition(tenantId, { onHand: 500, reorderPoint: 20 }, skuA, store);
    await createPosition(tenantId, { onHand: 100, reorderPoint: 20 }, skuB, dc);
    await createPosition(tenantId, { onHand: 30, allocated: 20, inTransit: 10, reorderPoint: 20 }, skuC, dc);
    await prisma.dailyDemand.createMany({
      data: [
        { tenantId, skuId: skuA, locationId: dc, day: utcDate(1), ordered: 100, shipped: 90 },
        { tenantId, skuId: skuB, locationId: dc, day: utcDate(1), ordered: 50, shipped: 50 },
        { tenantId, skuId: skuA, locationId: dc, day: utcDate(3), ordered: 50, shipped: 10 },
        // Outside the window of complete days (too old, or today): must not move the fill rate.
        { tenantId, skuId: skuA, locationId: dc, day: utcDate(45), ordered: 1000, shipped: 0 },
        { tenantId, skuId: skuB, locationId: dc, day: utcDate(0), ordered: 100, shipped: 0 },
      ],
    });

    const { data, errors } = await subgraph.request<{
      _entities: Array<{
        inventoryKpis: {
          fillRate: number;
          skusAtStockoutRisk: number;
          skuCount: number;
          fillRateTrend: Array<{ day: string; ordered: number; shipped: number; fillRate: number | null }>;
        };
      }>;
    }>(KPIS, {
      as: testUser(tenantId, ['planner']),
      variables: { reps: [{ __typename: 'Tenant', id: tenantId }], days: 4 },
    });

    expect(errors).toBeUndefined();
    const kpis = data!._entities[0]!.inventoryKpis;
    expect(kpis.skusAtStockoutRisk).toBe(2);
    expect(kpis.skuCount).toBe(3);
    expect(kpis.fillRate).toBeCloseTo(150 / 200);
    expect(kpis.fillRateTrend).toEqual([
      { day: utcDate(4).toISOString().slice(0, 10), ordered: 0, shipped: 0, fillRate: null },
      { day: utcDate(3).toISOString().slice(0, 10), ordered: 50, shipped: 10, fillRate: 0.2 },
      { day: utcDate(2).toISOString().slice(0, 10), ordered: 0, shipped: 0, fillRate: null },
      { day: utcDate(1).toISOString().slice(0, 10), ordered: 150, shipped: 140, fillRate: 140 / 150 },
    ]);
  });

  it('refuses another tenant’s KPIs', async () => {
    const { errors } = await subgraph.request(KPIS, {
      as: testUser(randomUUID(), ['admin']),
      variables: { reps: [{ __typename: 'Tenant', id: randomUUID() }] },
    });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a trend longer than a year, naming the argument', async () => {
    const tenantId = randomUUID();
    const { errors } = await subgraph.request(KPIS, {
      as: testUser(tenantId, ['planner']),
      variables: { reps: [{ __typename: 'Tenant', id: tenantId }], days: 400 },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });
});

describe('positions and demand', () => {
  it('lists positions at risk, tightest cover first, with the same rule as the field', async () => {
    const tenantId = randomUUID();
    const onTheLine = await createPosition(tenantId, { onHand: 20, reorderPoint: 20 });
    const empty = await createPosition(tenantId, { onHand: 0, allocated: 5, reorderPoint: 10 });
    await createPosition(tenantId, { onHand: 21, reorderPoint: 20 });

    const { data, errors } = await subgraph.request<{
      risky: Array<{ id: string; available: number; atStockoutRisk: boolean; updatedAt: string }>;
      healthy: Array<{ atStockoutRisk: boolean }>;
      all: Array<{ id: string }>;
    }>(
      `{ risky: inventoryPositions(atStockoutRisk: true) { id available atStockoutRisk updatedAt }
         healthy: inventoryPositions(atStockoutRisk: false) { atStockoutRisk }
         all: inventoryPositions(first: 2) { id } }`,
      { as: testUser(tenantId, ['analyst']) },
    );

    expect(errors).toBeUndefined();
    expect(data!.risky.map((position) => position.id)).toEqual([empty.id, onTheLine.id]);
    expect(data!.risky.every((position) => position.atStockoutRisk)).toBe(true);
    expect(data!.risky[0]!.available).toBe(-5);
    expect(data!.risky[0]!.updatedAt).toBe(empty.updatedAt.toISOString());
    expect(data!.healthy).toEqual([{ atStockoutRisk: false }]);
    expect(data!.all).toHaveLength(2);
  });

  it('answers Sku.inventoryPositions and demandHistory per day across locations, flagging promoted days', async () => {
    const tenantId = randomUUID();
    const skuId = randomUUID();
    const [dc, store] = [randomUUID(), randomUUID()];
    await createPosition(tenantId, { onHand: 40, reorderPoint: 10 }, skuId, dc);
    await createPosition(tenantId, { onHand: 5, reorderPoint: 10 }, skuId, store);
    await prisma.dailyDemand.createMany({
      data: [
        { tenantId, skuId, locationId: dc, day: utcDate(2), ordered: 10, shipped: 8 },
        {
          tenantId,
          skuId,
          locationId: store,
          day: utcDate(2),
          ordered: 5,
          shipped: 5,
          promotionId: randomUUID(),
        },
        { tenantId, skuId, locationId: dc, day: utcDate(1), ordered: 7, shipped: 7 },
        { tenantId, skuId, locationId: dc, day: utcDate(20), ordered: 9, shipped: 9 },
      ],
    });

    const { data, errors } = await subgraph.request<{
      _entities: Array<{
        inventoryPositions: Array<{ onHand: number; atStockoutRisk: boolean; location: { id: string } }>;
        demandHistory: Array<{ day: string; ordered: number; shipped: number; promoted: boolean }>;
      }>;
    }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Sku {
         inventoryPositions { onHand atStockoutRisk location { id } }
         demandHistory(days: 7) { day ordered shipped promoted } } } }`,
      {
        as: testUser(tenantId, ['planner']),
        variables: {
          reps: [
            { __typename: 'Sku', id: skuId },
            { __typename: 'Sku', id: randomUUID() },
          ],
        },
      },
    );

    expect(errors).toBeUndefined();
    const [sku, unknownSku] = data!._entities;
    expect(sku!.inventoryPositions.map((p) => p.onHand).sort((a, b) => a - b)).toEqual([5, 40]);
    expect(sku!.inventoryPositions.find((p) => p.location.id === store)?.atStockoutRisk).toBe(true);
    expect(sku!.demandHistory).toEqual([
      { day: utcDate(2).toISOString().slice(0, 10), ordered: 15, shipped: 13, promoted: true },
      { day: utcDate(1).toISOString().slice(0, 10), ordered: 7, shipped: 7, promoted: false },
    ]);
    expect(unknownSku).toEqual({ inventoryPositions: [], demandHistory: [] });
  });
});

describe('adjustInventory', () => {
  it('updates the position and appends both events in one transaction', async () => {
    const tenantId = randomUUID();
    const position = await createPosition(tenantId, {
      onHand: 30,
      allocated: 10,
      reorderPoint: 15,
      safetyStock: 5,
    });

    const { data, errors } = await subgraph.request<{
      adjustInventory: { id: string; onHand: number; available: number; atStockoutRisk: boolean };
    }>(ADJUST, {
      as: testUser(tenantId, ['planner']),
      variables: {
        input: {
          skuId: position.skuId,
          locationId: position.locationId,
          delta: -12,
          reason: 'damaged pallet',
        },
      },
    });

    expect(errors).toBeUndefined();
    expect(data!.adjustInventory).toMatchObject({
      id: position.id,
      onHand: 18,
      available: 8,
      atStockoutRisk: true,
    });
    expect((await prisma.inventoryPosition.findUniqueOrThrow({ where: { id: position.id } })).onHand).toBe(
      18,
    );

    const events = await outboxOf(tenantId);
    expect(events.map((event) => event.type)).toEqual([
      'supply.inventory_position_changed',
      'supply.kpi_updated',
    ]);
    const [changed, kpi] = events.map((event) => event.envelope as { data: Record<string, unknown> });
    expect(events[0]!.partitionKey).toBe(position.skuId);
    expect(changed!.data).toEqual({
      tenantId,
      positionId: position.id,
      skuId: position.skuId,
      locationId: position.locationId,
      onHand: 18,
      allocated: 10,
      inTransit: 0,
      reorderPoint: 15,
      safetyStock: 5,
      atStockoutRisk: true,
      reason: 'damaged pallet',
    });
    expect(kpi!.data).toMatchObject({ tenantId, kpi: 'skus_at_stockout_risk', value: 1, unit: 'count' });
  });

  it('refuses to take on-hand below zero and then writes neither the position nor an event', async () => {
    const tenantId = randomUUID();
    const position = await createPosition(tenantId, { onHand: 5, reorderPoint: 1 });

    const { data, errors } = await subgraph.request(ADJUST, {
      as: testUser(tenantId, ['analyst']),
      variables: {
        input: { skuId: position.skuId, locationId: position.locationId, delta: -6, reason: 'count' },
      },
    });

    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'delta',
      reason: 'ON_HAND_BELOW_ZERO',
    });
    expect(errors?.[0]?.message).toContain('Only 5 units');
    expect((await prisma.inventoryPosition.findUniqueOrThrow({ where: { id: position.id } })).onHand).toBe(5);
    expect(await outboxOf(tenantId)).toEqual([]);
  });

  it('names the offending field of bad input', async () => {
    const tenantId = randomUUID();
    const position = await createPosition(tenantId, { onHand: 5, reorderPoint: 1 });
    const as = testUser(tenantId, ['planner']);
    const input = { skuId: position.skuId, locationId: position.locationId, delta: 1, reason: 'found stock' };

    const cases = [
      [{ ...input, reason: ' x ' }, 'reason'],
      [{ ...input, delta: 0 }, 'delta'],
      [{ ...input, skuId: 'not-an-id' }, 'skuId'],
    ] as const;
    for (const [badInput, field] of cases) {
      const { errors } = await subgraph.request(ADJUST, { as, variables: { input: badInput } });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await outboxOf(tenantId)).toEqual([]);
  });

  it('is for planners and analysts only', async () => {
    const tenantId = randomUUID();
    const position = await createPosition(tenantId, { onHand: 5, reorderPoint: 1 });
    const { errors } = await subgraph.request(ADJUST, {
      as: testUser(tenantId, ['logistics', 'marketing']),
      variables: {
        input: { skuId: position.skuId, locationId: position.locationId, delta: 1, reason: 'found' },
      },
    });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('access', () => {
  it('refuses a request without the gateway’s identity assertion', async () => {
    const response = await subgraph.request('{ inventoryPositions { id } }', { as: null });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous callers', async () => {
    const { errors } = await subgraph.request('{ inventoryPositions { id } }', { as: { kind: 'anonymous' } });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a caller from another tenant nothing of this tenant', async () => {
    const tenantId = randomUUID();
    const position = await createPosition(tenantId, { onHand: 1, reorderPoint: 10 });
    const stranger = testUser(randomUUID(), ['admin']);

    const { data } = await subgraph.request<{
      inventoryPositions: unknown[];
      _entities: Array<{ id?: string; inventoryPositions?: unknown[] } | null>;
    }>(
      `query($reps: [_Any!]!) {
         inventoryPositions { id }
         _entities(representations: $reps) {
           ... on Sku { inventoryPositions { id } }
           ... on InventoryPosition { id }
         } }`,
      {
        as: stranger,
        variables: {
          reps: [
            { __typename: 'Sku', id: position.skuId },
            { __typename: 'InventoryPosition', id: position.id },
          ],
        },
      },
    );
    expect(data!.inventoryPositions).toEqual([]);
    expect(data!._entities).toEqual([{ inventoryPositions: [] }, null]);

    const adjusted = await subgraph.request(ADJUST, {
      as: stranger,
      variables: {
        input: { skuId: position.skuId, locationId: position.locationId, delta: 5, reason: 'sneaky' },
      },
    });
    expect(adjusted.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await prisma.inventoryPosition.findUniqueOrThrow({ where: { id: position.id } })).onHand).toBe(1);
  });
});
