import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDEVENTS_PATH } from '../src/cloudevents/cloudevents-route';
import { type Ingest, startIngest } from './ingest-harness';

let ingest: Ingest;
beforeAll(async () => {
  ingest = await startIngest();
});
afterAll(() => ingest.close());

const source = `https://erp.example.com/plants/${randomUUID().slice(0, 8)}`;

function cloudEvent(overrides: Record<string, unknown> = {}) {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source,
    type: 'com.example.erp.inventory.adjusted',
    time: '2026-11-27T14:05:00+01:00',
    subject: 'SKU-1',
    datacontenttype: 'application/json',
    data: ingest.transaction(),
    ...overrides,
  };
}

const structured = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
const batched = { 'content-type': 'application/cloudevents-batch+json' };

async function logged(ids: string[]) {
  return ingest.prisma.eventLog.findMany({ where: { source, id: { in: ids } }, orderBy: { seq: 'asc' } });
}

describe('POST /ingest/cloudevents', () => {
  it('accepts one structured event, kept on the backbone under its own source and id', async () => {
    const event = cloudEvent();
    const answer = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify(event), structured);
    expect(answer.status).toBe(202);
    expect(answer.body.results).toEqual([
      { index: 0, id: event.id, source, transaction_id: event.data.transaction_id, status: 'accepted' },
    ]);
    const [row] = await logged([event.id]);
    expect(row?.type).toBe('ingest.transaction_received');
    expect(row?.tenantId).toBe(ingest.tenantId);
    expect(row?.envelope).toMatchObject({
      subject: 'SKU-1',
      data: { transaction_id: event.data.transaction_id },
    });
  });

  it('answers a batch per event and deduplicates by source + id, across requests and within one', async () => {
    const first = cloudEvent();
    const invalid = cloudEvent({ data: ingest.transaction({ measure: { quantity: 'five', uom: 'EA' } }) });
    const noSpec = cloudEvent({ specversion: '0.3' });
    const answer = await ingest.send(
      CLOUDEVENTS_PATH,
      JSON.stringify([first, invalid, noSpec, first]),
      batched,
    );
    expect(answer.status).toBe(202);
    expect(answer.body.summary).toEqual({ accepted: 1, rejected: 2, duplicate: 1 });
    expect(answer.body.results[1].errors[0]).toMatchObject({
      field: 'data.measure.quantity',
      code: 'BAD_USER_INPUT',
    });
    expect(answer.body.results[2]).toMatchObject({ id: noSpec.id, status: 'rejected' });
    expect(answer.body.results[2].errors[0].field).toBe('specversion');

    // A retry with the same source and id but another transaction inside is still the same event.
    const retried = { ...first, data: ingest.transaction() };
    const again = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify([retried]), batched);
    expect(again.status).toBe(202);
    expect(again.body.results[0].status).toBe('duplicate');
    expect(await logged([first.id, invalid.id, noSpec.id])).toHaveLength(1);
  });

  it('keeps events of different sources with the same id apart', async () => {
    const id = randomUUID();
    const other = cloudEvent({ id, source: `${source}/other` });
    const answer = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify([cloudEvent({ id }), other]), batched);
    expect(answer.body.summary).toEqual({ accepted: 2, rejected: 0, duplicate: 0 });
  });

  it('rejects envelopes that are not CloudEvents 1.0, naming the attribute', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ id: '' }, 'id'],
      [{ source: undefined }, 'source'],
      [{ type: 42 }, 'type'],
      [{ time: 'yesterday' }, 'time'],
      [{ datacontenttype: 'application/xml' }, 'datacontenttype'],
      [{ data: undefined }, 'data'],
      [{ data_base64: 'AAAA' }, 'data_base64'],
    ];
    const answer = await ingest.send(
      CLOUDEVENTS_PATH,
      JSON.stringify(cases.map(([overrides]) => cloudEvent(overrides))),
      batched,
    );
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('BAD_USER_INPUT');
    const fields = answer.body.results.map(
      (result: { errors: { field: string }[] }) => result.errors[0]?.field,
    );
    expect(fields).toEqual(cases.map(([, field]) => field));
  });

  it('refuses data of another tenant, per event', async () => {
    const event = cloudEvent({ data: ingest.transaction({ tenant_id: randomUUID() }) });
    const answer = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify(event), structured);
    expect(answer.status).toBe(422);
    expect(answer.body.results[0].errors[0]).toMatchObject({ field: 'tenant_id', code: 'FORBIDDEN' });
  });

  it('accepts binary mode: ce-* headers, the body is the data', async () => {
    const data = ingest.transaction();
    const id = randomUUID();
    const headers = {
      'content-type': 'application/json',
      'ce-specversion': '1.0',
      'ce-id': id,
      'ce-source': encodeURIComponent(source),
      'ce-type': 'com.example.erp.inventory.adjusted',
    };
    const answer = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify(data), headers);
    expect(answer.status).toBe(202);
    expect(answer.body.results[0]).toMatchObject({ id, source, status: 'accepted' });
    expect(await logged([id])).toHaveLength(1);
  });

  it('replays with Idempotency-Key, and tells binary requests apart by their headers', async () => {
    const key = randomUUID();
    const body = JSON.stringify(cloudEvent());
    const first = await ingest.send(CLOUDEVENTS_PATH, body, { ...structured, 'idempotency-key': key });
    const replay = await ingest.send(CLOUDEVENTS_PATH, body, { ...structured, 'idempotency-key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);

    const data = JSON.stringify(ingest.transaction());
    const binary = (id: string) => ({
      'content-type': 'application/json',
      'idempotency-key': randomUUID().slice(0, 8) + key.slice(8),
      'ce-specversion': '1.0',
      'ce-id': id,
      'ce-source': source,
      'ce-type': 't',
    });
    const headers = binary(randomUUID());
    expect((await ingest.send(CLOUDEVENTS_PATH, data, headers)).status).toBe(202);
    const sameKeyOtherId = { ...binary(randomUUID()), 'idempotency-key': headers['idempotency-key'] };
    const reused = await ingest.send(CLOUDEVENTS_PATH, data, sameKeyOtherId);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses unreadable requests with 400 and a code', async () => {
    const refusals = await Promise.all([
      ingest.send(CLOUDEVENTS_PATH, '[{"specversion":', batched),
      ingest.send(CLOUDEVENTS_PATH, JSON.stringify(cloudEvent()), batched),
      ingest.send(CLOUDEVENTS_PATH, JSON.stringify([cloudEvent()]), structured),
      ingest.send(CLOUDEVENTS_PATH, '[]', batched),
      ingest.send(CLOUDEVENTS_PATH, JSON.stringify(cloudEvent()), { 'content-type': 'application/json' }),
      ingest.send(CLOUDEVENTS_PATH, '{}', { 'content-type': 'text/plain' }),
    ]);
    for (const refusal of refusals) {
      expect(refusal.status, refusal.text).toBe(400);
      expect(refusal.body.code).toBe('BAD_USER_INPUT');
    }
    const anonymous = await ingest.send(CLOUDEVENTS_PATH, JSON.stringify(cloudEvent()), structured, {
      auth: false,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });
});
