import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ingest, startIngest } from './ingest-harness';

let ingest: Ingest;
beforeAll(async () => {
  ingest = await startIngest();
});
afterAll(() => ingest.close());

const json = () => ({ 'content-type': 'application/json', 'idempotency-key': randomUUID() });

describe('POST /ingest/<source>', () => {
  it('accepts a known source, fills source_system from the path and rejects another source', async () => {
    const { source_system: _omitted, ...withoutSource } = ingest.transaction();
    const named = ingest.transaction({ source_system: 'wms' });
    const foreign = ingest.transaction({ source_system: 'erp' });
    const answer = await ingest.send('/ingest/wms', JSON.stringify([withoutSource, named, foreign]), json());
    expect(answer.status).toBe(202);
    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
    ]);
    expect(answer.body.results[2].errors).toEqual([
      expect.objectContaining({ field: 'source_system', code: 'BAD_USER_INPUT' }),
    ]);
    const rows = await ingest.prisma.eventLog.findMany({
      where: { id: { in: [withoutSource.transaction_id, named.transaction_id, foreign.transaction_id] } },
    });
    expect(rows.map((row) => row.source).sort()).toEqual(['meridian/ingest/wms', 'meridian/ingest/wms']);
    expect(
      rows.map((row) => (row.envelope as { data: { source_system: string } }).data.source_system),
    ).toEqual(['wms', 'wms']);
  });

  it('shares dedup with the bulk endpoint: the same transaction is the same event', async () => {
    const record = ingest.transaction({ source_system: 'tms' });
    expect((await ingest.send('/ingest/transactions', JSON.stringify([record]), json())).status).toBe(202);
    const again = await ingest.send('/ingest/tms', `${JSON.stringify(record)}\n`, {
      ...json(),
      'content-type': 'application/x-ndjson',
    });
    expect(again.body.results[0].status).toBe('duplicate');
  });

  it("maps items, units and parties through the tenant's mapping tables and quarantines what has no mapping", async () => {
    const rule = { tenantId: ingest.tenantId, sourceSystem: 'erp', createdById: randomUUID() };
    await ingest.prisma.sourceMapping.createMany({
      data: [
        { ...rule, kind: 'SKU', sourceValue: 'ITEM-0077', targetValue: 'SKU-1', effectiveFrom: new Date(0) },
        {
          ...rule,
          kind: 'UOM',
          sourceValue: 'CS',
          targetValue: 'EA',
          factor: 12,
          effectiveFrom: new Date(0),
        },
        { ...rule, kind: 'PARTY', sourceValue: 'WH01', targetValue: 'DC-1', effectiveFrom: new Date(0) },
        // Not yet in force: the item keeps its old mapping until then.
        {
          ...rule,
          kind: 'SKU',
          sourceValue: 'ITEM-0077',
          targetValue: null,
          effectiveFrom: new Date(Date.now() + 86_400_000),
        },
      ],
    });
    const payload = { location_id: 'WH01', reason: 'correction', note: null };
    const mapped = ingest.transaction({ sku_id: 'ITEM-0077', measure: { quantity: 2, uom: 'CS' }, payload });
    const unmapped = ingest.transaction({
      sku_id: 'ITEM-9999',
      measure: { quantity: 1, uom: 'CS' },
      payload,
    });
    const answer = await ingest.send('/ingest/erp', JSON.stringify([mapped, unmapped]), json());

    expect(answer.status).toBe(202);
    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual([
      'accepted',
      'rejected',
    ]);
    expect(answer.body.results[1].errors).toEqual([
      expect.objectContaining({ field: 'sku_id', code: 'UNMAPPED_VALUE' }),
    ]);
    const row = await ingest.prisma.eventLog.findFirstOrThrow({ where: { id: mapped.transaction_id } });
    const data = (row.envelope as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({
      sku_id: 'SKU-1',
      measure: { quantity: 24, uom: 'EA' },
      payload: { location_id: 'DC-1' },
    });
    const quarantined = await ingest.prisma.quarantinedRecord.findMany({
      where: { tenantId: ingest.tenantId, transactionId: unmapped.transaction_id },
    });
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.channel).toBe('feed:erp');
  });

  it('answers 404 NOT_FOUND with the known sources for an unknown one', async () => {
    const answer = await ingest.send('/ingest/mainframe', '[]', json());
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
    expect(answer.body.knownSources).toEqual(['erp', 'wms', 'tms', 'carrier']);
  });

  it('requires an Idempotency-Key and a token like the bulk endpoint', async () => {
    const body = JSON.stringify([ingest.transaction()]);
    const noKey = await ingest.send('/ingest/erp', body, { 'content-type': 'application/json' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.field).toBe('Idempotency-Key');
    expect((await ingest.send('/ingest/erp', body, json(), { auth: false })).status).toBe(401);
  });
});
