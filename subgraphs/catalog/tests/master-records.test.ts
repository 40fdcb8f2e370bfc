import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../src/subgraph';
import { CHANGE_FIELDS, change, context, createTenant, skuInput, VERSION_FIELDS } from './support';

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(catalogSubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const publishedEvents = (entityId: string) =>
  prisma.eventLog.findMany({
    where: { type: 'catalog.master_record_published', partitionKey: entityId },
    orderBy: { seq: 'asc' },
  });

describe('edits and versions', () => {
  it('publishes a new SKU as 1.0.0 and an edit as a new version tagged by what changed, with an event each', async () => {
    const tenant = await createTenant(prisma);
    const created = await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 1),
      context: context('New tee'),
    });
    expect(created).toMatchObject({ outcome: 'PUBLISHED', version: { version: 1, tag: '1.0.0' } });
    const skuId = (await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } })).id;

    const renamed = await change(subgraph, tenant.analyst, 'updateSku', {
      id: skuId,
      input: { name: 'Test tee, organic' },
      context: context('Marketing name'),
    });
    expect(renamed.version).toMatchObject({ version: 2, tag: '1.0.1' });
    const costed = await change(subgraph, tenant.analyst, 'updateSku', {
      id: skuId,
      input: { unitCostCents: 700, packSize: 6 },
      context: context('New cost'),
    });
    expect(costed.version).toMatchObject({ version: 3, tag: '1.1.0' });
    const recoded = await change(subgraph, tenant.analyst, 'updateSku', {
      id: skuId,
      input: { baseUom: 'PR', uomConversions: [] },
      context: context('Sold in pairs'),
    });
    expect(recoded.version).toMatchObject({ version: 4, tag: '2.0.0' });
    const unchanged = await change(subgraph, tenant.analyst, 'updateSku', {
      id: skuId,
      input: { name: 'Test tee, organic' },
      context: context('Same again'),
    });
    expect(unchanged).toEqual({ outcome: 'UNCHANGED', version: null, changeRequest: null });

    const { data } = await subgraph.request<{
      sku: {
        version: number;
        versionTag: string;
        history: Array<{ version: number; authorId: string; ticketId: string; changes: unknown[] }>;
      };
    }>(`query($id: ID!) { sku(id: $id) { version versionTag history { ${VERSION_FIELDS} } } }`, {
      as: tenant.planner,
      variables: { id: skuId },
    });
    expect(data!.sku).toMatchObject({ version: 4, versionTag: '2.0.0' });
    expect(data!.sku.history.map((version) => version.version)).toEqual([4, 3, 2, 1]);
    expect(data!.sku.history[2]).toMatchObject({
      authorId: tenant.analyst.userId,
      author: { id: tenant.analyst.userId },
      ticketId: 'MD-1',
      changes: [{ field: 'name', before: 'Test tee 1', after: 'Test tee, organic' }],
    });
    const events = await publishedEvents(skuId);
    expect(events.map((event) => (event.envelope as { data: { version: number } }).data.version)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('refuses an edit that breaks a rule or clears a required field, naming the field', async () => {
    const tenant = await createTenant(prisma);
    const refusal = async (input: Record<string, unknown>) => {
      const { errors } = await subgraph.request(
        `mutation($input: SkuInput!, $context: ChangeContext!) { createSku(input: $input, context: $context) { outcome } }`,
        { as: tenant.analyst, variables: { input, context: context('Try') } },
      );
      return errors?.[0]?.extensions;
    };
    const valid = skuInput(tenant, 2);
    expect(await refusal({ ...valid, gtin: '4006381333932' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'gtin',
    });
    expect(await refusal({ ...valid, code: 'short' })).toMatchObject({ field: 'code' });
    expect(await refusal({ ...valid, lengthMm: 20_000 })).toMatchObject({ field: 'lengthMm' });
    expect(await refusal({ ...valid, baseUom: 'XYZ' })).toMatchObject({ field: 'baseUom' });
    expect(await refusal({ ...valid, name: null })).toMatchObject({ field: 'name' });
    expect(await refusal({ ...valid, uomConversions: [{ uom: 'EA', factor: 2 }] })).toMatchObject({
      field: 'uomConversions.0.uom',
    });
    expect(await refusal({ ...valid, familyId: tenant.supplier.id })).toMatchObject({ field: 'familyId' });
    const marketing = await subgraph.request(
      `mutation($input: SkuInput!, $context: ChangeContext!) { createSku(input: $input, context: $context) { outcome } }`,
      {
        as: { ...tenant.planner, roles: ['marketing'] },
        variables: { input: valid, context: context('Try') },
      },
    );
    expect(marketing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma.sku.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});

describe('approvals', () => {
  it('turns a price change above 1 % into a change request that only another steward may approve, then publishes it', async () => {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 3),
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });

    const withinThreshold = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { priceCents: 2015 },
      context: context('Rounding'),
    });
    expect(withinThreshold.outcome).toBe('PUBLISHED');
    const staged = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { priceCents: 2499, lengthMm: 310 },
      context: context('Price rise'),
    });
    expect(staged.outcome).toBe('PENDING_APPROVAL');
    expect(staged.changeRequest!.reasons.map((reason) => reason.rule).sort()).toEqual([
      'DIMENSION_VARIANCE',
      'PRICE_CHANGE',
    ]);
    expect(await prisma.sku.findUniqueOrThrow({ where: { id: sku.id } })).toMatchObject({
      priceCents: 2015,
      version: 2,
    });
    expect(
      await prisma.stewardshipTask.findMany({ where: { changeRequestId: staged.changeRequest!.id } }),
    ).toMatchObject([{ kind: 'HIGH_IMPACT_ACK', doneAt: null }]);

    const approve = (as: typeof tenant.analyst) =>
      subgraph.request<{ approveChangeRequest: { status: string; publishedVersion: number } }>(
        'mutation($id: ID!) { approveChangeRequest(id: $id, comment: "ok") { status publishedVersion } }',
        { as, variables: { id: staged.changeRequest!.id } },
      );
    const own = await approve(tenant.analyst);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const planner = await approve(tenant.planner);
    expect(planner.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const approved = await approve(tenant.secondAnalyst);
    expect(approved.data!.approveChangeRequest).toEqual({ status: 'APPROVED', publishedVersion: 3 });
    expect(await prisma.sku.findUniqueOrThrow({ where: { id: sku.id } })).toMatchObject({
      priceCents: 2499,
      lengthMm: 310,
      version: 3,
      versionTag: '1.2.0',
    });
    const version = await prisma.masterRecordVersion.findFirstOrThrow({
      where: { entityId: sku.id, version: 3 },
    });
    expect(version).toMatchObject({
      authorId: tenant.analyst.userId,
      approvedById: tenant.secondAnalyst.userId,
      changeRequestId: staged.changeRequest!.id,
    });
    const decided = await prisma.eventLog.findMany({
      where: { type: 'catalog.change_request_decided', partitionKey: sku.id },
    });
    expect(decided).toHaveLength(1);
    expect((await publishedEvents(sku.id)).length).toBe(3);
    expect(
      await prisma.stewardshipTask.count({
        where: { changeRequestId: staged.changeRequest!.id, doneAt: null },
      }),
    ).toBe(0);

    const again = await approve(tenant.secondAnalyst);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('notifies the owner of a planned change and rejects with an event, leaving the record as it was', async () => {
    const tenant = await createTenant(prisma);
    const input = { ...skuInput(tenant, 4), dataOwnerId: tenant.planner.userId };
    await change(subgraph, tenant.analyst, 'createSku', { input, context: context('New') });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const effectiveAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const staged = await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { weightGrams: 250 },
      context: context('Heavier fabric', { effectiveAt }),
    });
    const { data } = await subgraph.request<{
      myNotifications: Array<{ kind: string; changeRequestId: string }>;
    }>('{ myNotifications { kind changeRequestId } }', { as: tenant.planner });
    expect(data!.myNotifications).toEqual([
      { kind: 'PLANNED_CHANGE', changeRequestId: staged.changeRequest!.id },
    ]);

    const rejected = await subgraph.request<{ rejectChangeRequest: { status: string } }>(
      'mutation($id: ID!) { rejectChangeRequest(id: $id, comment: "Not measured yet") { status } }',
      { as: tenant.secondAnalyst, variables: { id: staged.changeRequest!.id } },
    );
    expect(rejected.data!.rejectChangeRequest.status).toBe('REJECTED');
    expect((await prisma.sku.findUniqueOrThrow({ where: { id: sku.id } })).weightGrams).toBe(180);
    const [decided] = await prisma.eventLog.findMany({
      where: { type: 'catalog.change_request_decided', partitionKey: sku.id },
    });
    expect((decided!.envelope as { data: { status: string } }).data.status).toBe('REJECTED');
  });

  it('lets a planner change a supplier lead time, over 24 h only through a change request', async () => {
    const tenant = await createTenant(prisma);
    const small = await change(subgraph, tenant.planner, 'updateSupplier', {
      id: tenant.supplier.id,
      input: { leadTimeHours: 90 },
      context: context('Port congestion'),
    });
    expect(small.outcome).toBe('PUBLISHED');
    const large = await change(subgraph, tenant.planner, 'updateSupplier', {
      id: tenant.supplier.id,
      input: { leadTimeHours: 120 },
      context: context('New route'),
    });
    expect(large.changeRequest!.reasons).toEqual([
      { rule: 'LEAD_TIME_CHANGE', field: 'leadTimeHours', variance: 30, threshold: 24 },
    ]);
    const rename = await subgraph.request(
      `mutation($id: ID!) { updateSupplier(id: $id, input: { name: "Acme Ltd" }, context: { comment: "rename" }) { outcome } }`,
      { as: tenant.planner, variables: { id: tenant.supplier.id } },
    );
    expect(rename.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('rollback, diff and point-in-time reads', () => {
  it('rolls back to an earlier version as a new version restoring every field, and reads as of a date', async () => {
    const tenant = await createTenant(prisma);
    await change(subgraph, tenant.analyst, 'createSku', {
      input: skuInput(tenant, 5),
      context: context('New'),
    });
    const sku = await prisma.sku.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    const afterCreate = new Date();
    await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: {
        name: 'Renamed',
        unitCostCents: 900,
        minOrderQty: 48,
        uomConversions: [{ uom: 'PL', factor: 960 }],
      },
      context: context('Many things'),
    });
    await change(subgraph, tenant.analyst, 'updateSku', {
      id: sku.id,
      input: { code: 'TSX00005', dataOwnerId: null },
      context: context('Recode'),
    });

    const rolled = await subgraph.request<{
      rollbackMasterRecord: {
        outcome: string;
        version: { version: number; tag: string; restoredVersion: number; snapshot: Record<string, unknown> };
      };
    }>(
      `mutation($id: ID!) { rollbackMasterRecord(entityType: SKU, id: $id, toVersion: 1, context: { comment: "Back to the original" }) { ${CHANGE_FIELDS} } }`,
      { as: tenant.secondAnalyst, variables: { id: sku.id } },
    );
    expect(rolled.errors).toBeUndefined();
    expect(rolled.data!.rollbackMasterRecord.version).toMatchObject({
      version: 4,
      tag: '4.0.0',
      restoredVersion: 1,
    });
    const { data } = await subgraph.request<{
      v1: { snapshot: Record<string, unknown> };
      v4: { snapshot: Record<string, unknown> };
      asOf: { version: number };
      before: null;
      diff: { changes: Array<{ field: string }> };
    }>(
      `query($id: ID!, $at: DateTime!, $early: DateTime!) {
         v1: masterRecordVersion(entityType: SKU, id: $id, version: 1) { snapshot }
         v4: masterRecordVersion(entityType: SKU, id: $id, version: 4) { snapshot }
         asOf: masterRecordAsOf(entityType: SKU, id: $id, at: $at) { version }
         before: masterRecordAsOf(entityType: SKU, id: $id, at: $early) { version }
         diff: masterRecordDiff(entityType: SKU, id: $id, fromVersion: 1, toVersion: 3) { changes { field } } }`,
      {
        as: tenant.planner,
        variables: { id: sku.id, at: afterCreate.toISOString(), early: '2020-01-01T00:00:00Z' },
      },
    );
    expect(data!.v4.snapshot).toEqual(data!.v1.snapshot);
    expect(data!.asOf.version).toBe(1);
    expect(data!.before).toBeNull();
    expect(data!.diff.changes.map((c) => c.field)).toEqual([
      'code',
      'name',
      'uomConversions',
      'unitCostCents',
      'minOrderQty',
      'dataOwnerId',
    ]);
    const row = await prisma.sku.findUniqueOrThrow({ where: { id: sku.id } });
    expect({ ...row, id: undefined }).toMatchObject({
      ...skuInput(tenant, 5),
      version: 4,
      versionTag: '4.0.0',
    });
  });
});
