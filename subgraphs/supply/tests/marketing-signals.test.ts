import { randomUUID } from 'node:crypto';
import { canonicalTransactionV2 } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIngestedTransactions } from '../src/services/ingested-transactions';
import { LIVE_SCHEMA } from '../src/store/ledger';
import { supplySubgraph } from '../src/subgraph';
import { receivedEvent, SKU_A, SKU_B, twoSkuCatalog } from './support';

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

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function signalRecord(
  tenantId: string,
  fields: {
    sku: string | null;
    signal: string;
    count: number;
    sentiment: number | null;
    transactionId?: string;
    status?: string;
  },
) {
  return canonicalTransactionV2.parse({
    version: '2.0.0',
    transaction_id: fields.transactionId ?? randomUUID(),
    correlation_id: 'corr-signals',
    source_system: 'social-listening',
    timestamp: `${yesterday()}T23:00:00Z`,
    status: fields.status ?? 'active',
    tenant_id: tenantId,
    idempotency_key: randomUUID(),
    lot: null,
    sku_id: fields.sku,
    shipment_id: null,
    event_type: 'marketing_signal',
    measure: null,
    payload: {
      channel: 'social',
      platform: 'instagram',
      signal: fields.signal,
      count: fields.count,
      sentiment: fields.sentiment,
      observed_from: `${yesterday()}T00:00:00Z`,
      observed_to: `${yesterday()}T23:59:59Z`,
    },
  });
}

const apply = (records: ReturnType<typeof signalRecord>[]) =>
  prisma.$transaction((tx) =>
    applyIngestedTransactions(
      tx,
      LIVE_SCHEMA,
      records.map((record) => receivedEvent(record)),
    ),
  );

describe('marketing signals from ingested transactions', () => {
  it('stores a signal per transaction (its sentiment beside it), for a SKU or the tenant, corrected and cancelled in place', async () => {
    const c = await twoSkuCatalog(prisma);
    const mentions = signalRecord(c.tenantId, { sku: SKU_A, signal: 'mention', count: 120, sentiment: 0.4 });
    const clicks = signalRecord(c.tenantId, { sku: null, signal: 'click', count: 50, sentiment: null });
    const unknown = signalRecord(c.tenantId, { sku: 'NOSUCHSK', signal: 'share', count: 5, sentiment: null });
    const result = await apply([mentions, clicks, unknown]);
    expect(result.outcomes.get('UNKNOWN_SKU')).toHaveLength(1);

    // Delivered again under another event id: the same rows, not more.
    await apply([mentions]);
    const rows = () =>
      prisma.marketingSignal.findMany({ where: { tenantId: c.tenantId }, orderBy: { metric: 'asc' } });
    expect((await rows()).map((row) => [row.skuId, row.metric, row.value, row.source])).toEqual([
      [null, 'clicks', 50, 'social/instagram'],
      [c.skus[SKU_A], 'mentions', 120, 'social/instagram'],
      [c.skus[SKU_A], 'sentiment', 0.4, 'social/instagram'],
    ]);
    expect(await prisma.marketingSignal.count({ where: { tenantId: c.tenantId } })).toBe(3);

    await apply([
      signalRecord(c.tenantId, {
        sku: SKU_A,
        signal: 'mention',
        count: 90,
        sentiment: null,
        transactionId: mentions.transaction_id,
        status: 'corrected',
      }),
      signalRecord(c.tenantId, {
        sku: null,
        signal: 'click',
        count: 50,
        sentiment: null,
        transactionId: clicks.transaction_id,
        status: 'cancelled',
      }),
    ]);
    expect((await rows()).map((row) => [row.transactionId, row.metric, row.value])).toEqual([
      [mentions.transaction_id, 'mentions', 90],
    ]);

    const { data, errors } = await subgraph.request<{
      _entities: Array<{ marketingSignals: Array<{ day: string; metric: string; value: number }> }>;
    }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Sku { marketingSignals(days: 7) { day metric value campaign } } } }`,
      {
        as: testUser(c.tenantId, ['analyst']),
        variables: {
          reps: [
            { __typename: 'Sku', id: c.skus[SKU_A] },
            { __typename: 'Sku', id: c.skus[SKU_B] },
          ],
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0]!.marketingSignals).toEqual([
      { day: yesterday(), metric: 'mentions', value: 90, campaign: null },
    ]);
    expect(data!._entities[1]!.marketingSignals).toEqual([]);
  });
});
