import { randomUUID } from 'node:crypto';
import { DOMAIN_EVENT_TYPES, type ForecastDriftDetectedData } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, createEvent, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startForecastDriftConsumer } from '../src/consumers/forecast-drift';

let prisma: PrismaClient;
let backbone: EventBackbone;
let consumer: Subscription;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-quality-forecast-drift', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  consumer = await startForecastDriftConsumer({ prisma, backbone, logger });
});

afterAll(async () => {
  await consumer?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

it('raises one FORECAST_DRIFT exception per drift event, none again for a re-published event', async () => {
  const tenantId = randomUUID();
  const skuId = randomUUID();
  const data: ForecastDriftDetectedData = {
    tenantId,
    skuId,
    locationId: randomUUID(),
    wape: 0.31,
    baselineWape: 0.12,
    detectedAt: '2026-11-27T06:00:00.000Z',
  };
  const event = createEvent({
    source: 'meridian/supply',
    type: DOMAIN_EVENT_TYPES.forecastDriftDetected,
    tenantId,
    partitionKey: skuId,
    data,
  });
  await backbone.publish([event]);
  await backbone.publish([{ ...event, id: event.id }]);
  await expect
    .poll(() => prisma.inbox.count({ where: { consumer: 'quality-forecast-drift', eventId: event.id } }), {
      timeout: 10_000,
    })
    .toBe(1);

  const exceptions = await prisma.exception.findMany({ where: { tenantId } });
  expect(exceptions).toHaveLength(1);
  expect(exceptions[0]).toMatchObject({ kind: 'FORECAST_DRIFT', severity: 'MEDIUM', skuId });
  expect(exceptions[0]?.title).toBe('Forecast drift: error 31 % against 12 % expected');
  const raised = await prisma.eventLog.count({ where: { tenantId, type: 'quality.exception_raised' } });
  expect(raised).toBe(1);
});
