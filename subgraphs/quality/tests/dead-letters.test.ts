import { randomUUID } from 'node:crypto';
import { canonicalTransactionFixture } from '@meridian/canonical/testing';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createBackbone, type EventBackbone } from '@meridian/events';
import { seedCatalog } from '@meridian/ingestion/testing';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualitySubgraph } from '../src/subgraph';

let prisma: PrismaClient;
let backbone: EventBackbone;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  backbone = await createBackbone({ databaseUrl: testDatabaseUrl(), logger: createLogger('test', 'silent') });
  subgraph = await startTestSubgraph(qualitySubgraph, { prisma, backbone });
});

afterAll(async () => {
  await subgraph?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
});

// biome-ignore lint/suspicious/noExplicitAny: test assertions read the GraphQL answers freely
type Data = any;

const LETTER =
  'id consumer eventId eventType correlationId attempts errorCode lastError deadAt replayedAt payloadJson';

/**
 * A tenant with one ingested transaction that a consumer applied and another gave up on: the event comes
 * in through submitTransactions; the inbox row and the dead letter are written as the backbone writes them.
 */
async function tenantWithDeadLetter() {
  const tenantId = randomUUID();
  await seedCatalog(prisma, tenantId, { skus: ['SKU-1'], locations: ['DC-1'] });
  const correlationId = `po-${randomUUID()}`;
  const transactionId = randomUUID();
  const record = canonicalTransactionFixture(tenantId, {
    transaction_id: transactionId,
    correlation_id: correlationId,
  });
  const submitted = await subgraph.request(
    'mutation($r: [String!]!, $k: String!) { submitTransactions(recordsJson: $r, idempotencyKey: $k) { replayed } }',
    { as: testUser(tenantId, ['partner']), variables: { r: [JSON.stringify(record)], k: randomUUID() } },
  );
  expect(submitted.errors).toBeUndefined();
  const event = await prisma.eventLog.findFirstOrThrow({ where: { id: transactionId, tenantId } });
  const consumer = `test-ledger-${randomUUID().slice(0, 8)}`;
  const applier = `test-applier-${randomUUID().slice(0, 8)}`;
  await prisma.inbox.create({ data: { consumer: applier, eventId: transactionId, processingLatencyMs: 12 } });
  const letter = await prisma.deadLetter.create({
    data: {
      consumer,
      eventId: transactionId,
      tenantId,
      errorCode: 'BAD_USER_INPUT',
      eventSeq: event.seq,
      envelope: event.envelope as object,
      attempts: 5,
      lastError: 'SKU-1 has no stock row',
    },
  });
  return { tenantId, correlationId, transactionId, consumer, applier, letterId: String(letter.id) };
}

describe('dead letters', () => {
  it('lists and shows the tenant dead letters only', async () => {
    const mine = await tenantWithDeadLetter();
    const theirs = await tenantWithDeadLetter();
    const analyst = testUser(mine.tenantId, ['analyst']);
    const { data } = await subgraph.request<Data>(`{ deadLetters(first: 10) { ${LETTER} } }`, {
      as: analyst,
    });
    expect(data.deadLetters).toEqual([
      {
        id: mine.letterId,
        consumer: mine.consumer,
        eventId: mine.transactionId,
        eventType: 'ingest.transaction_received',
        correlationId: mine.correlationId,
        attempts: 5,
        errorCode: 'BAD_USER_INPUT',
        lastError: 'SKU-1 has no stock row',
        deadAt: expect.any(String),
        replayedAt: null,
        payloadJson: expect.stringContaining(`"transaction_id":"${mine.transactionId}"`),
      },
    ]);
    const one = `query($id: ID!) { deadLetter(id: $id) { id } }`;
    expect(
      (await subgraph.request<Data>(one, { as: analyst, variables: { id: mine.letterId } })).data.deadLetter,
    ).toEqual({
      id: mine.letterId,
    });
    expect(
      (await subgraph.request<Data>(one, { as: analyst, variables: { id: theirs.letterId } })).data
        .deadLetter,
    ).toBeNull();
  });

  it('replays a dead letter for analysts and admins, once', async () => {
    const { tenantId, letterId, consumer } = await tenantWithDeadLetter();
    const replay = `mutation($id: ID!) { replayDeadLetter(id: $id) { id replayedAt } }`;
    const planner = await subgraph.request(replay, {
      as: testUser(tenantId, ['planner']),
      variables: { id: letterId },
    });
    expect(planner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await subgraph.request(replay, {
      as: testUser(randomUUID(), ['admin']),
      variables: { id: letterId },
    });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const status = `{ ingestionStatus { consumers { consumer deadLetters } } }`;
    const analyst = testUser(tenantId, ['analyst']);
    const before = await subgraph.request<Data>(status, { as: analyst });
    expect(before.data.ingestionStatus.consumers).toContainEqual({ consumer, deadLetters: 1 });

    const replayed = await subgraph.request<Data>(replay, { as: analyst, variables: { id: letterId } });
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data.replayDeadLetter).toEqual({ id: letterId, replayedAt: expect.any(String) });
    const delivery = await prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS "count" FROM "backbone"."Delivery" WHERE "consumer" = $1`,
      consumer,
    );
    expect(delivery[0]?.count).toBe(1);
    const twice = await subgraph.request(replay, { as: analyst, variables: { id: letterId } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const after = await subgraph.request<Data>(status, { as: analyst });
    expect(after.data.ingestionStatus.consumers).not.toContainEqual({ consumer, deadLetters: 1 });
  });
});

describe('eventTrail', () => {
  it('shows every event of a correlation id with who applied it and who gave up, for its tenant only', async () => {
    const { tenantId, correlationId, transactionId, consumer, applier } = await tenantWithDeadLetter();
    const trail = `query($c: String!) {
      eventTrail(correlationId: $c) {
        eventId type source sequence appendedAt
        processing { consumer appliedAt processingLatencyMs retryCount errorCode }
        deadLetters { consumer errorCode }
      }
    }`;
    const { data } = await subgraph.request<Data>(trail, {
      as: testUser(tenantId, ['planner']),
      variables: { c: correlationId },
    });
    expect(data.eventTrail).toEqual([
      {
        eventId: transactionId,
        type: 'ingest.transaction_received',
        source: 'meridian/ingest/erp',
        sequence: expect.stringMatching(/^\d+$/),
        appendedAt: expect.any(String),
        processing: [
          {
            consumer: applier,
            appliedAt: expect.any(String),
            processingLatencyMs: 12,
            retryCount: 0,
            errorCode: null,
          },
        ],
        deadLetters: [{ consumer, errorCode: 'BAD_USER_INPUT' }],
      },
    ]);
    const stranger = await subgraph.request<Data>(trail, {
      as: testUser(randomUUID(), ['admin']),
      variables: { c: correlationId },
    });
    expect(stranger.data.eventTrail).toEqual([]);
    const bad = await subgraph.request(trail, {
      as: testUser(tenantId, ['admin']),
      variables: { c: 'has space' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correlationId' });
  });
});

describe('event log retention', () => {
  const RETENTION =
    'query { ingestionStatus { eventRetention { days isDefault minDays maxDays updatedAt } } }';
  const SET = 'mutation($d: Int!) { setEventRetention(days: $d) { days isDefault updatedAt } }';

  it('is the platform default until an admin of the tenant sets it, within bounds', async () => {
    const tenantId = randomUUID();
    const before = await subgraph.request<Data>(RETENTION, { as: testUser(tenantId, ['planner']) });
    expect(before.data.ingestionStatus.eventRetention).toEqual({
      days: 30,
      isDefault: true,
      minDays: 7,
      maxDays: 3650,
      updatedAt: null,
    });

    const refused = await subgraph.request(SET, {
      as: testUser(tenantId, ['analyst']),
      variables: { d: 90 },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outOfBounds = await subgraph.request(SET, {
      as: testUser(tenantId, ['admin']),
      variables: { d: 3 },
    });
    expect(outOfBounds.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });

    const set = await subgraph.request<Data>(SET, {
      as: testUser(tenantId, ['admin']),
      variables: { d: 365 },
    });
    expect(set.data.setEventRetention).toMatchObject({
      days: 365,
      isDefault: false,
      updatedAt: expect.any(String),
    });
    const after = await subgraph.request<Data>(RETENTION, { as: testUser(tenantId, ['planner']) });
    expect(after.data.ingestionStatus.eventRetention).toMatchObject({ days: 365, isDefault: false });
    // Another tenant keeps its own.
    const other = await subgraph.request<Data>(RETENTION, { as: testUser(randomUUID(), ['planner']) });
    expect(other.data.ingestionStatus.eventRetention).toMatchObject({ days: 30, isDefault: true });
  });
});
