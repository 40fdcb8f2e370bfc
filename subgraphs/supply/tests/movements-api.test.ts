import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIngestedTransactions } from '../src/services/ingested-transactions';
import { LIVE_SCHEMA } from '../src/store/ledger';
import { supplySubgraph } from '../src/subgraph';
import { canonicalRecord, createCatalog, receivedEvent } from './support';

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(supplySubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const MOVEMENTS = `query($reps: [_Any!]!, $first: Int) { _entities(representations: $reps) { ... on Sku {
  movements(first: $first) {
    id transactionId kind quantity location { id } occurredAt sourceSystem correlationId warnings recordedAt
  } } } }`;

interface Movement {
  transactionId: string;
  kind: string;
  quantity: number;
  location: { id: string };
  occurredAt: string;
  warnings: string[];
}

describe('Sku.movements', () => {
  it('lists a SKU’s stock movements newest first, for each SKU asked, within the tenant', async () => {
    const c = await createCatalog(prisma, ['SKUM0001', 'SKUM0002'], [{ code: 'DC-1', type: 'DC' }]);
    const at = (sku: string, timestamp: string) => ({ sku, location: 'DC-1', timestamp });
    const records = [
      canonicalRecord(c.tenantId, 'receipt', { ...at('SKUM0001', '2026-11-20T08:00:00Z'), quantity: 10 }),
      canonicalRecord(c.tenantId, 'cycle_count', { ...at('SKUM0001', '2026-11-25T08:00:00Z'), quantity: 4 }),
      canonicalRecord(c.tenantId, 'inventory_adjustment', {
        ...at('SKUM0001', '2026-11-22T08:00:00Z'),
        quantity: -3,
      }),
      canonicalRecord(c.tenantId, 'receipt', { ...at('SKUM0002', '2026-11-21T08:00:00Z'), quantity: 1 }),
    ];
    await prisma.$transaction((tx) =>
      applyIngestedTransactions(
        tx,
        LIVE_SCHEMA,
        records.map((record) => receivedEvent(record)),
      ),
    );
    const reps = [
      { __typename: 'Sku', id: c.skus.SKUM0001 },
      { __typename: 'Sku', id: c.skus.SKUM0002 },
    ];

    const { data, errors } = await subgraph.request<{ _entities: Array<{ movements: Movement[] }> }>(
      MOVEMENTS,
      { as: testUser(c.tenantId, ['marketing']), variables: { reps, first: 2 } },
    );

    expect(errors).toBeUndefined();
    const [first, second] = data!._entities;
    // Applied in log order (10 received, counted 4, then 3 lost) and listed by when they happened.
    expect(first!.movements.map((m) => [m.kind, m.quantity, m.occurredAt])).toEqual([
      ['cycle_count', -6, '2026-11-25T08:00:00.000Z'],
      ['inventory_adjustment', -3, '2026-11-22T08:00:00.000Z'],
    ]);
    expect(first!.movements[0]).toMatchObject({
      transactionId: records[1]!.transaction_id,
      location: { id: c.locations['DC-1'] },
      warnings: [],
    });
    expect(second!.movements.map((m) => m.quantity)).toEqual([1]);

    const stranger = await subgraph.request<{ _entities: Array<{ movements: Movement[] }> }>(MOVEMENTS, {
      as: testUser(crypto.randomUUID(), ['admin']),
      variables: { reps },
    });
    expect(stranger.data!._entities).toEqual([{ movements: [] }, { movements: [] }]);
  });

  it('refuses a page larger than 200, naming the argument', async () => {
    const tenantId = crypto.randomUUID();
    const { errors } = await subgraph.request(MOVEMENTS, {
      as: testUser(tenantId, ['planner']),
      variables: { reps: [{ __typename: 'Sku', id: crypto.randomUUID() }], first: 201 },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
