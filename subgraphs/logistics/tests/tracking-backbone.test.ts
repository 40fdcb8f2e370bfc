import { randomUUID } from 'node:crypto';
import { canonicalTransactionV2 } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, createEvent, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  LOGISTICS_INGEST_CONSUMER,
  startIngestedTransactionsConsumer,
} from '../src/consumers/ingested-transactions';
import { TRANSACTION_RECEIVED } from '../src/services/tracking';

let prisma: PrismaClient;
let backbone: EventBackbone;
let consumer: Subscription;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-logistics-consumer', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  consumer = await startIngestedTransactionsConsumer({ prisma, backbone, logger });
});

afterAll(async () => {
  await consumer?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

it('applies milestones and pings appended to the backbone', async () => {
  const tenantId = randomUUID();
  const carrier = await prisma.carrier.create({ data: { tenantId, code: 'UPS', name: 'UPS', scac: 'UPSN' } });
  const shipment = await prisma.shipment.create({
    data: {
      tenantId,
      reference: 'SHP-BB-1',
      carrierId: carrier.id,
      originLocationId: randomUUID(),
      destinationLocationId: randomUUID(),
      status: 'PLANNED',
      direction: 'OUTBOUND',
      plannedDeparture: new Date('2026-11-27T06:00:00Z'),
      plannedArrival: new Date('2026-11-28T06:00:00Z'),
    },
  });
  const common = {
    version: '2.0.0',
    correlation_id: 'corr-bb',
    source_system: 'carrier-ups',
    timestamp: '2026-11-27T10:00:00Z',
    status: 'active',
    tenant_id: tenantId,
    idempotency_key: 'k',
    lot: null,
    sku_id: null,
    measure: null,
    shipment_id: 'SHP-BB-1',
  };
  const records = [
    canonicalTransactionV2.parse({
      ...common,
      transaction_id: randomUUID(),
      event_type: 'shipment_milestone',
      payload: {
        milestone: 'departed',
        carrier_code: 'UPS',
        location_id: null,
        planned_at: null,
        actual_at: '2026-11-27T06:30:00Z',
      },
    }),
    canonicalTransactionV2.parse({
      ...common,
      transaction_id: randomUUID(),
      event_type: 'tracking_ping',
      payload: {
        kind: 'gps_position',
        device_id: 'T-1',
        latitude: 50.1,
        longitude: 8.7,
        accuracy_m: null,
        speed_kmh: 80,
        heading_deg: 90,
      },
    }),
  ];
  const events = records.map((record) =>
    createEvent({
      source: 'meridian/ingest/carrier-ups',
      type: TRANSACTION_RECEIVED,
      tenantId,
      partitionKey: 'SHP-BB-1',
      correlationId: 'corr-bb',
      data: record,
    }),
  );

  await backbone.publish(events);

  await expect
    .poll(
      () =>
        prisma.inbox.count({
          where: { consumer: LOGISTICS_INGEST_CONSUMER, eventId: { in: events.map((e) => e.id) } },
        }),
      { timeout: 15_000 },
    )
    .toBe(2);
  expect(await prisma.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).toMatchObject({
    status: 'IN_TRANSIT',
    lastLatitude: 50.1,
    lastLongitude: 8.7,
    lastPingAt: new Date('2026-11-27T10:00:00Z'),
  });
  expect(await prisma.shipmentMilestone.count({ where: { shipmentId: shipment.id } })).toBe(1);
});
