import { randomUUID } from 'node:crypto';
import { canonicalTransactionFixture } from '@meridian/canonical/testing';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { seedCatalog } from '@meridian/ingestion/testing';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestorFor } from '../src/services/ingestion';
import { qualitySubgraph } from '../src/subgraph';

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(qualitySubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const RECORD_FIELDS =
  'id channel transactionId correlationId sourceSystem recordJson status quarantinedAt resolvedAt replayedTransactionId reasons { field code message }';
const SUBMIT = `mutation Submit($records: [String!]!, $key: String!) {
  submitTransactions(recordsJson: $records, idempotencyKey: $key) {
    replayed
    results { index transactionId status issues { field code message } warnings { field code message } }
  }
}`;
const LIST = `query List($status: [QuarantineStatus!], $first: Int, $after: String) {
  quarantinedRecords(status: $status, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${RECORD_FIELDS} } }
  }
}`;
const ONE = `query One($id: ID!) { quarantinedRecord(id: $id) { ${RECORD_FIELDS} } }`;
const CORRECT = `mutation Correct($id: ID!, $json: String!) {
  correctQuarantinedRecord(id: $id, recordJson: $json) {
    record { ${RECORD_FIELDS} }
    issues { field code message }
    warnings { field code message }
  }
}`;
const DISCARD = `mutation Discard($id: ID!, $reason: String!) {
  discardQuarantinedRecord(id: $id, reason: $reason) { ${RECORD_FIELDS} }
}`;
const SET_MODE = 'mutation Mode($mode: IngestValidationMode!) { setIngestValidationMode(mode: $mode) }';
const STATUS = `query Status($minutes: Int) {
  ingestionStatus {
    validationMode
    throughput(minutes: $minutes) { minute accepted duplicates rejected warned }
    rejectsByReason { code field count }
  }
}`;

interface Tenant {
  id: string;
  analyst: ReturnType<typeof testUser>;
  admin: ReturnType<typeof testUser>;
  partner: ReturnType<typeof testUser>;
  record(change?: Record<string, unknown>): Record<string, unknown> & { transaction_id: string };
}

async function newTenant(): Promise<Tenant> {
  const id = randomUUID();
  await seedCatalog(prisma, id, { skus: ['SKU-1'], locations: ['DC-1'] });
  return {
    id,
    analyst: testUser(id, ['analyst']),
    admin: testUser(id, ['admin']),
    partner: testUser(id, ['partner']),
    record: (change = {}) =>
      canonicalTransactionFixture(id, {
        correlation_id: `po-${randomUUID().slice(0, 8)}`,
        source_system: 'partner-portal',
        ...change,
      }),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test assertions read the GraphQL answers freely
type Data = any;

function submit(as: ReturnType<typeof testUser>, records: unknown[], key: string = randomUUID()) {
  return subgraph.request<Data>(SUBMIT, {
    as,
    variables: {
      records: records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))),
      key,
    },
  });
}

/** Quarantines `record` through submitTransactions and answers its quarantined record. */
async function quarantine(tenant: Tenant, record: Record<string, unknown>) {
  const { data, errors } = await submit(tenant.partner, [record]);
  expect(errors).toBeUndefined();
  expect(data.submitTransactions.results[0].status).toBe('rejected');
  return prisma.quarantinedRecord.findFirstOrThrow({
    where: { tenantId: tenant.id, transactionId: record.transaction_id as string },
  });
}

const eventCount = (id: string) => prisma.eventLog.count({ where: { id } });

describe('submitTransactions', () => {
  it('runs the ingest write path: per-record results, quarantine under graphql, one event per accepted record', async () => {
    const tenant = await newTenant();
    const valid = tenant.record();
    const unknownSku = tenant.record({ sku_id: 'GHOST-1' });
    const { data, errors } = await submit(tenant.partner, [valid, unknownSku, '"not a record"']);
    expect(errors).toBeUndefined();
    expect(data.submitTransactions).toEqual({
      replayed: false,
      results: [
        { index: 0, transactionId: valid.transaction_id, status: 'accepted', issues: [], warnings: [] },
        {
          index: 1,
          transactionId: unknownSku.transaction_id,
          status: 'rejected',
          issues: [{ field: 'sku_id', code: 'UNKNOWN_SKU', message: expect.stringContaining('GHOST-1') }],
          warnings: [],
        },
        expect.objectContaining({ index: 2, transactionId: null, status: 'rejected' }),
      ],
    });
    expect(await eventCount(valid.transaction_id)).toBe(1);
    const quarantined = await prisma.quarantinedRecord.findMany({ where: { tenantId: tenant.id } });
    expect(quarantined.map((row) => row.channel)).toEqual(['graphql', 'graphql']);
  });

  it('replays the same key and records, and refuses the same key with other records', async () => {
    const tenant = await newTenant();
    const key = randomUUID();
    const records = [tenant.record(), tenant.record({ sku_id: 'GHOST-2' })];
    const first = await submit(tenant.partner, records, key);
    const again = await submit(tenant.partner, records, key);
    expect(again.data.submitTransactions).toEqual({ ...first.data.submitTransactions, replayed: true });
    expect(await eventCount(records[0]?.transaction_id as string)).toBe(1);
    expect(await prisma.quarantinedRecord.count({ where: { tenantId: tenant.id } })).toBe(1);

    const reused = await submit(tenant.partner, [tenant.record()], key);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('refuses text that is not JSON, naming the record, and bad keys', async () => {
    const tenant = await newTenant();
    const badJson = await submit(tenant.partner, [tenant.record(), '{"transaction_id":']);
    expect(badJson.errors?.[0]).toMatchObject({
      message: expect.stringContaining('recordsJson.1 is not valid JSON'),
      extensions: { code: 'BAD_USER_INPUT', field: 'recordsJson.1' },
    });
    const badKey = await submit(tenant.partner, [tenant.record()], 'has spaces');
    expect(badKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await prisma.eventLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it('is for partners, analysts and admins', async () => {
    const tenant = await newTenant();
    const marketing = await submit(testUser(tenant.id, ['marketing']), [tenant.record()]);
    expect(marketing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const user of [tenant.analyst, tenant.admin]) {
      expect((await submit(user, [tenant.record()])).errors).toBeUndefined();
    }
  });
});

describe('validation mode', () => {
  it('is STRICT until an admin switches it; in FALLBACK a rule breach is accepted with warnings', async () => {
    const tenant = await newTenant();
    const status = await subgraph.request<Data>(STATUS, { as: testUser(tenant.id, ['planner']) });
    expect(status.data.ingestionStatus.validationMode).toBe('STRICT');

    for (const user of [tenant.analyst, tenant.partner]) {
      const refused = await subgraph.request(SET_MODE, { as: user, variables: { mode: 'FALLBACK' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const switched = await subgraph.request<Data>(SET_MODE, {
      as: tenant.admin,
      variables: { mode: 'FALLBACK' },
    });
    expect(switched.data.setIngestValidationMode).toBe('FALLBACK');
    const after = await subgraph.request<Data>(STATUS, { as: tenant.analyst });
    expect(after.data.ingestionStatus.validationMode).toBe('FALLBACK');

    const wrongUnit = tenant.record({ measure: { quantity: 5, uom: 'KGM' } });
    const { data } = await submit(tenant.partner, [wrongUnit]);
    expect(data.submitTransactions.results[0]).toMatchObject({
      status: 'accepted',
      issues: [],
      warnings: [{ field: 'measure.uom', code: 'UOM_MISMATCH' }],
    });

    // Another tenant is not affected.
    const other = await newTenant();
    const strict = await subgraph.request<Data>(STATUS, { as: other.analyst });
    expect(strict.data.ingestionStatus.validationMode).toBe('STRICT');
  });

  it('needs a signed-in user to be read', async () => {
    const anonymous = await subgraph.request(STATUS, { as: { kind: 'anonymous' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('quarantine', () => {
  it('lists the tenant quarantine newest first, by status, page by page, and shows one record', async () => {
    const tenant = await newTenant();
    const older = await quarantine(tenant, tenant.record({ sku_id: 'GHOST-3' }));
    const newer = await quarantine(
      tenant,
      tenant.record({ payload: { location_id: 'DC-9', reason: 'correction', note: null } }),
    );

    const page = await subgraph.request<Data>(LIST, { as: tenant.analyst, variables: { first: 1 } });
    expect(page.data.quarantinedRecords.totalCount).toBe(2);
    expect(page.data.quarantinedRecords.pageInfo.hasNextPage).toBe(true);
    expect(page.data.quarantinedRecords.edges[0].node.id).toBe(newer.id);
    const next = await subgraph.request<Data>(LIST, {
      as: tenant.analyst,
      variables: { first: 1, after: page.data.quarantinedRecords.pageInfo.endCursor },
    });
    expect(next.data.quarantinedRecords.edges.map((edge: Data) => edge.node.id)).toEqual([older.id]);
    const replayedOnly = await subgraph.request<Data>(LIST, {
      as: tenant.analyst,
      variables: { status: ['REPLAYED'] },
    });
    expect(replayedOnly.data.quarantinedRecords.totalCount).toBe(0);

    const one = await subgraph.request<Data>(ONE, {
      as: testUser(tenant.id, ['marketing']),
      variables: { id: newer.id },
    });
    const node = one.data.quarantinedRecord;
    expect(node).toMatchObject({
      channel: 'graphql',
      status: 'QUARANTINED',
      sourceSystem: 'partner-portal',
      resolvedAt: null,
      reasons: [{ field: 'payload.location_id', code: 'UNKNOWN_LOCATION', message: expect.any(String) }],
    });
    expect(JSON.parse(node.recordJson)).toEqual(newer.record);
  });

  it('keeps tenants apart: another tenant neither sees nor touches a record', async () => {
    const tenant = await newTenant();
    const row = await quarantine(tenant, tenant.record({ sku_id: 'GHOST-4' }));
    const stranger = await newTenant();
    const list = await subgraph.request<Data>(LIST, { as: stranger.analyst });
    expect(list.data.quarantinedRecords.totalCount).toBe(0);
    const one = await subgraph.request<Data>(ONE, { as: stranger.analyst, variables: { id: row.id } });
    expect(one.data.quarantinedRecord).toBeNull();
    const correct = await subgraph.request(CORRECT, {
      as: stranger.analyst,
      variables: { id: row.id, json: JSON.stringify(tenant.record()) },
    });
    expect(correct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const discard = await subgraph.request(DISCARD, {
      as: stranger.admin,
      variables: { id: row.id, reason: 'not mine' },
    });
    expect(discard.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await prisma.quarantinedRecord.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
      'QUARANTINED',
    );
  });

  it('corrects and replays a record once, however often the correction is sent', async () => {
    const tenant = await newTenant();
    const broken = tenant.record({ sku_id: 'GHOST-5' });
    const row = await quarantine(tenant, broken);
    const fixed = { ...broken, sku_id: 'SKU-1' };

    const corrected = await subgraph.request<Data>(CORRECT, {
      as: tenant.analyst,
      variables: { id: row.id, json: JSON.stringify(fixed) },
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.correctQuarantinedRecord).toMatchObject({
      record: { id: row.id, status: 'REPLAYED', replayedTransactionId: broken.transaction_id },
      issues: [],
      warnings: [],
    });
    expect(corrected.data.correctQuarantinedRecord.record.resolvedAt).toEqual(expect.any(String));
    const event = await prisma.eventLog.findFirstOrThrow({ where: { id: broken.transaction_id } });
    expect(event.envelope).toMatchObject({ type: 'ingest.transaction_received', data: { sku_id: 'SKU-1' } });

    // The same correction again (spaced differently): the first one's answer, nothing appended twice.
    const again = await subgraph.request<Data>(CORRECT, {
      as: tenant.admin,
      variables: { id: row.id, json: JSON.stringify(fixed, null, 2) },
    });
    expect(again.data.correctQuarantinedRecord.record.status).toBe('REPLAYED');
    expect(await eventCount(broken.transaction_id)).toBe(1);

    // Another record for an already replayed one is refused.
    const other = await subgraph.request(CORRECT, {
      as: tenant.analyst,
      variables: { id: row.id, json: JSON.stringify(tenant.record()) },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await prisma.eventLog.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it('keeps a still-invalid correction in quarantine with its issues, writing nothing', async () => {
    const tenant = await newTenant();
    const broken = tenant.record({ sku_id: 'GHOST-6' });
    const row = await quarantine(tenant, broken);
    const stillBroken = { ...broken, sku_id: 'GHOST-7', measure: { quantity: 'five', uom: 'EA' } };
    const answer = await subgraph.request<Data>(CORRECT, {
      as: tenant.analyst,
      variables: { id: row.id, json: JSON.stringify(stillBroken) },
    });
    expect(answer.data.correctQuarantinedRecord).toMatchObject({
      record: { id: row.id, status: 'QUARANTINED' },
      issues: [expect.objectContaining({ field: 'measure.quantity', code: 'BAD_USER_INPUT' })],
    });
    expect(await prisma.quarantinedRecord.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect(
      await prisma.idempotencyKey.count({
        where: { tenantId: tenant.id, key: { startsWith: 'quarantine-' } },
      }),
    ).toBe(0);

    const badJson = await subgraph.request(CORRECT, {
      as: tenant.analyst,
      variables: { id: row.id, json: '{' },
    });
    expect(badJson.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordJson' });
  });

  it('discards with a reason, once; a discarded record cannot be corrected, a replayed one not discarded', async () => {
    const tenant = await newTenant();
    const row = await quarantine(tenant, tenant.record({ sku_id: 'GHOST-8' }));
    const planner = await subgraph.request(DISCARD, {
      as: testUser(tenant.id, ['planner']),
      variables: { id: row.id, reason: 'test feed' },
    });
    expect(planner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = await subgraph.request(DISCARD, {
      as: tenant.analyst,
      variables: { id: row.id, reason: ' ' },
    });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const discarded = await subgraph.request<Data>(DISCARD, {
      as: tenant.analyst,
      variables: { id: row.id, reason: 'test data from the old feed' },
    });
    expect(discarded.data.discardQuarantinedRecord).toMatchObject({
      status: 'DISCARDED',
      resolvedAt: expect.any(String),
    });
    const again = await subgraph.request<Data>(DISCARD, {
      as: tenant.analyst,
      variables: { id: row.id, reason: 'again' },
    });
    expect(again.data.discardQuarantinedRecord.status).toBe('DISCARDED');
    const events = await prisma.eventLog.findMany({
      where: { tenantId: tenant.id, type: 'quality.quarantined_record_discarded' },
    });
    expect(events.map((event) => (event.envelope as Data).data)).toEqual([
      expect.objectContaining({ quarantinedRecordId: row.id, reason: 'test data from the old feed' }),
    ]);
    const correct = await subgraph.request(CORRECT, {
      as: tenant.analyst,
      variables: { id: row.id, json: JSON.stringify(tenant.record()) },
    });
    expect(correct.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const replayedRow = await quarantine(tenant, tenant.record({ sku_id: 'GHOST-9' }));
    const fixed = { ...(replayedRow.record as object), sku_id: 'SKU-1' };
    await subgraph.request(CORRECT, {
      as: tenant.analyst,
      variables: { id: replayedRow.id, json: JSON.stringify(fixed) },
    });
    const late = await subgraph.request(DISCARD, {
      as: tenant.analyst,
      variables: { id: replayedRow.id, reason: 'too late' },
    });
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('ingestionStatus', () => {
  it('charts the last minutes with zeros, from the counts the write path flushes', async () => {
    const tenant = await newTenant();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await prisma.ingestMinute.create({
      data: {
        tenantId: tenant.id,
        minute: new Date(minute - 120_000),
        accepted: 4,
        duplicates: 1,
        rejected: 2,
        warned: 1,
      },
    });
    await submit(tenant.partner, [tenant.record(), tenant.record({ sku_id: 'GHOST-10' })]);
    await ingestorFor(prisma, createLogger('test', 'silent')).flushCounts();

    const { data } = await subgraph.request<Data>(STATUS, { as: tenant.analyst, variables: { minutes: 3 } });
    const series = data.ingestionStatus.throughput;
    expect(series.map((entry: Data) => entry.minute)).toEqual(
      [minute - 120_000, minute - 60_000, minute].map((time) => new Date(time).toISOString()),
    );
    expect(series[0]).toMatchObject({ accepted: 4, duplicates: 1, rejected: 2, warned: 1 });
    expect(series[1]).toMatchObject({ accepted: 0, duplicates: 0, rejected: 0, warned: 0 });
    // The submission may straddle a minute boundary: count over the window.
    const accepted = series.reduce((sum: number, entry: Data) => sum + entry.accepted, 0);
    expect(accepted).toBe(5);

    const tooMany = await subgraph.request(STATUS, { as: tenant.analyst, variables: { minutes: 5000 } });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
  });

  it('groups the open quarantine by reason', async () => {
    const tenant = await newTenant();
    await quarantine(tenant, tenant.record({ sku_id: 'GHOST-11' }));
    await quarantine(tenant, tenant.record({ sku_id: 'GHOST-12', timestamp: '2099-01-01T00:00:00Z' }));
    const closed = await quarantine(tenant, tenant.record({ sku_id: 'GHOST-13' }));
    await subgraph.request(DISCARD, {
      as: tenant.analyst,
      variables: { id: closed.id, reason: 'not needed' },
    });

    const { data } = await subgraph.request<Data>(STATUS, { as: tenant.analyst });
    expect(data.ingestionStatus.rejectsByReason).toEqual([
      { code: 'UNKNOWN_SKU', field: 'sku_id', count: 2 },
      { code: 'TIMESTAMP_IN_FUTURE', field: 'timestamp', count: 1 },
    ]);
  });
});
