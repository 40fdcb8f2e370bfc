import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeyPair, importSigningKey, issueAccessToken } from '@meridian/auth';
import { canonicalTransactionFixture } from '@meridian/canonical/testing';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createTransactionIngestor, eventSourceOf, purgeExpiredKeys, tryLockKey } from '@meridian/ingestion';
import { seedCatalog } from '@meridian/ingestion/testing';
import { createLogger, createMetrics } from '@meridian/observability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestMetrics } from '../src/metrics/ingest-metrics';
import { createIngestServer } from '../src/server';
import { TRANSACTIONS_PATH, transactionsRoute } from '../src/transactions/transactions-route';

const prisma = createTestPrismaClient();
const tenantId = randomUUID();
const sourceSystem = `wms-${randomUUID().slice(0, 8)}`;
let server: Server;
let baseUrl: string;
let token: string;
let closeIngestor: () => Promise<void>;

beforeAll(async () => {
  const keys = await generateSigningKeyPair('ingest-test');
  const user = {
    kind: 'user' as const,
    userId: randomUUID(),
    tenantId,
    email: 'feed@example.com',
    roles: [],
  };
  token = (await issueAccessToken(await importSigningKey(keys.privateJwk), user)).token;
  const logger = createLogger('ingest-test');
  await seedCatalog(prisma, tenantId, { skus: ['SKU-1'], locations: ['DC-1'] });
  const ingestor = createTransactionIngestor({ prisma, logger, databaseUrl: testDatabaseUrl() });
  closeIngestor = ingestor.close;
  const metrics = createMetrics('ingest_test');
  const route = transactionsRoute({
    ingestor,
    accessTokenKey: await importSigningKey(keys.publicJwk),
    metrics: createIngestMetrics(metrics.registry),
  });
  server = createIngestServer({ routes: [route], logger, metrics });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TRANSACTIONS_PATH}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeIngestor();
  await prisma.$disconnect();
});

function transaction(overrides: Record<string, unknown> = {}) {
  return canonicalTransactionFixture(tenantId, { source_system: sourceSystem, ...overrides });
}

interface Sent {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON freely
  body: any;
}

async function send(
  body: unknown,
  { key = randomUUID(), auth = `Bearer ${token}`, contentType = 'application/json' } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': contentType, 'idempotency-key': key };
  if (auth) headers.authorization = auth;
  const response = await fetch(baseUrl, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function loggedCount(ids: string[]): Promise<number> {
  return prisma.eventLog.count({ where: { source: eventSourceOf(sourceSystem), id: { in: ids } } });
}

describe('POST /ingest/transactions', () => {
  it('appends accepted records to the backbone exactly once, as CloudEvents', async () => {
    const records = [transaction(), transaction({ sku_id: null, event_type: 'tracking_ping' })];
    records[1] = transaction({
      event_type: 'shipment_milestone',
      sku_id: null,
      shipment_id: 'SHP-9',
      measure: null,
      payload: {
        milestone: 'departed',
        carrier_code: 'DHL',
        location_id: null,
        planned_at: null,
        actual_at: '2026-11-27T14:00:00Z',
      },
    });
    const response = await send(records);
    expect(response.status).toBe(202);
    expect(response.body.results).toEqual([
      { index: 0, transaction_id: records[0]?.transaction_id, status: 'accepted' },
      { index: 1, transaction_id: records[1]?.transaction_id, status: 'accepted' },
    ]);
    const rows = await prisma.eventLog.findMany({
      where: { source: eventSourceOf(sourceSystem), id: { in: records.map((r) => r.transaction_id) } },
      orderBy: { seq: 'asc' },
    });
    expect(rows.map((row) => [row.id, row.partitionKey, row.tenantId, row.type])).toEqual([
      [records[0]?.transaction_id, 'SKU-1', tenantId, 'ingest.transaction_received'],
      [records[1]?.transaction_id, 'SHP-9', tenantId, 'ingest.transaction_received'],
    ]);
    expect(rows[0]?.envelope).toMatchObject({ correlationid: 'po-4711', data: { measure: { quantity: 5 } } });
  });

  it('accepts NDJSON and lifts 1.x records to 2.x on the backbone', async () => {
    const v1 = { ...transaction({ version: '1.0.0', quantity: 3, uom: 'EA', lot_id: 'LOT-7' }) };
    const { measure: _measure, lot: _lot, ...v1Record } = v1;
    const v2 = transaction();
    const response = await send(`${JSON.stringify(v1Record)}\n\n${JSON.stringify(v2)}\n`, {
      contentType: 'application/x-ndjson',
    });
    expect(response.status).toBe(202);
    expect(response.body.summary).toEqual({ accepted: 2, rejected: 0, duplicate: 0 });
    const row = await prisma.eventLog.findFirstOrThrow({ where: { id: v1.transaction_id } });
    expect(row.envelope).toMatchObject({
      data: { version: '2.0.0', measure: { quantity: 3, uom: 'EA' }, lot: { id: 'LOT-7' } },
    });
  });

  it('replays the first response for the same key and body, appending nothing', async () => {
    const records = [transaction(), transaction()];
    const key = randomUUID();
    const first = await send(records, { key });
    const before = await prisma.eventLog.count();
    const again = await send(records, { key });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await prisma.eventLog.count()).toBe(before);
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const key = randomUUID();
    expect((await send([transaction()], { key })).status).toBe(202);
    const other = transaction();
    const reused = await send([other], { key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await loggedCount([other.transaction_id])).toBe(0);
  });

  it('ignores an expired key (a new body is processed) and purges expired keys', async () => {
    const key = randomUUID();
    expect((await send([transaction()], { key })).status).toBe(202);
    const expired = { tenantId_key: { tenantId, key } };
    await prisma.idempotencyKey.update({ where: expired, data: { expiresAt: new Date(Date.now() - 1000) } });
    const other = transaction();
    const fresh = await send([other], { key });
    expect(fresh.status).toBe(202);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(await loggedCount([other.transaction_id])).toBe(1);

    await prisma.idempotencyKey.update({ where: expired, data: { expiresAt: new Date(Date.now() - 1000) } });
    const live = randomUUID();
    await send([transaction()], { key: live });
    await purgeExpiredKeys(prisma);
    expect(await prisma.idempotencyKey.findUnique({ where: expired })).toBeNull();
    expect(
      await prisma.idempotencyKey.findUnique({ where: { tenantId_key: { tenantId, key: live } } }),
    ).not.toBeNull();
  });

  it('answers 409 CONFLICT while the first request with the key is still running', async () => {
    const key = randomUUID();
    const record = transaction();
    let release = () => {};
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = prisma.$transaction(async (tx) => {
      expect(await tryLockKey(tx, { tenantId, key })).toBe(true);
      held();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await holding;
    const conflicting = await send([record], { key });
    release();
    await holder;
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.code).toBe('CONFLICT');
    expect(await loggedCount([record.transaction_id])).toBe(0);
  });

  it('stores a burst of concurrent same-key requests once: every answer is 202 or 409', async () => {
    const key = randomUUID();
    const records = Array.from({ length: 200 }, () => transaction());
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(records, { key })));
    for (const answer of answers) expect([202, 409]).toContain(answer.status);
    const fresh = answers.filter((a) => a.status === 202 && a.headers.get('idempotent-replayed') !== 'true');
    expect(fresh).toHaveLength(1);
    expect(await loggedCount(records.map((r) => r.transaction_id))).toBe(200);
  });

  it('appends only the new records of a re-sent batch with 10% duplicates', async () => {
    const first = Array.from({ length: 50 }, () => transaction());
    expect((await send(first)).status).toBe(202);
    const resent = [...first.slice(0, 5), ...Array.from({ length: 45 }, () => transaction())];
    const before = await prisma.eventLog.count();
    const response = await send(resent);
    expect(response.status).toBe(202);
    expect(response.body.summary).toEqual({ accepted: 45, rejected: 0, duplicate: 5 });
    expect(response.body.results.slice(0, 5).map((r: { status: string }) => r.status)).toEqual(
      Array(5).fill('duplicate'),
    );
    expect((await prisma.eventLog.count()) - before).toBe(45);
  });

  it('accepts a correction and a cancellation of an accepted transaction as new events; a re-sent one is a duplicate', async () => {
    const original = transaction();
    const correction = { ...original, status: 'corrected', timestamp: '2026-11-27T15:00:00Z' };
    const cancellation = { ...original, status: 'cancelled', timestamp: '2026-11-27T16:00:00Z' };
    expect((await send([original])).body.summary).toEqual({ accepted: 1, rejected: 0, duplicate: 0 });
    expect((await send([correction, cancellation])).body.summary).toEqual({
      accepted: 2,
      rejected: 0,
      duplicate: 0,
    });
    expect((await send([correction])).body.summary).toEqual({ accepted: 0, rejected: 0, duplicate: 1 });
    const logged = await prisma.eventLog.findMany({
      where: { source: eventSourceOf(sourceSystem), id: { startsWith: original.transaction_id } },
      orderBy: { seq: 'asc' },
    });
    expect(logged.map((row) => (row.envelope as { data: { status: string } }).data.status)).toEqual([
      'active',
      'corrected',
      'cancelled',
    ]);
  });

  it('answers duplicate from the log when the memory index has not seen the id', async () => {
    const record = transaction();
    const key = randomUUID();
    const ingestor = createTransactionIngestor({ prisma, logger: createLogger('ingest-test') });
    const request = {
      tenantId,
      channel: 'transactions',
      idempotency: { key, requestHash: 'a' },
      submissions: [{ record }],
    };
    expect((await ingestor.ingest(request)).body).toMatchObject({ summary: { accepted: 1 } });
    const restarted = createTransactionIngestor({ prisma, logger: createLogger('ingest-test') });
    const again = await restarted.ingest({
      ...request,
      idempotency: { key: randomUUID(), requestHash: 'a' },
    });
    expect(again.body).toMatchObject({ summary: { duplicate: 1, accepted: 0 } });
    expect(again.status).toBe(202);
    expect(await loggedCount([record.transaction_id])).toBe(1);
  });

  it('rejects invalid records with field paths and accepts the valid ones of the same batch', async () => {
    const valid = transaction();
    const badQuantity = transaction({ measure: { quantity: 1.5, uom: 'EA' } });
    const otherTenant = transaction({ tenant_id: randomUUID() });
    const response = await send([badQuantity, valid, otherTenant, 'not a record']);
    expect(response.status).toBe(202);
    const [first, second, third, fourth] = response.body.results;
    expect(first).toMatchObject({ status: 'rejected', transaction_id: badQuantity.transaction_id });
    expect(first.errors).toContainEqual(
      expect.objectContaining({ field: 'measure.quantity', code: 'BAD_USER_INPUT' }),
    );
    expect(second).toEqual({ index: 1, transaction_id: valid.transaction_id, status: 'accepted' });
    expect(third.errors).toEqual([expect.objectContaining({ field: 'tenant_id', code: 'FORBIDDEN' })]);
    expect(fourth).toMatchObject({ status: 'rejected', transaction_id: null });
    expect(
      await loggedCount([valid.transaction_id, badQuantity.transaction_id, otherTenant.transaction_id]),
    ).toBe(1);
  });

  it('is 422 BAD_USER_INPUT when no record is accepted', async () => {
    const response = await send([transaction({ timestamp: '2026-11-27 14:05' })]);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.results[0].errors[0].field).toBe('timestamp');
  });

  it('refuses unparseable bodies and a missing Idempotency-Key with 400', async () => {
    const broken = await send('[{"transaction_id":', {});
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('BAD_USER_INPUT');
    const response = await fetch(baseUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([transaction()]),
    });
    expect(response.status).toBe(400);
    const refusal = (await response.json()) as Sent['body'];
    expect(refusal.field).toBe('Idempotency-Key');
  });

  it('refuses a body over 1 MiB with a code and writes nothing', async () => {
    const record = transaction();
    const body = JSON.stringify([record, { padding: 'x'.repeat(1024 * 1024) }]);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(baseUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': randomUUID(),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).code).toBe('BAD_USER_INPUT');
    expect(await loggedCount([record.transaction_id])).toBe(0);
  });

  it('answers 401 UNAUTHENTICATED without a valid token', async () => {
    const missing = await send([transaction()], { auth: '' });
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forged = await send([transaction()], { auth: `Bearer ${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });
});
