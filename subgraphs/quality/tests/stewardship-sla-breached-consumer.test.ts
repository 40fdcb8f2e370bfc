import { randomUUID } from 'node:crypto';
import { DOMAIN_EVENT_TYPES, type StewardshipSlaBreachedData } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, createEvent, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStewardshipSlaBreachedConsumer } from '../src/consumers/stewardship-sla-breached';

let prisma: PrismaClient;
let backbone: EventBackbone;
let consumer: Subscription;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-quality-stewardship', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  consumer = await startStewardshipSlaBreachedConsumer({ prisma, backbone, logger });
});

afterAll(async () => {
  await consumer?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

it('raises one STEWARDSHIP_SLA_BREACH exception per breach event, none again for a re-published event', async () => {
  const tenantId = randomUUID();
  const skuId = randomUUID();
  const data: StewardshipSlaBreachedData = {
    tenantId,
    taskId: randomUUID(),
    kind: 'HIGH_IMPACT_ACK',
    title: 'Acknowledge the SKU change request (priceCents)',
    entityType: 'SKU',
    entityId: skuId,
    dueAt: '2026-11-26T09:00:00.000Z',
    breachedAt: '2026-11-26T09:01:00.000Z',
  };
  const event = createEvent({
    source: 'meridian/catalog',
    type: DOMAIN_EVENT_TYPES.stewardshipSlaBreached,
    tenantId,
    partitionKey: skuId,
    data,
  });
  const validationFailure = createEvent({
    source: 'meridian/catalog',
    type: DOMAIN_EVENT_TYPES.stewardshipSlaBreached,
    tenantId,
    partitionKey: tenantId,
    data: {
      ...data,
      taskId: randomUUID(),
      kind: 'VALIDATION_FAILURE',
      entityId: null,
      title: 'Fix 3 import rows',
    },
  });
  await backbone.publish([event, validationFailure]);
  await backbone.publish([{ ...event, id: event.id }]);
  await expect
    .poll(
      () =>
        prisma.inbox.count({
          where: {
            consumer: 'quality-stewardship-sla-breach',
            eventId: { in: [event.id, validationFailure.id] },
          },
        }),
      {
        timeout: 10_000,
      },
    )
    .toBe(2);

  const exceptions = await prisma.exception.findMany({ where: { tenantId }, orderBy: { severity: 'asc' } });
  expect(exceptions.map((exception) => [exception.kind, exception.severity, exception.skuId])).toEqual([
    ['STEWARDSHIP_SLA_BREACH', 'HIGH', skuId],
    ['STEWARDSHIP_SLA_BREACH', 'MEDIUM', null],
  ]);
  expect(exceptions[0]!.title).toContain('Acknowledge the SKU change request');
});
