import { randomUUID } from 'node:crypto';
import { DOMAIN_EVENT_TYPES, type InventoryPositionChangedData } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, createEvent, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStockoutRiskConsumer } from '../src/consumers/stockout-risk';

let prisma: PrismaClient;
let backbone: EventBackbone;
let consumer: Subscription;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-quality-consumer', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  consumer = await startStockoutRiskConsumer({ prisma, backbone, logger });
});

afterAll(async () => {
  await consumer?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

function positionChanged(change: Partial<InventoryPositionChangedData>) {
  const data: InventoryPositionChangedData = {
    tenantId: randomUUID(),
    positionId: randomUUID(),
    skuId: randomUUID(),
    locationId: randomUUID(),
    onHand: 4,
    allocated: 0,
    inTransit: 0,
    reorderPoint: 20,
    safetyStock: 10,
    atStockoutRisk: true,
    reason: 'damaged pallet',
    ...change,
  };
  return createEvent({
    source: 'meridian/supply',
    type: DOMAIN_EVENT_TYPES.inventoryPositionChanged,
    tenantId: data.tenantId,
    partitionKey: data.skuId,
    data,
  });
}

async function waitUntilApplied(eventId: string) {
  await expect
    .poll(() => prisma.inbox.count({ where: { consumer: 'quality-stockout-risk', eventId } }), {
      timeout: 10_000,
    })
    .toBe(1);
}

it('raises one STOCKOUT_RISK exception per SKU at risk, none for a healthy position', async () => {
  const tenantId = randomUUID();
  const skuId = randomUUID();
  const first = positionChanged({ tenantId, skuId });
  const second = positionChanged({ tenantId, skuId, onHand: 2 });
  const healthy = positionChanged({ tenantId, onHand: 500, atStockoutRisk: false });
  await backbone.publish([first, second, healthy]);
  await Promise.all([first, second, healthy].map((event) => waitUntilApplied(event.id)));

  const exceptions = await prisma.exception.findMany({ where: { tenantId } });
  expect(exceptions).toHaveLength(1);
  expect(exceptions[0]).toMatchObject({ kind: 'STOCKOUT_RISK', skuId, severity: 'HIGH', status: 'OPEN' });
  expect(exceptions[0]!.detail).toContain('reorder point 20');
});
