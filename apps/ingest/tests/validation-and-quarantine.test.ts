import { randomUUID } from 'node:crypto';
import { readTransactionReceived } from '@meridian/ingestion';
import { setValidationModeForTest } from '@meridian/ingestion/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDEVENTS_PATH } from '../src/cloudevents/cloudevents-route';
import { TRANSACTIONS_PATH } from '../src/transactions/transactions-route';
import { type Ingest, startIngest } from './ingest-harness';

/**
 * The tenant's rules (catalog SKU and location, base unit, timestamp) in STRICT and FALLBACK mode, quarantine
 * of every rejected record from every HTTP channel in the same transaction as the write, and the per-minute
 * counts. The harness's tenant has SKU-1 (EA) and DC-1 in its catalog.
 */
let ingest: Ingest;
beforeAll(async () => {
  ingest = await startIngest();
});
afterAll(() => ingest.close());

const json = (key: string = randomUUID()) => ({ 'content-type': 'application/json', 'idempotency-key': key });

function quarantinedOf(transactionIds: string[], tenantId = ingest.tenantId) {
  return ingest.prisma.quarantinedRecord.findMany({
    where: { tenantId, transactionId: { in: transactionIds } },
    orderBy: { transactionId: 'asc' },
  });
}

const breaking = () => ({
  unknownSku: ingest.transaction({ sku_id: 'GHOST-1' }),
  unknownLocation: ingest.transaction({ payload: { location_id: 'DC-9', reason: 'correction', note: null } }),
  wrongUnit: ingest.transaction({ measure: { quantity: 5, uom: 'KGM' } }),
  future: ingest.transaction({ timestamp: new Date(Date.now() + 3_600_000).toISOString() }),
});

describe('validation modes', () => {
  it('STRICT (the default) rejects records breaking a rule with its code, and quarantines them', async () => {
    const { unknownSku, unknownLocation, wrongUnit, future } = breaking();
    const valid = ingest.transaction();
    const answer = await ingest.send(
      TRANSACTIONS_PATH,
      JSON.stringify([unknownSku, unknownLocation, wrongUnit, future, valid]),
      json(),
    );
    expect(answer.status).toBe(202);
    expect(answer.body.summary).toEqual({ accepted: 1, rejected: 4, duplicate: 0 });
    const errorsOf = (index: number) =>
      answer.body.results[index].errors.map((error: { field: string; code: string }) => [
        error.field,
        error.code,
      ]);
    expect(errorsOf(0)).toEqual([['sku_id', 'UNKNOWN_SKU']]);
    expect(errorsOf(1)).toEqual([['payload.location_id', 'UNKNOWN_LOCATION']]);
    expect(errorsOf(2)).toEqual([['measure.uom', 'UOM_MISMATCH']]);
    expect(errorsOf(3)).toEqual([['timestamp', 'TIMESTAMP_IN_FUTURE']]);

    const rejectedIds = [unknownSku, unknownLocation, wrongUnit, future].map(
      (record) => record.transaction_id,
    );
    expect(await ingest.prisma.eventLog.count({ where: { id: { in: rejectedIds } } })).toBe(0);
    const quarantined = await quarantinedOf(rejectedIds);
    expect(quarantined).toHaveLength(4);
    const unknownSkuRow = quarantined.find((row) => row.transactionId === unknownSku.transaction_id);
    expect(unknownSkuRow).toMatchObject({
      channel: 'transactions',
      status: 'QUARANTINED',
      correlationId: 'po-4711',
      sourceSystem: 'erp',
      record: unknownSku,
      reasons: [{ field: 'sku_id', code: 'UNKNOWN_SKU', message: expect.stringContaining('GHOST-1') }],
    });
  });

  it('FALLBACK accepts them with warnings, on the answer and in the event, and still rejects schema errors', async () => {
    const fallback = await startIngest();
    try {
      await setValidationModeForTest(fallback.prisma, fallback.tenantId, 'FALLBACK');
      const wrongUnit = fallback.transaction({ sku_id: 'GHOST-1', measure: { quantity: 5, uom: 'KGM' } });
      const broken = fallback.transaction({ measure: { quantity: 1.5, uom: 'EA' } });
      const answer = await fallback.send(TRANSACTIONS_PATH, JSON.stringify([wrongUnit, broken]), json());
      expect(answer.status).toBe(202);
      expect(answer.body.results[0]).toEqual({
        index: 0,
        transaction_id: wrongUnit.transaction_id,
        status: 'accepted',
        warnings: [{ field: 'sku_id', code: 'UNKNOWN_SKU', message: expect.any(String) }],
      });
      expect(answer.body.results[1]).toMatchObject({
        status: 'rejected',
        errors: [{ field: 'measure.quantity' }],
      });

      const event = await fallback.prisma.eventLog.findFirstOrThrow({
        where: { id: wrongUnit.transaction_id },
      });
      const { transaction, warnings } = readTransactionReceived((event.envelope as { data: unknown }).data);
      expect(warnings).toEqual([expect.objectContaining({ field: 'sku_id', code: 'UNKNOWN_SKU' })]);
      expect(transaction).toMatchObject({ transaction_id: wrongUnit.transaction_id, sku_id: 'GHOST-1' });

      // A clean record carries no warnings key at all.
      const clean = fallback.transaction();
      await fallback.send(TRANSACTIONS_PATH, JSON.stringify([clean]), json());
      const cleanEvent = await fallback.prisma.eventLog.findFirstOrThrow({
        where: { id: clean.transaction_id },
      });
      expect((cleanEvent.envelope as { data: object }).data).not.toHaveProperty('warnings');

      expect(await quarantinedOf([wrongUnit.transaction_id], fallback.tenantId)).toHaveLength(0);
      expect(await quarantinedOf([broken.transaction_id], fallback.tenantId)).toHaveLength(1);
    } finally {
      await fallback.close();
    }
  });
});

describe('quarantine', () => {
  it('keeps rejected CloudEvents: the data when it is the data that is wrong, the event when its envelope is', async () => {
    const source = `urn:test:${randomUUID()}`;
    const badData = ingest.transaction({ sku_id: 'GHOST-2' });
    const event = (data: unknown, change: Record<string, unknown> = {}) => ({
      specversion: '1.0',
      id: randomUUID(),
      source,
      type: 'com.example.adjusted',
      data,
      ...change,
    });
    const noSpec = event(ingest.transaction(), { specversion: '0.3' });
    const answer = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify([event(badData), noSpec]), {
      'content-type': 'application/cloudevents-batch+json',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.results[0].errors[0]).toMatchObject({ field: 'data.sku_id', code: 'UNKNOWN_SKU' });

    const [dataRow] = await quarantinedOf([badData.transaction_id]);
    // Inside the quarantined record, the field is the record's own.
    expect(dataRow).toMatchObject({
      channel: 'cloudevents',
      record: badData,
      reasons: [{ field: 'sku_id' }],
    });
    const envelopeRow = await ingest.prisma.quarantinedRecord.findFirstOrThrow({
      where: {
        tenantId: ingest.tenantId,
        channel: 'cloudevents',
        record: { path: ['id'], equals: noSpec.id },
      },
    });
    expect(envelopeRow.record).toEqual(noSpec);
    expect(envelopeRow.reasons).toEqual([expect.objectContaining({ field: 'specversion' })]);
  });

  it('rejects text PostgreSQL cannot store (NUL, a lone surrogate) with its field, and accepts the rest of the batch', async () => {
    const nul = ingest.transaction({ transaction_id: '\u0000' });
    const surrogate = ingest.transaction({
      payload: { location_id: 'DC-1', reason: 'correction', note: '\uD83D' },
    });
    const valid = ingest.transaction();
    const answer = await ingest.send(TRANSACTIONS_PATH, JSON.stringify([nul, surrogate, valid]), json());
    expect(answer.status).toBe(202);
    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual([
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(answer.body.results[0].errors).toEqual([
      expect.objectContaining({ field: 'transaction_id', code: 'BAD_USER_INPUT' }),
    ]);
    expect(answer.body.results[1].errors).toEqual([
      expect.objectContaining({ field: 'payload.note', code: 'BAD_USER_INPUT' }),
    ]);
    expect(await quarantinedOf([surrogate.transaction_id])).toHaveLength(1);
  });

  it('keeps rejected feed records under feed:<source>', async () => {
    const record = ingest.transaction({ source_system: undefined, sku_id: 'GHOST-3' });
    const answer = await ingest.send('/ingest/wms', JSON.stringify([record]), json());
    expect(answer.status).toBe(422);
    expect(await quarantinedOf([record.transaction_id])).toEqual([
      expect.objectContaining({ channel: 'feed:wms', sourceSystem: 'wms' }),
    ]);
  });

  it('quarantines nothing for duplicates and replays, and keeps oversized records as a preview', async () => {
    const rejected = ingest.transaction({ sku_id: 'GHOST-4' });
    const oversized = { ...ingest.transaction(), note: 'x'.repeat(100_000) };
    const accepted = ingest.transaction();
    const key = randomUUID();
    const body = JSON.stringify([rejected, oversized, accepted]);
    expect((await ingest.send(TRANSACTIONS_PATH, body, json(key))).status).toBe(202);
    const replay = await ingest.send(TRANSACTIONS_PATH, body, json(key));
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const duplicate = await ingest.send(TRANSACTIONS_PATH, JSON.stringify([accepted]), json());
    expect(duplicate.body.results[0].status).toBe('duplicate');

    const rows = await quarantinedOf([
      rejected.transaction_id,
      oversized.transaction_id,
      accepted.transaction_id,
    ]);
    expect(rows.map((row) => row.transactionId).sort()).toEqual(
      [rejected.transaction_id, oversized.transaction_id].sort(),
    );
    const kept = rows.find((row) => row.transactionId === oversized.transaction_id)?.record as {
      truncated: boolean;
      preview: string;
    };
    expect(kept.truncated).toBe(true);
    expect(kept.preview.length).toBeLessThan(10_000);
  });

  it('writes quarantine in the same transaction as the rest: a failed write leaves neither events nor quarantine', async () => {
    const trigger = `fail_ingest_${randomUUID().replaceAll('-', '')}`;
    const failingKey = `${trigger}-key`;
    // The response is stored last in the write's transaction: failing it must undo the append and the quarantine.
    await ingest.prisma.$executeRawUnsafe(
      `CREATE FUNCTION "ingest".${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'injected failure'; END $$`,
    );
    await ingest.prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON "ingest"."IdempotencyKey"
         FOR EACH ROW WHEN (NEW."key" = '${failingKey}') EXECUTE FUNCTION "ingest".${trigger}()`,
    );
    const rejected = ingest.transaction({ sku_id: 'GHOST-5' });
    const accepted = ingest.transaction();
    const body = JSON.stringify([rejected, accepted]);
    try {
      const failed = await ingest.send(TRANSACTIONS_PATH, body, json(failingKey));
      expect(failed.status).toBe(500);
      expect(await ingest.prisma.eventLog.count({ where: { id: accepted.transaction_id } })).toBe(0);
      expect(await quarantinedOf([rejected.transaction_id])).toHaveLength(0);
    } finally {
      await ingest.prisma.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "ingest"."IdempotencyKey"`);
      await ingest.prisma.$executeRawUnsafe(`DROP FUNCTION "ingest".${trigger}()`);
    }
    const retried = await ingest.send(TRANSACTIONS_PATH, body, json(failingKey));
    expect(retried.body.summary).toEqual({ accepted: 1, rejected: 1, duplicate: 0 });
    expect(await ingest.prisma.eventLog.count({ where: { id: accepted.transaction_id } })).toBe(1);
    expect(await quarantinedOf([rejected.transaction_id])).toHaveLength(1);
  });
});

describe('per-minute counts', () => {
  it('are flushed every few seconds, adding to the minute row', async () => {
    const counted = await startIngest();
    try {
      await setValidationModeForTest(counted.prisma, counted.tenantId, 'FALLBACK');
      const accepted = counted.transaction();
      const warned = counted.transaction({ sku_id: 'GHOST-6' });
      const broken = counted.transaction({ measure: { quantity: 1.5, uom: 'EA' } });
      await counted.send(TRANSACTIONS_PATH, JSON.stringify([accepted, warned, broken]), json());
      await counted.send(TRANSACTIONS_PATH, JSON.stringify([accepted]), json());

      const totals = async () => {
        const rows = await counted.prisma.ingestMinute.findMany({ where: { tenantId: counted.tenantId } });
        return rows.reduce(
          (sum, row) => ({
            accepted: sum.accepted + row.accepted,
            duplicates: sum.duplicates + row.duplicates,
            rejected: sum.rejected + row.rejected,
            warned: sum.warned + row.warned,
          }),
          { accepted: 0, duplicates: 0, rejected: 0, warned: 0 },
        );
      };
      // The harness flushes every 200 ms.
      await expect
        .poll(totals, { timeout: 5_000 })
        .toEqual({ accepted: 2, duplicates: 1, rejected: 1, warned: 1 });
      const [row] = await counted.prisma.ingestMinute.findMany({ where: { tenantId: counted.tenantId } });
      expect(row?.minute.getUTCSeconds()).toBe(0);

      await counted.send(TRANSACTIONS_PATH, JSON.stringify([counted.transaction()]), json());
      await expect.poll(async () => (await totals()).accepted, { timeout: 5_000 }).toBe(3);
    } finally {
      await counted.close();
    }
  });
});
