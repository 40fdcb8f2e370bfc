import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@meridian/db';
import { createScratchDatabase, type ScratchDatabase } from '@meridian/db/testing';
import { createBackbone, type EventBackbone } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIngestedTransactions } from '../src/services/ingested-transactions';
import { LIVE_SCHEMA } from '../src/store/ledger';
import { supplySubgraph } from '../src/subgraph';
import { canonicalRecord, createCatalog, receivedEvent } from './support';

// A database of its own: the consumer that another test file runs must not apply these events live.
let database: ScratchDatabase;
let prisma: PrismaClient;
let backbone: EventBackbone;
let subgraph: TestSubgraph;

beforeAll(async () => {
  database = await createScratchDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 4 });
  backbone = await createBackbone({
    databaseUrl: database.url,
    logger: createLogger('test-sandbox', 'warn'),
  });
  subgraph = await startTestSubgraph(supplySubgraph, { prisma, backbone });
});

afterAll(async () => {
  await subgraph?.stop();
  await backbone?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

const REPLAY = `mutation($correlationId: String!) { replayCorrelationInSandbox(correlationId: $correlationId) {
  sandbox eventsReplayed positions { skuId locationId onHandBefore onHandAfter } } }`;

interface Replay {
  sandbox: string;
  eventsReplayed: number;
  positions: Array<{ skuId: string; locationId: string; onHandBefore: number; onHandAfter: number }>;
}

/** Everything of the tenant the replay could touch, as it is stored live. */
async function liveState(tenantId: string) {
  const [positions, movements, demand, promotions, outbox, inbox] = await Promise.all([
    prisma.inventoryPosition.findMany({ where: { tenantId }, orderBy: { id: 'asc' } }),
    prisma.inventoryMovement.findMany({ where: { tenantId }, orderBy: { id: 'asc' } }),
    prisma.dailyDemand.findMany({ where: { tenantId }, orderBy: { skuId: 'asc' } }),
    prisma.promotion.findMany({ where: { tenantId }, orderBy: { id: 'asc' } }),
    prisma.eventLog.count({ where: { tenantId } }),
    prisma.inbox.count(),
  ]);
  return { positions, movements, demand, promotions, outbox, inbox };
}

describe('replayCorrelationInSandbox', () => {
  it('replays a correlation’s transactions in a sandbox copy and leaves live data as it was', async () => {
    const c = await createCatalog(
      prisma,
      ['SKUS0001', 'SKUS0002'],
      [
        { code: 'DC-1', type: 'DC' },
        { code: 'STORE-1', type: 'STORE' },
      ],
    );
    const skuA = c.skus.SKUS0001!;
    const dc = c.locations['DC-1']!;
    // Live: 10 on hand of A at the DC, booked by a transaction that is part of the replayed correlation.
    const alreadyApplied = canonicalRecord(c.tenantId, 'receipt', {
      sku: 'SKUS0001',
      location: 'DC-1',
      quantity: 10,
      correlationId: 'corr-sbx',
    });
    await prisma.$transaction((tx) =>
      applyIngestedTransactions(tx, LIVE_SCHEMA, [receivedEvent(alreadyApplied)]),
    );
    const replayed = [
      alreadyApplied,
      canonicalRecord(c.tenantId, 'receipt', {
        sku: 'SKUS0001',
        location: 'DC-1',
        quantity: 5,
        correlationId: 'corr-sbx',
      }),
      canonicalRecord(c.tenantId, 'cycle_count', {
        sku: 'SKUS0002',
        location: 'STORE-1',
        quantity: 7,
        correlationId: 'corr-sbx',
      }),
      canonicalRecord(c.tenantId, 'order', { sku: 'SKUS0001', quantity: 4, correlationId: 'corr-sbx' }),
      canonicalRecord(c.tenantId, 'promotion', { sku: 'SKUS0002', correlationId: 'corr-sbx' }),
    ];
    const other = canonicalRecord(c.tenantId, 'receipt', {
      sku: 'SKUS0001',
      location: 'DC-1',
      quantity: 99,
      correlationId: 'corr-other',
    });
    await backbone.publish([...replayed, other].map((record) => receivedEvent(record)));
    const old = `sandbox_old${randomUUID().slice(0, 8)}`;
    const recent = `sandbox_new${randomUUID().slice(0, 8)}`;
    for (const [name, createdAt] of [
      [old, new Date(Date.now() - 2 * 86_400_000)],
      [recent, new Date(Date.now() - 3_600_000)],
    ] as const) {
      await prisma.$executeRawUnsafe(`CREATE SCHEMA "${name}"`);
      await prisma.$executeRawUnsafe(
        `COMMENT ON SCHEMA "${name}" IS 'meridian sandbox created ${createdAt.toISOString()}'`,
      );
    }
    const before = await liveState(c.tenantId);

    const { data, errors } = await subgraph.request<{ replayCorrelationInSandbox: Replay }>(REPLAY, {
      as: testUser(c.tenantId, ['analyst']),
      variables: { correlationId: 'corr-sbx' },
    });

    expect(errors).toBeUndefined();
    const replay = data!.replayCorrelationInSandbox;
    expect(replay.sandbox).toMatch(/^sandbox_[0-9a-f]{12}$/);
    expect(replay.eventsReplayed).toBe(5);
    expect(replay.positions).toEqual([
      { skuId: skuA, locationId: dc, onHandBefore: 10, onHandAfter: 15 },
      { skuId: c.skus.SKUS0002, locationId: c.locations['STORE-1'], onHandBefore: 0, onHandAfter: 7 },
    ]);
    expect(await liveState(c.tenantId)).toEqual(before);

    const sandboxStock = await prisma.$queryRawUnsafe<Array<{ skuId: string; onHand: number }>>(
      `SELECT "skuId"::text, "onHand" FROM "${replay.sandbox}"."InventoryPosition" ORDER BY "onHand"`,
    );
    expect(sandboxStock).toEqual([
      { skuId: c.skus.SKUS0002, onHand: 7 },
      { skuId: skuA, onHand: 15 },
    ]);
    const [sandboxDemand] = await prisma.$queryRawUnsafe<Array<{ ordered: number }>>(
      `SELECT "ordered" FROM "${replay.sandbox}"."DailyDemand"`,
    );
    expect(sandboxDemand?.ordered).toBe(4);

    const schemas = await prisma.$queryRawUnsafe<Array<{ nspname: string }>>(
      `SELECT nspname FROM pg_namespace WHERE nspname IN ($1, $2)`,
      old,
      recent,
    );
    expect(schemas.map((schema) => schema.nspname)).toEqual([recent]);
  });

  it('says so when no ingested transaction carries the correlation id, and is not for every role', async () => {
    const tenantId = randomUUID();
    const missing = await subgraph.request(REPLAY, {
      as: testUser(tenantId, ['planner']),
      variables: { correlationId: 'corr-none' },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'correlationId' });

    const forbidden = await subgraph.request(REPLAY, {
      as: testUser(tenantId, ['marketing', 'logistics']),
      variables: { correlationId: 'corr-none' },
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const bad = await subgraph.request(REPLAY, {
      as: testUser(tenantId, ['admin']),
      variables: { correlationId: 'has spaces' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correlationId' });
  });
});
