import { randomUUID } from 'node:crypto';
import { canonicalTransactionFixture } from '@meridian/canonical/testing';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { createLogger } from '@meridian/observability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransactionIngestor, type TransactionIngestor } from '../src/index';
import { seedCatalog } from '../src/testing';

const logger = createLogger('ingestion-test', 'silent');
let prisma: PrismaClient;
const started: TransactionIngestor[] = [];

beforeAll(() => {
  prisma = createTestPrismaClient();
});

afterAll(async () => {
  await Promise.all(started.map((ingestor) => ingestor.close()));
  await prisma.$disconnect();
});

function ingestorWith(options: Partial<Parameters<typeof createTransactionIngestor>[0]> = {}) {
  const ingestor = createTransactionIngestor({ prisma, logger, ...options });
  started.push(ingestor);
  return ingestor;
}

function transactionOf(tenantId: string, change: Record<string, unknown> = {}) {
  return canonicalTransactionFixture(tenantId, {
    correlation_id: 'po-1',
    event_type: 'receipt',
    sku_id: 'SKU-A',
    payload: { receipt_id: 'R-1', order_id: null, location_id: 'DC-A', condition: 'good' },
    ...change,
  });
}

async function tenantWithCatalog() {
  const tenantId = randomUUID();
  await seedCatalog(prisma, tenantId, {
    skus: ['SKU-A', { code: 'FLOUR', baseUom: 'KGM' }],
    locations: ['DC-A'],
  });
  return tenantId;
}

const write = (tenantId: string, records: unknown[]) => ({
  tenantId,
  channel: 'transactions',
  idempotency: { key: randomUUID(), requestHash: randomUUID() },
  submissions: records.map((record) => ({ record })),
});

describe('validate', () => {
  it('says what the write path would, without writing anything', async () => {
    const tenantId = await tenantWithCatalog();
    const ingestor = ingestorWith();
    const good = transactionOf(tenantId);
    const flour = transactionOf(tenantId, { sku_id: 'FLOUR' });
    const [ok, wrongUnit, broken] = await ingestor.validate(tenantId, [good, flour, { nope: 1 }]);
    expect(ok).toMatchObject({ errors: [], warnings: [], record: { transaction_id: good.transaction_id } });
    expect(wrongUnit?.errors).toEqual([
      expect.objectContaining({ field: 'measure.uom', code: 'UOM_MISMATCH' }),
    ]);
    expect(broken?.record).toBeNull();
    expect(broken?.errors[0]?.code).toBe('BAD_USER_INPUT');
    expect(await prisma.eventLog.count({ where: { id: good.transaction_id } })).toBe(0);
  });
});

describe('catalog and policy caches', () => {
  it('finds a SKU created after a miss once the short miss time to live is over', async () => {
    const tenantId = await tenantWithCatalog();
    const ingestor = ingestorWith({ catalog: { unknownTtlMs: 100 } });
    const record = transactionOf(tenantId, { sku_id: 'LATE-1' });
    expect((await ingestor.validate(tenantId, [record]))[0]?.errors[0]?.code).toBe('UNKNOWN_SKU');
    await seedCatalog(prisma, tenantId, { skus: ['LATE-1'] });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await ingestor.validate(tenantId, [record]))[0]?.errors).toEqual([]);
  });

  it('applies a mode change at once in the process that made it, and after the time to live elsewhere', async () => {
    const tenantId = await tenantWithCatalog();
    const here = ingestorWith();
    const elsewhere = ingestorWith({ policyTtlMs: 200 });
    expect(await elsewhere.validationModeOf(tenantId)).toBe('STRICT');
    await here.setValidationMode(tenantId, 'FALLBACK', null);
    expect(await here.validationModeOf(tenantId)).toBe('FALLBACK');
    expect(await elsewhere.validationModeOf(tenantId)).toBe('STRICT');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await elsewhere.validationModeOf(tenantId)).toBe('FALLBACK');
  });
});

describe('ingest', () => {
  it('rolls back the append, the quarantine and the key when the in-transaction hook throws', async () => {
    const tenantId = await tenantWithCatalog();
    const ingestor = ingestorWith();
    const accepted = transactionOf(tenantId);
    const rejected = transactionOf(tenantId, { sku_id: 'GHOST' });
    const request = write(tenantId, [accepted, rejected]);
    await expect(
      ingestor.ingest(request, {
        inTransaction: async (_tx, outcome) => {
          expect(outcome.body.summary).toEqual({ accepted: 1, rejected: 1, duplicate: 0 });
          throw new Error('refused by the caller');
        },
      }),
    ).rejects.toThrow('refused by the caller');
    expect(await prisma.eventLog.count({ where: { id: accepted.transaction_id } })).toBe(0);
    expect(await prisma.quarantinedRecord.count({ where: { tenantId } })).toBe(0);
    expect(await prisma.idempotencyKey.count({ where: { tenantId } })).toBe(0);

    // Nothing of the failed attempt is remembered: the same write goes through.
    const outcome = await ingestor.ingest(request);
    expect(outcome.body.summary).toEqual({ accepted: 1, rejected: 1, duplicate: 0 });
  });

  it('runs the hook for a replay too, flagged as one', async () => {
    const tenantId = await tenantWithCatalog();
    const ingestor = ingestorWith();
    const request = write(tenantId, [transactionOf(tenantId)]);
    await ingestor.ingest(request);
    const seen: boolean[] = [];
    const replay = await ingestor.ingest(request, {
      inTransaction: async (_tx, outcome) => {
        seen.push(outcome.replayed);
      },
    });
    expect(replay.replayed).toBe(true);
    expect(seen).toEqual([true]);
  });

  it('keeps per-minute counts in memory until a flush, and flushes them on close', async () => {
    const tenantId = await tenantWithCatalog();
    const ingestor = createTransactionIngestor({ prisma, logger, countsFlushMs: 3_600_000 });
    const record = transactionOf(tenantId);
    await ingestor.ingest(write(tenantId, [record, transactionOf(tenantId, { sku_id: 'GHOST' })]));
    await ingestor.ingest(write(tenantId, [record]));
    expect(await prisma.ingestMinute.count({ where: { tenantId } })).toBe(0);
    await ingestor.close();
    const rows = await prisma.ingestMinute.findMany({ where: { tenantId } });
    expect(rows.reduce((sum, row) => sum + row.accepted, 0)).toBe(1);
    expect(rows.reduce((sum, row) => sum + row.duplicates, 0)).toBe(1);
    expect(rows.reduce((sum, row) => sum + row.rejected, 0)).toBe(1);
  });
});
