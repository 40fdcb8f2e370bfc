import { randomUUID } from 'node:crypto';
import { canonicalTransactionV2 } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { createEvent, type EventEnvelope } from '@meridian/events';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTrackingBatch, LOGISTICS_INGEST_CONSUMER } from '../src/consumers/ingested-transactions';
import { TRANSACTION_RECEIVED } from '../src/services/tracking';
import { logisticsSubgraph } from '../src/subgraph';

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

async function createShipments(references: string[]) {
  const tenantId = randomUUID();
  const carrier = await prisma.carrier.create({ data: { tenantId, code: 'DHL', name: 'DHL', scac: 'DHLF' } });
  const shipments: Record<string, string> = {};
  for (const reference of references) {
    const shipment = await prisma.shipment.create({
      data: {
        tenantId,
        reference,
        carrierId: carrier.id,
        originLocationId: randomUUID(),
        destinationLocationId: randomUUID(),
        status: 'PLANNED',
        direction: 'INBOUND',
        plannedDeparture: new Date('2026-11-26T08:00:00Z'),
        plannedArrival: new Date('2026-11-28T08:00:00Z'),
      },
    });
    shipments[reference] = shipment.id;
  }
  return { tenantId, shipments };
}

const envelope = {
  version: '2.0.0',
  correlation_id: 'corr-track',
  source_system: 'carrier-dhl',
  timestamp: '2026-11-27T10:00:00Z',
  status: 'active',
  idempotency_key: 'k',
  lot: null,
  sku_id: null,
  measure: null,
};

function milestone(
  tenantId: string,
  shipment: string,
  name: string,
  actualAt: string,
  extra: Record<string, unknown> = {},
) {
  return canonicalTransactionV2.parse({
    ...envelope,
    tenant_id: tenantId,
    transaction_id: randomUUID(),
    event_type: 'shipment_milestone',
    shipment_id: shipment,
    payload: {
      milestone: name,
      carrier_code: 'DHL',
      location_id: 'HUB-MUC',
      planned_at: '2026-11-27T08:00:00Z',
      actual_at: actualAt,
    },
    ...extra,
  });
}

function ping(tenantId: string, shipment: string, timestamp: string, latitude: number, longitude: number) {
  return canonicalTransactionV2.parse({
    ...envelope,
    tenant_id: tenantId,
    transaction_id: randomUUID(),
    timestamp,
    event_type: 'tracking_ping',
    shipment_id: shipment,
    payload: {
      kind: 'gps_position',
      device_id: 'GPS-7',
      latitude,
      longitude,
      accuracy_m: 5,
      speed_kmh: null,
      heading_deg: null,
    },
  });
}

function received(record: { tenant_id: string; transaction_id: string; shipment_id: string | null }) {
  return createEvent({
    id: randomUUID(),
    source: 'meridian/ingest/carrier-dhl',
    type: TRANSACTION_RECEIVED,
    tenantId: record.tenant_id,
    partitionKey: record.shipment_id ?? record.transaction_id,
    correlationId: 'corr-track',
    data: record,
  });
}

function outcomesOf(events: EventEnvelope[]) {
  return prisma.inbox
    .findMany({ where: { consumer: LOGISTICS_INGEST_CONSUMER, eventId: { in: events.map((e) => e.id) } } })
    .then((rows) => events.map((event) => rows.find((row) => row.eventId === event.id)?.errorCode));
}

describe('handleTrackingBatch', () => {
  it('records milestones once, moves the shipment along and delivers it at the actual time', async () => {
    const { tenantId, shipments } = await createShipments(['SHP-1', 'SHP-2']);
    const events = [
      milestone(tenantId, 'SHP-1', 'picked_up', '2026-11-27T07:55:00Z'),
      milestone(tenantId, 'SHP-1', 'arrived', '2026-11-27T20:00:00Z'),
      milestone(tenantId, 'SHP-1', 'delivered', '2026-11-28T09:15:00Z'),
      milestone(tenantId, 'SHP-2', 'departed', '2026-11-27T09:00:00Z'),
      milestone(tenantId, 'NO-SUCH-SHIPMENT', 'departed', '2026-11-27T09:00:00Z'),
    ].map(received);

    const first = await handleTrackingBatch(prisma, events, { retryCount: 0 });
    const again = await handleTrackingBatch(prisma, events, { retryCount: 1 });

    expect(first).toEqual({ applied: 5, shipmentsChanged: 2 });
    expect(again).toEqual({ applied: 0, shipmentsChanged: 0 });
    const one = await prisma.shipment.findUniqueOrThrow({
      where: { id: shipments['SHP-1'] },
      include: { milestones: { orderBy: { actualAt: 'asc' } } },
    });
    expect(one.status).toBe('DELIVERED');
    expect(one.actualArrival).toEqual(new Date('2026-11-28T09:15:00Z'));
    expect(one.milestones.map((m) => m.milestone)).toEqual(['picked_up', 'arrived', 'delivered']);
    expect(one.milestones[0]).toMatchObject({
      tenantId,
      carrierCode: 'DHL',
      locationCode: 'HUB-MUC',
      plannedAt: new Date('2026-11-27T08:00:00Z'),
      actualAt: new Date('2026-11-27T07:55:00Z'),
    });
    const two = await prisma.shipment.findUniqueOrThrow({ where: { id: shipments['SHP-2'] } });
    expect(two.status).toBe('IN_TRANSIT');
    expect(await outcomesOf(events)).toEqual([null, null, null, null, 'UNKNOWN_SHIPMENT']);
  });

  it('corrects and cancels a recorded milestone', async () => {
    const { tenantId, shipments } = await createShipments(['SHP-9']);
    const delivered = milestone(tenantId, 'SHP-9', 'delivered', '2026-11-28T09:00:00Z');
    await handleTrackingBatch(prisma, [received(delivered)], { retryCount: 0 });

    const corrected = milestone(tenantId, 'SHP-9', 'delivered', '2026-11-28T11:00:00Z', {
      transaction_id: delivered.transaction_id,
      status: 'corrected',
    });
    await handleTrackingBatch(prisma, [received(corrected)], { retryCount: 0 });
    expect(await prisma.shipment.findUniqueOrThrow({ where: { id: shipments['SHP-9'] } })).toMatchObject({
      status: 'DELIVERED',
      actualArrival: new Date('2026-11-28T11:00:00Z'),
    });

    const cancelled = milestone(tenantId, 'SHP-9', 'delivered', '2026-11-28T11:00:00Z', {
      transaction_id: delivered.transaction_id,
      status: 'cancelled',
    });
    await handleTrackingBatch(prisma, [received(cancelled)], { retryCount: 0 });
    expect(await prisma.shipment.findUniqueOrThrow({ where: { id: shipments['SHP-9'] } })).toMatchObject({
      status: 'IN_TRANSIT',
      actualArrival: null,
    });
    expect(await prisma.shipmentMilestone.count({ where: { tenantId } })).toBe(0);
  });

  it('keeps the newest GPS position of a shipment, whatever order the pings come in', async () => {
    const { tenantId, shipments } = await createShipments(['SHP-P']);
    const events = [
      ping(tenantId, 'SHP-P', '2026-11-27T10:05:00Z', 48.2, 11.7),
      ping(tenantId, 'SHP-P', '2026-11-27T10:00:00Z', 48.1, 11.6),
      ping(tenantId, 'NOPE', '2026-11-27T10:00:00Z', 1, 1),
    ].map(received);
    await handleTrackingBatch(prisma, events, { retryCount: 0 });
    expect(await outcomesOf(events)).toEqual([null, 'STALE_PING', 'UNKNOWN_SHIPMENT']);

    const older = received(ping(tenantId, 'SHP-P', '2026-11-27T09:00:00Z', 40, 10));
    const newer = received(ping(tenantId, 'SHP-P', '2026-11-27T11:00:00Z', 49.5, 12.25));
    await handleTrackingBatch(prisma, [older], { retryCount: 0 });
    expect(await prisma.shipment.findUniqueOrThrow({ where: { id: shipments['SHP-P'] } })).toMatchObject({
      lastLatitude: 48.2,
      lastLongitude: 11.7,
      lastPingAt: new Date('2026-11-27T10:05:00Z'),
    });
    expect(await outcomesOf([older])).toEqual(['STALE_PING']);

    await handleTrackingBatch(prisma, [newer], { retryCount: 0 });
    expect(await prisma.shipment.findUniqueOrThrow({ where: { id: shipments['SHP-P'] } })).toMatchObject({
      lastLatitude: 49.5,
      lastLongitude: 12.25,
      lastPingAt: new Date('2026-11-27T11:00:00Z'),
      status: 'PLANNED',
    });
  });

  it('leaves what is not a milestone or a shipment ping to others', async () => {
    const { tenantId } = await createShipments([]);
    const pingWithoutShipment = received(
      canonicalTransactionV2.parse({
        ...ping(tenantId, 'X', '2026-11-27T10:00:00Z', 1, 1),
        shipment_id: null,
      }),
    );
    await handleTrackingBatch(prisma, [pingWithoutShipment], { retryCount: 0 });
    expect(await outcomesOf([pingWithoutShipment])).toEqual(['NOT_APPLICABLE']);
  });
});

describe('Shipment.milestones and lastPosition', () => {
  it('answers the reported milestones in order with their variance, and the last GPS position', async () => {
    const { tenantId } = await createShipments(['SHP-G', 'SHP-QUIET']);
    await handleTrackingBatch(
      prisma,
      [
        milestone(tenantId, 'SHP-G', 'arrived', '2026-11-27T11:00:00Z'),
        milestone(tenantId, 'SHP-G', 'departed', '2026-11-27T07:30:00Z'),
        ping(tenantId, 'SHP-G', '2026-11-27T10:30:00Z', 47.37, 8.54),
      ].map(received),
      { retryCount: 0 },
    );

    const { data, errors } = await subgraph.request<{
      shipments: {
        edges: Array<{
          node: {
            reference: string;
            status: string;
            milestones: Array<Record<string, unknown>>;
            lastPosition: { latitude: number; longitude: number; at: string } | null;
          };
        }>;
      };
    }>(
      `{ shipments { edges { node { reference status
          milestones { milestone carrierCode locationCode plannedAt actualAt varianceHours recordedAt }
          lastPosition { latitude longitude at } } } } }`,
      { as: testUser(tenantId, ['logistics']) },
    );

    expect(errors).toBeUndefined();
    const byReference = new Map(data!.shipments.edges.map((edge) => [edge.node.reference, edge.node]));
    const tracked = byReference.get('SHP-G')!;
    expect(tracked.status).toBe('IN_TRANSIT');
    expect(tracked.milestones).toEqual([
      expect.objectContaining({
        milestone: 'departed',
        carrierCode: 'DHL',
        locationCode: 'HUB-MUC',
        plannedAt: '2026-11-27T08:00:00.000Z',
        actualAt: '2026-11-27T07:30:00.000Z',
        varianceHours: -0.5,
      }),
      expect.objectContaining({ milestone: 'arrived', varianceHours: 3 }),
    ]);
    expect(tracked.lastPosition).toEqual({
      latitude: 47.37,
      longitude: 8.54,
      at: '2026-11-27T10:30:00.000Z',
    });
    expect(byReference.get('SHP-QUIET')).toMatchObject({ milestones: [], lastPosition: null });
  });
});
