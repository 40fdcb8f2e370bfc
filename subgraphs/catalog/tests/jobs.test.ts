import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DOMAIN_EVENT_TYPES, type PolicyChangeProposedData } from '@meridian/canonical';
import { Prisma, type PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, createEvent, type EventBackbone, type Subscription } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyChangeProposedConsumer } from '../src/consumers/policy-change-proposed';
import { publishDueChangeRequests } from '../src/services/change-requests';
import { runSnapshotRetention } from '../src/services/snapshots';
import { markSlaBreaches } from '../src/services/stewardship';
import { catalogSubgraph } from '../src/subgraph';
import { change, context, createTenant, skuInput } from './support';

let prisma: PrismaClient;
let subgraph: TestSubgraph;
let backbone: EventBackbone;
let consumer: Subscription;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const logger = createLogger('test-catalog-jobs', 'warn');
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger });
  consumer = await startPolicyChangeProposedConsumer({ prisma, backbone, logger });
  subgraph = await startTestSubgraph(catalogSubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await consumer?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

const hours = (n: number) => n * 3_600_000;

describe('stewardship SLA', () => {
  it('marks an unacknowledged high-impact change request breached after 24 h and emits the event once', async () => {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 10),
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const staged = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { priceCents: 2999 },
      context: context('Price rise'),
    });
    const task = await prisma.stewardshipTask.findFirstOrThrow({
      where: { changeRequestId: staged.changeRequest!.id },
    });
    const breachedEvents = () =>
      prisma.eventLog.findMany({
        where: { type: DOMAIN_EVENT_TYPES.stewardshipSlaBreached, tenantId: tenant.tenantId },
      });

    await markSlaBreaches(prisma, new Date(task.dueAt.getTime() - 1000));
    expect(await breachedEvents()).toHaveLength(0);
    await markSlaBreaches(prisma, new Date(task.dueAt.getTime() + 1000));
    await markSlaBreaches(prisma, new Date(task.dueAt.getTime() + hours(5)));
    const events = await breachedEvents();
    expect(events).toHaveLength(1);
    expect((events[0]!.envelope as { data: { taskId: string; kind: string } }).data).toMatchObject({
      taskId: task.id,
      kind: 'HIGH_IMPACT_ACK',
    });
    expect(
      (await prisma.stewardshipTask.findUniqueOrThrow({ where: { id: task.id } })).breachedAt,
    ).not.toBeNull();
  });

  it('does not breach a change request acknowledged in time', async () => {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 11),
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const staged = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { priceCents: 2999 },
      context: context('Price rise'),
    });
    const { data } = await subgraph.request<{
      acknowledgeChangeRequest: { acknowledgedAt: string; slaBreached: boolean };
    }>('mutation($id: ID!) { acknowledgeChangeRequest(id: $id) { acknowledgedAt slaBreached } }', {
      as: tenant.secondAnalyst,
      variables: { id: staged.changeRequest!.id },
    });
    expect(data!.acknowledgeChangeRequest.slaBreached).toBe(false);
    await markSlaBreaches(prisma, new Date(Date.now() + hours(48)));
    const task = await prisma.stewardshipTask.findFirstOrThrow({
      where: { changeRequestId: staged.changeRequest!.id },
    });
    expect(task).toMatchObject({ breachedAt: null, doneById: tenant.secondAnalyst.userId });
  });
});

describe('changes approved for a later effective date', () => {
  const days = (n: number) => n * 86_400_000;

  /** A SKU at version 2 and an approved 25 % price rise that takes effect in three days. */
  async function approvedPriceRise(n: number) {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, n),
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const effectiveAt = new Date(Date.now() + days(3));
    const staged = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { priceCents: 2499 },
      context: context('Price list 2027', { effectiveAt: effectiveAt.toISOString() }),
    });
    const approved = await subgraph.request<{
      approveChangeRequest: { status: string; publishedVersion: number | null };
    }>('mutation($id: ID!) { approveChangeRequest(id: $id) { status publishedVersion } }', {
      as: tenant.secondAnalyst,
      variables: { id: staged.changeRequest!.id },
    });
    expect(approved.data!.approveChangeRequest).toEqual({ status: 'APPROVED', publishedVersion: null });
    return { tenant, sku, effectiveAt, changeRequestId: staged.changeRequest!.id };
  }

  const skuNow = (id: string) => prisma.sku.findUniqueOrThrow({ where: { id } });
  const changeRequest = (id: string) => prisma.changeRequest.findUniqueOrThrow({ where: { id } });

  it('publishes the approved change when its date comes, as approved by its approver, and once', async () => {
    const { tenant, sku, effectiveAt, changeRequestId } = await approvedPriceRise(20);
    expect(await skuNow(sku.id)).toMatchObject({ priceCents: sku.priceCents, version: 1 });

    await publishDueChangeRequests(prisma, new Date(effectiveAt.getTime() - 60_000));
    expect(await skuNow(sku.id)).toMatchObject({ priceCents: sku.priceCents, version: 1 });
    expect((await changeRequest(changeRequestId)).publishedVersion).toBeNull();

    const ran = await publishDueChangeRequests(prisma, effectiveAt);
    expect(ran.published).toBeGreaterThanOrEqual(1);
    expect(await skuNow(sku.id)).toMatchObject({ priceCents: 2499, version: 2 });
    expect(await changeRequest(changeRequestId)).toMatchObject({ status: 'APPROVED', publishedVersion: 2 });
    expect(
      await prisma.masterRecordVersion.findFirstOrThrow({ where: { entityId: sku.id, version: 2 } }),
    ).toMatchObject({
      authorId: tenant.analyst.userId,
      approvedById: tenant.secondAnalyst.userId,
      changeRequestId,
    });
    const published = () =>
      prisma.eventLog.count({
        where: { type: DOMAIN_EVENT_TYPES.masterRecordPublished, partitionKey: sku.id },
      });
    expect(await published()).toBe(2);

    await publishDueChangeRequests(prisma, new Date(effectiveAt.getTime() + days(1)));
    expect(await skuNow(sku.id)).toMatchObject({ version: 2 });
    expect(await published()).toBe(2);
  });

  it('holds an edit within the thresholds until its effective date, telling the owner, then publishes it', async () => {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: { ...skuInput(tenant, 22), dataOwnerId: tenant.planner.userId },
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const effectiveAt = new Date(Date.now() + days(2));
    const scheduled = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { priceCents: 2009 },
      context: context('Price list 2027', { effectiveAt: effectiveAt.toISOString() }),
    });
    expect(scheduled).toMatchObject({
      outcome: 'SCHEDULED',
      version: null,
      changeRequest: { status: 'APPROVED', reasons: [] },
    });
    const changeRequestId = scheduled.changeRequest!.id;
    expect(await skuNow(sku.id)).toMatchObject({ priceCents: 1999, version: 1 });
    expect(await prisma.stewardshipTask.count({ where: { changeRequestId } })).toBe(0);
    expect(
      await prisma.ownerNotification.findMany({
        where: { userId: tenant.planner.userId },
        select: { kind: true },
      }),
    ).toEqual([{ kind: 'PLANNED_CHANGE' }]);

    await publishDueChangeRequests(prisma, effectiveAt);
    expect(await skuNow(sku.id)).toMatchObject({ priceCents: 2009, version: 2 });
    expect(
      await prisma.masterRecordVersion.findFirstOrThrow({ where: { entityId: sku.id, version: 2 } }),
    ).toMatchObject({ authorId: tenant.analyst.userId, approvedById: null, changeRequestId });
  });

  it('lets the requester or a steward withdraw a scheduled change before its date, and nobody else', async () => {
    const { tenant, sku, effectiveAt, changeRequestId } = await approvedPriceRise(23);
    const withdraw = (as: typeof tenant.analyst) =>
      subgraph.request<{ withdrawChangeRequest: { status: string; decisionComment: string } }>(
        'mutation($id: ID!) { withdrawChangeRequest(id: $id) { status decisionComment } }',
        { as, variables: { id: changeRequestId } },
      );
    expect((await withdraw(tenant.planner)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await changeRequest(changeRequestId)).status).toBe('APPROVED');

    const withdrawn = await withdraw(tenant.analyst);
    expect(withdrawn.data!.withdrawChangeRequest.status).toBe('WITHDRAWN');
    expect(withdrawn.data!.withdrawChangeRequest.decisionComment).toMatch(
      /withdrawn before its effective date/,
    );
    await publishDueChangeRequests(prisma, effectiveAt);
    expect(await skuNow(sku.id)).toMatchObject({ priceCents: sku.priceCents, version: 1 });
    expect((await withdraw(tenant.analyst)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('lets a change lapse when the record moved on before its date, and tells the requester', async () => {
    const { tenant, sku, effectiveAt, changeRequestId } = await approvedPriceRise(21);
    const meanwhile = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { name: 'Organic tee, relabelled' },
      context: context('Label'),
    });
    expect(meanwhile.outcome).toBe('PUBLISHED');

    const ran = await publishDueChangeRequests(prisma, effectiveAt);
    expect(ran.lapsed).toBeGreaterThanOrEqual(1);
    expect(await skuNow(sku.id)).toMatchObject({
      priceCents: sku.priceCents,
      name: 'Organic tee, relabelled',
      version: 2,
    });
    const lapsed = await changeRequest(changeRequestId);
    expect(lapsed).toMatchObject({ status: 'LAPSED', publishedVersion: null });
    expect(lapsed.decisionComment).toMatch(/moved from version 1 to 2/);
    const { data } = await subgraph.request<{
      myNotifications: Array<{ kind: string; changeRequestId: string }>;
    }>('{ myNotifications { kind changeRequestId } }', { as: tenant.analyst });
    expect(data!.myNotifications).toEqual([{ kind: 'CHANGE_LAPSED', changeRequestId }]);
  });
});

describe('replenishment policy proposals', () => {
  it('stages supply’s proposal as a REPLENISHMENT_POLICY change request that only a planner may decide', async () => {
    const tenant = await createTenant(prisma);
    const data: PolicyChangeProposedData = {
      tenantId: tenant.tenantId,
      skuId: randomUUID(),
      locationId: randomUUID(),
      before: { reorderPoint: 100, safetyStock: 40, orderQuantity: 240 },
      after: { reorderPoint: 112, safetyStock: 48, orderQuantity: 240 },
      variance: 0.12,
      explanation: 'Demand rose 12 % over the last 8 weeks',
      proposedAt: new Date().toISOString(),
    };
    const event = createEvent({
      source: 'meridian/supply',
      type: DOMAIN_EVENT_TYPES.policyChangeProposed,
      tenantId: tenant.tenantId,
      partitionKey: data.skuId,
      data,
    });
    await backbone.publish([event]);
    await expect
      .poll(() => prisma.changeRequest.count({ where: { id: event.id } }), { timeout: 10_000 })
      .toBe(1);
    const staged = await prisma.changeRequest.findUniqueOrThrow({ where: { id: event.id } });
    expect(staged).toMatchObject({
      entityType: 'REPLENISHMENT_POLICY',
      entityId: data.skuId,
      status: 'PENDING',
      proposed: { skuId: data.skuId, locationId: data.locationId, reorderPoint: 112, safetyStock: 48 },
      changes: [
        { field: 'reorderPoint', before: 100, after: 112 },
        { field: 'safetyStock', before: 40, after: 48 },
      ],
    });

    const approve = (as: typeof tenant.planner) =>
      subgraph.request<{ approveChangeRequest: { status: string } }>(
        'mutation($id: ID!) { approveChangeRequest(id: $id) { status } }',
        { as, variables: { id: event.id } },
      );
    expect((await approve(tenant.analyst)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await approve(tenant.planner)).data!.approveChangeRequest.status).toBe('APPROVED');
    const [decided] = await prisma.eventLog.findMany({
      where: { type: DOMAIN_EVENT_TYPES.changeRequestDecided, tenantId: tenant.tenantId },
    });
    expect((decided!.envelope as { data: unknown }).data).toMatchObject({
      changeRequestId: event.id,
      entityType: 'REPLENISHMENT_POLICY',
      status: 'APPROVED',
      proposed: { reorderPoint: 112 },
    });
  });
});

describe('hot window', () => {
  it('keeps the snapshots of each record’s newest seven versions as it publishes, and rebuilds older ones equal to what they were', async () => {
    const tenant = await createTenant(prisma);
    const created = await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 12),
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const published = [created.version!];
    for (let edit = 1; edit <= 9; edit++) {
      const edited = await change(subgraph, tenant.analyst, 'updateSku', {
        id: sku.id,
        input: {
          name: `Name ${edit}`,
          unitCostCents: 650 + edit,
          uomConversions: edit % 3 ? [] : [{ uom: 'CT', factor: edit }],
        },
        context: context(`Edit ${edit}`),
      });
      published.push(edited.version!);
    }
    const cold = await prisma.masterRecordVersion.findMany({
      where: { entityId: sku.id, snapshot: { equals: Prisma.DbNull } },
      select: { version: true },
      orderBy: { version: 'asc' },
    });
    expect(cold.map((row) => row.version)).toEqual([1, 2, 3]);

    const { data } = await subgraph.request<{
      sku: { history: Array<{ version: number; snapshot: unknown }> };
    }>('query($id: ID!) { sku(id: $id) { history(first: 10) { version snapshot } } }', {
      as: tenant.planner,
      variables: { id: sku.id },
    });
    expect(data!.sku.history).toEqual(
      published.map(({ version, snapshot }) => ({ version, snapshot })).reverse(),
    );
    const v1 = await subgraph.request<{ v1: { snapshot: { name: string } } }>(
      'query($id: ID!) { v1: masterRecordVersion(entityType: SKU, id: $id, version: 1) { snapshot } }',
      { as: tenant.planner, variables: { id: sku.id } },
    );
    expect(v1.data!.v1.snapshot.name).toBe('Test tee 12');
  });
});

describe('snapshots', () => {
  it('takes a daily snapshot (and a weekly one on Mondays) once a day and deletes expired ones', async () => {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 13),
      context: context('New'),
    });
    const monday = new Date('2031-06-02T03:00:00Z');
    await runSnapshotRetention(prisma, monday);
    await runSnapshotRetention(prisma, monday);
    const taken = await prisma.catalogSnapshot.findMany({
      where: { tenantId: tenant.tenantId },
      orderBy: { kind: 'asc' },
    });
    expect(taken.map((snapshot) => [snapshot.kind, snapshot.expiresOn.toISOString().slice(0, 10)])).toEqual([
      ['DAILY', '2031-08-31'],
      ['WEEKLY', '2032-07-02'],
    ]);
    const content = JSON.parse(gunzipSync(taken[0]!.content).toString('utf8'));
    expect(content.skus.map((sku: { code: string }) => sku.code)).toEqual(['TS000013']);
    expect(taken[0]!.recordCount).toBe(2);

    await runSnapshotRetention(prisma, new Date('2031-09-01T00:00:00Z'));
    const kept = await prisma.catalogSnapshot.findMany({
      where: { tenantId: tenant.tenantId, takenOn: new Date('2031-06-02') },
    });
    expect(kept.map((snapshot) => snapshot.kind)).toEqual(['WEEKLY']);
    const { data } = await subgraph.request<{ catalogSnapshots: Array<{ kind: string; takenOn: string }> }>(
      '{ catalogSnapshots { kind takenOn expiresOn sizeBytes recordCount } }',
      { as: tenant.planner },
    );
    expect(data!.catalogSnapshots.map((snapshot) => [snapshot.kind, snapshot.takenOn])).toContainEqual([
      'WEEKLY',
      '2031-06-02',
    ]);
  });
});
