import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, type Ingest, startIngest } from './ingest-harness';

/**
 * Malformed payloads across the write endpoints: the server never crashes, every refusal is JSON with a
 * code (never INTERNAL), and the valid records mixed into fuzzed batches are appended exactly once.
 */
let ingest: Ingest;
beforeAll(async () => {
  ingest = await startIngest();
});
afterAll(() => ingest.close());

const ceSource = `urn:fuzz:${randomUUID()}`;
const endpoints = ['/ingest/transactions', '/ingest/cloudevents', '/ingest/erp', '/ingest/carrier'];
const contentTypes = [
  'application/json',
  'application/x-ndjson',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
];

/** Valid ids whose batch was answered 202 (must be logged once) and whose batch was refused (must not be). */
const deliveredIds = new Set<string>();
const refusedIds = new Set<string>();
const deliveredRecords: Record<string, unknown>[] = [];
/** Records answered `rejected` in fresh (not replayed) answers: each must be in quarantine once. */
let rejectedCount = 0;

function expectCoded(answer: Answer): void {
  expect(answer.status, answer.text).not.toBe(500);
  if (answer.status >= 400) {
    expect(typeof answer.body?.code, `${answer.status} ${answer.text.slice(0, 300)}`).toBe('string');
  } else {
    expect(answer.status).toBe(202);
  }
}

const hugeString = fc.integer({ min: 10_000, max: 300_000 }).map((length) => 'é'.repeat(length));
const deepJson = fc
  .tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );
const wrongValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hugeString, fc.string({ unit: 'binary' }));

const fieldNames = [
  'transaction_id',
  'correlation_id',
  'source_system',
  'event_type',
  'sku_id',
  'measure',
  'timestamp',
  'version',
  'status',
  'tenant_id',
  'payload',
];
const ceAttributes = ['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'data'];

/** A record with fields dropped or replaced by wrong values. */
const brokenRecord = fc
  .record({
    drop: fc.subarray(fieldNames),
    set: fc.dictionary(fc.constantFrom(...fieldNames), wrongValue, { maxKeys: 3 }),
  })
  .map(({ drop, set }) => {
    const record: Record<string, unknown> = ingest.transaction();
    for (const field of drop) delete record[field];
    return { ...record, ...set };
  });

/** A CloudEvent with attributes dropped or wrong, or a broken record as its data. */
const brokenEvent = fc
  .record({
    drop: fc.subarray(ceAttributes, { maxLength: 2 }),
    set: fc.dictionary(fc.constantFrom(...ceAttributes), wrongValue, { maxKeys: 2 }),
    data: fc.option(brokenRecord),
  })
  .map(({ drop, set, data }) => {
    const event: Record<string, unknown> = cloudEvent(data ?? ingest.transaction());
    for (const attribute of drop) delete event[attribute];
    return { ...event, ...set };
  });

function cloudEvent(data: unknown): Record<string, unknown> {
  return { specversion: '1.0', id: randomUUID(), source: ceSource, type: 'fuzz.record', data };
}

function validRecord(): Record<string, unknown> {
  // Now and then a record delivered before: it must come back duplicate, not be appended again.
  if (deliveredRecords.length > 0 && Math.random() < 0.2) {
    return deliveredRecords[Math.floor(Math.random() * deliveredRecords.length)] as Record<string, unknown>;
  }
  return ingest.transaction();
}

async function sendBatch(endpoint: string, fuzzed: unknown[], validCount: number, ndjson: boolean) {
  const isCloudEvents = endpoint === '/ingest/cloudevents';
  const items = [...fuzzed];
  const valid: { position: number; id: string; record: Record<string, unknown> }[] = [];
  for (let i = 0; i < validCount; i++) {
    const record = validRecord();
    const item = isCloudEvents ? cloudEvent(record) : record;
    const position = Math.floor(Math.random() * (items.length + 1));
    items.splice(position, 0, item);
    for (const entry of valid) if (entry.position >= position) entry.position++;
    valid.push({ position, id: String(isCloudEvents ? item.id : record.transaction_id), record });
  }
  const body =
    ndjson && !isCloudEvents ? items.map((item) => JSON.stringify(item)).join('\n') : JSON.stringify(items);
  const contentType = isCloudEvents
    ? 'application/cloudevents-batch+json'
    : ndjson
      ? 'application/x-ndjson'
      : 'application/json';
  const answer = await ingest.send(endpoint, body, {
    'content-type': contentType,
    'idempotency-key': randomUUID(),
  });
  expectCoded(answer);
  if (answer.body?.summary) rejectedCount += answer.body.summary.rejected;
  if (answer.status === 202) {
    for (const entry of valid) {
      expect(['accepted', 'duplicate']).toContain(answer.body.results[entry.position].status);
      deliveredIds.add(entry.id);
      if (!isCloudEvents) deliveredRecords.push(entry.record);
    }
  } else {
    // Only an over-sized batch may refuse valid records as a whole.
    expect(Buffer.byteLength(body), answer.text.slice(0, 300)).toBeGreaterThan(1024 * 1024);
    for (const entry of valid) refusedIds.add(entry.id);
  }
}

describe('fuzzing the write endpoints', () => {
  it('answers arbitrary bodies, content types and endpoints with a code', async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.tuple(brokenRecord, fc.nat()).map(([record, cut]) => {
        const text = JSON.stringify([record]);
        return text.slice(0, cut % text.length);
      }),
      deepJson,
      // A record whose payload nests deeply: spliced as text (a JS value that deep overflows the test's stack).
      deepJson.map((deep) => `[${JSON.stringify(ingest.transaction()).slice(0, -1)},"payload":${deep}}]`),
      // Valid JSON text around bytes that are not UTF-8.
      fc
        .uint8Array({ minLength: 1, maxLength: 8 })
        .map((bytes) =>
          Buffer.concat([
            Buffer.from('[{"note":"'),
            Buffer.from(bytes.map((byte) => byte | 0x80)),
            Buffer.from('"}]'),
          ]),
        ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints, '/ingest/unknown-feed'),
        fc.option(fc.constantFrom(...contentTypes)),
        fc.boolean(),
        body,
        async (endpoint, contentType, withKey, payload) => {
          const headers: Record<string, string> = {};
          if (contentType) headers['content-type'] = contentType;
          if (withKey) headers['idempotency-key'] = randomUUID();
          expectCoded(await ingest.send(endpoint, payload, headers));
        },
      ),
      { numRuns: 1_200 },
    );
  });

  // 700 requests, each with a quarantine write: on two shared cores they need more than the default timeout.
  it('accepts the valid records of fuzzed batches exactly once, and quarantines every rejected one', async () => {
    const quarantinedBefore = await ingest.prisma.quarantinedRecord.count({
      where: { tenantId: ingest.tenantId },
    });
    rejectedCount = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints.slice(0, 3)),
        fc.array(fc.oneof(brokenRecord, wrongValue), { maxLength: 8 }),
        fc.array(brokenEvent, { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (endpoint, records, events, validCount, ndjson) => {
          await sendBatch(
            endpoint,
            endpoint === '/ingest/cloudevents' ? events : records,
            validCount,
            ndjson,
          );
        },
      ),
      { numRuns: 700 },
    );
    const ids = [...deliveredIds];
    expect(ids.length).toBeGreaterThan(500);
    const logged = await ingest.prisma.eventLog.findMany({
      where: { id: { in: ids } },
      select: { id: true },
    });
    expect(logged).toHaveLength(ids.length);
    const refusedOnly = [...refusedIds].filter((id) => !deliveredIds.has(id));
    expect(await ingest.prisma.eventLog.count({ where: { id: { in: refusedOnly } } })).toBe(0);
    const quarantined = await ingest.prisma.quarantinedRecord.count({ where: { tenantId: ingest.tenantId } });
    expect(rejectedCount).toBeGreaterThan(500);
    expect(quarantined - quarantinedBefore).toBe(rejectedCount);
  }, 90_000);

  it('refuses over-sized bodies, chunked or not, with a code', async () => {
    const megabyte = Buffer.alloc(64 * 1024, 'x');
    for (const endpoint of endpoints) {
      const chunked = await ingest.send(
        endpoint,
        Array.from({ length: 20 }, () => megabyte),
        {
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
      );
      expect(chunked.status).toBe(400);
      expect(chunked.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      const declared = await ingest.send(
        endpoint,
        Buffer.concat(Array.from({ length: 17 }, () => megabyte)),
        {
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
      );
      expect(declared.status).toBe(400);
      expect(declared.body.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is still healthy afterwards', async () => {
    const answer = await fetch(`${ingest.base}/healthz`);
    expect(answer.status).toBe(200);
  });
});
