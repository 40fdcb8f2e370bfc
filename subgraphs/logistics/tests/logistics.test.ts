import { randomUUID } from 'node:crypto';
import type { PrismaClient, ShipmentStatus } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logisticsSubgraph } from '../src/subgraph';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(logisticsSubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const ago = (ms: number) => new Date(Date.now() - ms);
const fromNow = (ms: number) => new Date(Date.now() + ms);

interface ShipmentSpec {
  status: ShipmentStatus;
  direction?: 'INBOUND' | 'OUTBOUND';
  plannedArrival: Date;
  estimatedArrival?: Date;
  actualArrival?: Date;
  skuIds?: string[];
}

async function createTenant() {
  const tenantId = randomUUID();
  const carrier = await prisma.carrier.create({
    data: { tenantId, code: 'DHL', name: 'DHL Freight', scac: 'DHLF' },
  });
  let count = 0;
  const ship = (spec: ShipmentSpec) =>
    prisma.shipment.create({
      data: {
        tenantId,
        reference: `SH-${++count}`,
        carrierId: carrier.id,
        originLocationId: randomUUID(),
        destinationLocationId: randomUUID(),
        status: spec.status,
        direction: spec.direction ?? 'INBOUND',
        plannedDeparture: new Date(spec.plannedArrival.getTime() - 2 * DAY_MS),
        plannedArrival: spec.plannedArrival,
        estimatedArrival: spec.estimatedArrival ?? null,
        actualArrival: spec.actualArrival ?? null,
        lines: { create: (spec.skuIds ?? [randomUUID()]).map((skuId) => ({ skuId, quantity: 10 })) },
      },
    });
  return { tenantId, carrier, ship };
}

const KPIS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Tenant { shippingKpis { onTimeRate deliveredLast30Days openShipments lateOpenShipments } } } }`;

describe('shipping KPIs', () => {
  it('rates deliveries of the last 30 days and counts open and late shipments', async () => {
    const { tenantId, ship } = await createTenant();
    const planned = ago(5 * DAY_MS);
    await ship({ status: 'DELIVERED', plannedArrival: planned, actualArrival: planned }); // on the dot
    await ship({ status: 'DELIVERED', plannedArrival: planned, actualArrival: ago(6 * DAY_MS) }); // early
    await ship({ status: 'DELIVERED', plannedArrival: planned, actualArrival: ago(4 * DAY_MS) }); // late
    await ship({ status: 'DELIVERED', plannedArrival: ago(40 * DAY_MS), actualArrival: ago(41 * DAY_MS) }); // too old
    await ship({ status: 'IN_TRANSIT', plannedArrival: ago(HOUR_MS) }); // open and late
    await ship({ status: 'IN_TRANSIT', plannedArrival: fromNow(DAY_MS) });
    await ship({ status: 'PLANNED', plannedArrival: fromNow(3 * DAY_MS), direction: 'OUTBOUND' });
    await ship({ status: 'CANCELLED', plannedArrival: ago(DAY_MS) });

    const { data, errors } = await subgraph.request<{ _entities: Array<{ shippingKpis: unknown }> }>(KPIS, {
      as: testUser(tenantId, ['logistics']),
      variables: { reps: [{ __typename: 'Tenant', id: tenantId }] },
    });
    expect(errors).toBeUndefined();
    expect(data!._entities[0]!.shippingKpis).toEqual({
      onTimeRate: 2 / 3,
      deliveredLast30Days: 3,
      openShipments: 3,
      lateOpenShipments: 1,
    });
  });

  it('rates a tenant without deliveries as fully on time', async () => {
    const { tenantId } = await createTenant();
    const { data } = await subgraph.request<{ _entities: Array<{ shippingKpis: unknown }> }>(KPIS, {
      as: testUser(tenantId, ['logistics']),
      variables: { reps: [{ __typename: 'Tenant', id: tenantId }] },
    });
    expect(data!._entities[0]!.shippingKpis).toEqual({
      onTimeRate: 1,
      deliveredLast30Days: 0,
      openShipments: 0,
      lateOpenShipments: 0,
    });
  });

  it('refuses another tenant’s KPIs', async () => {
    const { errors } = await subgraph.request(KPIS, {
      as: testUser(randomUUID(), ['admin']),
      variables: { reps: [{ __typename: 'Tenant', id: randomUUID() }] },
    });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('shipments', () => {
  it('lists open inbound shipments per SKU by default, others when asked, soonest first', async () => {
    const { tenantId, ship } = await createTenant();
    const [skuA, skuB] = [randomUUID(), randomUUID()];
    const later = await ship({
      status: 'PLANNED',
      plannedArrival: fromNow(4 * DAY_MS),
      skuIds: [skuA, skuB],
    });
    const sooner = await ship({ status: 'IN_TRANSIT', plannedArrival: fromNow(DAY_MS), skuIds: [skuA] });
    const delivered = await ship({
      status: 'DELIVERED',
      plannedArrival: ago(DAY_MS),
      actualArrival: ago(DAY_MS),
      skuIds: [skuA],
    });
    await ship({
      status: 'IN_TRANSIT',
      plannedArrival: fromNow(DAY_MS),
      skuIds: [skuA],
      direction: 'OUTBOUND',
    });

    const { data, errors } = await subgraph.request<{
      _entities: Array<{ open: Array<{ id: string }>; done: Array<{ id: string }> }>;
    }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Sku {
         open: inboundShipments { id } done: inboundShipments(status: [DELIVERED]) { id } } } }`,
      {
        as: testUser(tenantId, ['planner']),
        variables: {
          reps: [
            { __typename: 'Sku', id: skuA },
            { __typename: 'Sku', id: skuB },
          ],
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { open: [{ id: sooner.id }, { id: later.id }], done: [{ id: delivered.id }] },
      { open: [{ id: later.id }], done: [] },
    ]);
  });

  it('shows a shipment with its carrier, lines, places and ETA variance', async () => {
    const { tenantId, carrier, ship } = await createTenant();
    const skuId = randomUUID();
    const planned = fromNow(2 * DAY_MS);
    const shipment = await ship({
      status: 'IN_TRANSIT',
      plannedArrival: planned,
      estimatedArrival: new Date(planned.getTime() + 5.5 * HOUR_MS),
      skuIds: [skuId],
    });

    const { data, errors } = await subgraph.request<{ shipment: Record<string, unknown> }>(
      `query($id: ID!) { shipment(id: $id) { reference status direction etaVarianceHours plannedArrival
         carrier { id scac } origin { id } destination { id } lines { quantity sku { id } } } }`,
      { as: testUser(tenantId, ['logistics']), variables: { id: shipment.id } },
    );
    expect(errors).toBeUndefined();
    expect(data!.shipment).toEqual({
      reference: shipment.reference,
      status: 'IN_TRANSIT',
      direction: 'INBOUND',
      etaVarianceHours: 5.5,
      plannedArrival: planned.toISOString(),
      carrier: { id: carrier.id, scac: 'DHLF' },
      origin: { id: shipment.originLocationId },
      destination: { id: shipment.destinationLocationId },
      lines: [{ quantity: 10, sku: { id: skuId } }],
    });
  });

  it('pages through shipments by status, latest planned arrival first', async () => {
    const { tenantId, ship } = await createTenant();
    for (let day = 1; day <= 3; day++)
      await ship({ status: 'PLANNED', plannedArrival: fromNow(day * DAY_MS) });
    await ship({ status: 'CANCELLED', plannedArrival: fromNow(9 * DAY_MS) });
    const as = testUser(tenantId, ['logistics']);
    const page = (after: string | null) =>
      subgraph.request<{
        shipments: {
          edges: Array<{ node: { reference: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          totalCount: number;
        };
      }>(
        `query($after: String) { shipments(status: [PLANNED], first: 2, after: $after) {
           edges { node { reference } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { as, variables: { after } },
      );

    const first = (await page(null)).data!.shipments;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((edge) => edge.node.reference)).toEqual(['SH-3', 'SH-2']);
    const second = (await page(first.pageInfo.endCursor)).data!.shipments;
    expect(second.edges.map((edge) => edge.node.reference)).toEqual(['SH-1']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('access', () => {
  it('refuses a request without the gateway’s identity assertion', async () => {
    const response = await subgraph.request('{ carriers { id } }', { as: null });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a caller from another tenant nothing of this tenant', async () => {
    const { carrier, ship } = await createTenant();
    const skuId = randomUUID();
    const shipment = await ship({ status: 'PLANNED', plannedArrival: fromNow(DAY_MS), skuIds: [skuId] });
    const stranger = testUser(randomUUID(), ['admin']);
    const { data } = await subgraph.request(
      `query($id: ID!, $reps: [_Any!]!) { shipment(id: $id) { id } shipments { totalCount } carriers { id }
         _entities(representations: $reps) { ... on Shipment { id } ... on Carrier { id } ... on Sku { inboundShipments { id } } } }`,
      {
        as: stranger,
        variables: {
          id: shipment.id,
          reps: [
            { __typename: 'Shipment', id: shipment.id },
            { __typename: 'Carrier', id: carrier.id },
            { __typename: 'Sku', id: skuId },
          ],
        },
      },
    );
    expect(data).toEqual({
      shipment: null,
      shipments: { totalCount: 0 },
      carriers: [],
      _entities: [null, null, { inboundShipments: [] }],
    });
  });
});
