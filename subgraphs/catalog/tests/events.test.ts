import { DOMAIN_EVENT_TYPES, masterRecordPublishedData } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { applyBatchOnce, createBackbone, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogSubgraph } from '../src/subgraph';
import { change, context, createTenant } from './support';

let prisma: PrismaClient;
let subgraph: TestSubgraph;
let backbone: EventBackbone;
let downstream: Subscription;
const CONSUMER = 'test-lead-time-follower';

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-catalog-events', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  // A consumer elsewhere that acts on published master records, as supply's policy recomputation does. In
  // batches: the test database is shared with the import tests, whose 10,000-row events it reads too.
  downstream = await backbone.consumeBatches({
    consumer: CONSUMER,
    types: [DOMAIN_EVENT_TYPES.masterRecordPublished],
    handleBatch: async (events) => {
      await prisma.$transaction(async (tx) => {
        await applyBatchOnce(tx, CONSUMER, events);
      });
    },
  });
  subgraph = await startTestSubgraph(catalogSubgraph, { prisma, backbone });
});

afterAll(async () => {
  await subgraph?.stop();
  await downstream?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

it('publishes a lead-time change as catalog.master_record_published and shows how fast consumers applied it', async () => {
  const tenant = await createTenant(prisma);
  const result = await change(subgraph, tenant.planner, 'updateSupplier', {
    id: tenant.supplier.id,
    input: { leadTimeHours: 90, leadTimeStdDevHours: 12 },
    context: context('Port congestion'),
  });
  expect(result.outcome).toBe('PUBLISHED');

  const [logged] = await prisma.eventLog.findMany({
    where: { type: DOMAIN_EVENT_TYPES.masterRecordPublished, tenantId: tenant.tenantId },
  });
  const published = masterRecordPublishedData.parse((logged!.envelope as { data: unknown }).data);
  expect(published).toMatchObject({
    entityType: 'SUPPLIER',
    entityId: tenant.supplier.id,
    version: 2,
    tag: '1.1.0',
    changes: [
      { field: 'leadTimeHours', before: 72, after: 90 },
      { field: 'leadTimeStdDevHours', before: 0, after: 12 },
    ],
    record: { code: 'SUP-ACME', leadTimeHours: 90, flag: 'NONE' },
  });

  await expect
    .poll(() => prisma.inbox.count({ where: { consumer: CONSUMER, eventId: logged!.id } }), {
      timeout: 10_000,
    })
    .toBe(1);
  const { data } = await subgraph.request<{
    catalogEventPropagation: Array<{
      consumer: string;
      eventType: string;
      applied: number;
      p50Ms: number;
      maxMs: number;
    }>;
  }>('{ catalogEventPropagation { consumer eventType applied pending p50Ms p95Ms maxMs lastAppliedAt } }', {
    as: tenant.analyst,
  });
  const row = data!.catalogEventPropagation.find((entry) => entry.consumer === CONSUMER);
  expect(row).toMatchObject({ eventType: DOMAIN_EVENT_TYPES.masterRecordPublished, applied: 1 });
  expect(row!.p50Ms).toBeGreaterThanOrEqual(0);
  expect(row!.maxMs).toBeLessThan(60_000);
}, 90_000);

it('quarantines a supplier’s sites when its reliability drops to PROBATION and lifts it when it recovers', async () => {
  const tenant = await createTenant(prisma);
  const site = await change(subgraph, tenant.analyst, 'createLocation', {
    input: {
      code: 'SUP-ACME-01',
      name: 'Acme plant',
      type: 'SUPPLIER_SITE',
      region: 'APAC',
      dataResidency: 'US',
    },
    context: context('New site'),
  });
  expect(site.version!.snapshot).toMatchObject({ quarantined: false });
  const siteId = (await prisma.location.findFirstOrThrow({ where: { tenantId: tenant.tenantId } })).id;

  const dropped = await change(subgraph, tenant.analyst, 'updateSupplier', {
    id: tenant.supplier.id,
    input: { reliability: 0.85 },
    context: context('Quarter review'),
  });
  expect(dropped.version!.snapshot).toMatchObject({ reliability: 0.85, flag: 'PROBATION' });
  expect(await prisma.location.findUniqueOrThrow({ where: { id: siteId } })).toMatchObject({
    quarantined: true,
    version: 2,
  });
  await change(subgraph, tenant.analyst, 'updateSupplier', {
    id: tenant.supplier.id,
    input: { reliability: 0.96 },
    context: context('Recovered'),
  });
  expect(await prisma.location.findUniqueOrThrow({ where: { id: siteId } })).toMatchObject({
    quarantined: false,
    quarantineReason: null,
    version: 3,
  });
  const siteEvents = await prisma.eventLog.count({
    where: { type: DOMAIN_EVENT_TYPES.masterRecordPublished, partitionKey: siteId },
  });
  expect(siteEvents).toBe(3);
});
