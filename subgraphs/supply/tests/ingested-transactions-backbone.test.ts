import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  SUPPLY_INGEST_CONSUMER,
  startIngestedTransactionsConsumer,
} from '../src/consumers/ingested-transactions';
import { canonicalRecord, createCatalog, receivedEvent } from './support';

let prisma: PrismaClient;
let backbone: EventBackbone;
let consumer: Subscription;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-supply-consumer', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  consumer = await startIngestedTransactionsConsumer({ prisma, backbone, logger });
});

afterAll(async () => {
  await consumer?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

it('applies transactions appended to the backbone, and what they change reaches the outbox', async () => {
  const c = await createCatalog(prisma, ['SKUX0001'], [{ code: 'DC-1', type: 'DC' }]);
  const at = { sku: 'SKUX0001', location: 'DC-1' };
  const events = [
    canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 60 }),
    canonicalRecord(c.tenantId, 'inventory_adjustment', { ...at, quantity: -45 }),
    canonicalRecord(c.tenantId, 'receipt', { sku: 'UNKNOWN01', location: 'DC-1', quantity: 1 }),
  ].map((record) => receivedEvent(record));

  await backbone.publish(events);

  await expect
    .poll(
      () =>
        prisma.inbox.count({
          where: { consumer: SUPPLY_INGEST_CONSUMER, eventId: { in: events.map((e) => e.id) } },
        }),
      {
        timeout: 15_000,
      },
    )
    .toBe(3);
  const position = await prisma.inventoryPosition.findFirstOrThrow({ where: { tenantId: c.tenantId } });
  expect(position.onHand).toBe(15);
  expect(await prisma.inventoryMovement.count({ where: { tenantId: c.tenantId } })).toBe(2);
  const unknown = await prisma.inbox.findUniqueOrThrow({
    where: { consumer_eventId: { consumer: SUPPLY_INGEST_CONSUMER, eventId: events[2]!.id } },
  });
  expect(unknown.errorCode).toBe('UNKNOWN_SKU');
  const changed = await prisma.eventLog.findMany({
    where: { tenantId: c.tenantId, type: 'supply.inventory_position_changed' },
  });
  expect(changed.length).toBeGreaterThanOrEqual(1);
  expect((changed.at(-1)!.envelope as { data: { onHand: number } }).data.onHand).toBe(15);
});
