import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeyPair, importSigningKey, issueAccessToken } from '@meridian/auth';
import { createTestPrismaClient } from '@meridian/db/testing';
import { createTransactionIngestor, eventSourceOf } from '@meridian/ingestion';
import { seedCatalog } from '@meridian/ingestion/testing';
import { createLogger, createMetrics } from '@meridian/observability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRoute } from '../src/epcis/capture-route';
import { createCaptureService } from '../src/epcis/capture-service';
import { EPCIS_SOURCE_SYSTEM, mapEpcisEvents } from '../src/epcis/map-events';
import { createIngestServer } from '../src/server';

const prisma = createTestPrismaClient();
const logger = createLogger('ingest-epcis-test');
const tenantId = randomUUID();
const limits = { maxEvents: 5, maxBytes: 64 * 1024 };
const fixture = readFileSync(
  new URL('./fixtures/epcis/receiving-and-shipping.json', import.meta.url),
  'utf8',
);
let server: Server;
let baseUrl: string;
let token: string;
let otherTenantToken: string;
let captureService: ReturnType<typeof createCaptureService>;
let tokenFor: (tenant: string) => Promise<string>;

beforeAll(async () => {
  const keys = await generateSigningKeyPair('ingest-epcis-test');
  const signingKey = await importSigningKey(keys.privateJwk);
  const tokenOf = async (tenant: string) =>
    (
      await issueAccessToken(signingKey, {
        kind: 'user' as const,
        userId: randomUUID(),
        tenantId: tenant,
        email: 'dc@example.com',
        roles: [],
      })
    ).token;
  tokenFor = tokenOf;
  token = await tokenOf(tenantId);
  otherTenantToken = await tokenOf(randomUUID());
  await seedFixtureCatalog();
  const ingestor = createTransactionIngestor({ prisma, logger });
  captureService = createCaptureService({ prisma, ingestor, logger });
  const route = captureRoute({
    captureService,
    accessTokenKey: await importSigningKey(keys.publicJwk),
    limits,
  });
  server = createIngestServer({ routes: [route], logger, metrics: createMetrics('ingest_epcis_test') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

/** The SKUs (GTINs, in the units the fixture uses) and locations the fixture's events map to. */
async function seedFixtureCatalog() {
  const transactions = mapEpcisEvents(JSON.parse(fixture).epcisBody.eventList, tenantId).flatMap((event) =>
    event.ok ? event.transactions : [],
  );
  const skus = new Map<string, string>();
  const locations = new Set<string>();
  for (const transaction of transactions) {
    if (transaction.sku_id) skus.set(transaction.sku_id, transaction.measure?.uom ?? 'EA');
    const location = (transaction.payload as { location_id?: string | null }).location_id;
    if (location) locations.add(location);
  }
  await seedCatalog(prisma, tenantId, {
    skus: [...skus].map(([code, baseUom]) => ({ code, baseUom })),
    locations: [...locations],
  });
}

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await prisma.$disconnect();
});

/** The fixture with event ids of its own, so that every test appends fresh events. */
function documentWith(events?: unknown[]) {
  const document = JSON.parse(fixture);
  const run = randomUUID();
  document.epcisBody.eventList = (events ?? document.epcisBody.eventList).map(
    (event: Record<string, unknown>, index: number) => ({ ...event, eventID: `urn:uuid:${run}-${index}` }),
  );
  return document;
}

async function capture(
  document: unknown,
  {
    behaviour,
    auth = token,
    contentType = 'application/ld+json',
  }: { behaviour?: string; auth?: string; contentType?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${auth}`, 'content-type': contentType };
  if (behaviour) headers['gs1-capture-error-behaviour'] = behaviour;
  const body = typeof document === 'string' ? document : JSON.stringify(document);
  return fetch(`${baseUrl}/capture`, { method: 'POST', headers, body });
}

// biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON freely
async function poll(location: string | null, auth = token): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${location}`, { headers: { authorization: `Bearer ${auth}` } });
  return { status: response.status, body: await response.json() };
}

function transactionIdsOf(document: { epcisBody: { eventList: unknown[] } }, onlyEvents?: number[]) {
  return mapEpcisEvents(document.epcisBody.eventList, tenantId)
    .filter((event) => !onlyEvents || onlyEvents.includes(event.index))
    .flatMap((event) =>
      event.ok ? event.transactions.map((transaction) => transaction.transaction_id) : [],
    );
}

async function loggedCount(ids: string[]) {
  return prisma.eventLog.count({
    where: { source: eventSourceOf(EPCIS_SOURCE_SYSTEM), id: { in: ids }, tenantId },
  });
}

const badEvent = {
  type: 'ObjectEvent',
  eventTime: '2026-11-27T16:00:00Z',
  eventTimeZoneOffset: '+00:00',
  action: 'ADD',
  bizStep: 'teleporting',
  epcList: ['urn:epc:id:sgtin:0614141.107346.9'],
};

describe('POST /capture', () => {
  it('answers 202 with the Location of a succeeded job, and appends the mapped transactions once', async () => {
    const document = documentWith();
    const response = await capture(document);
    expect(response.status).toBe(202);
    const location = response.headers.get('location');
    expect(location).toMatch(/^\/capture\/[0-9a-f-]{36}$/);
    expect(response.headers.get('gs1-epcis-capture-limit')).toBe('5');
    const job = await poll(location);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({
      status: 'succeeded',
      errorBehaviour: 'rollback',
      counts: { events: 2, eventsRejected: 0, transactionsAccepted: 3, transactionsDuplicate: 0 },
      errors: [],
    });
    const ids = transactionIdsOf(document);
    expect(ids).toHaveLength(3);
    expect(await loggedCount(ids)).toBe(3);
    const rows = await prisma.eventLog.findMany({ where: { id: { in: ids } }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.partitionKey)).toEqual([
      '10614141073464',
      '04012345123456',
      '106141412345678908',
    ]);
    expect(await prisma.captureJob.findUniqueOrThrow({ where: { id: job.body.id } })).toMatchObject({
      document: null,
    });
  });

  it('appends nothing new when the same document is captured again', async () => {
    const document = documentWith();
    await capture(document);
    const before = await prisma.eventLog.count();
    const again = await capture(document, { contentType: 'application/json' });
    expect(again.status).toBe(202);
    const job = await poll(again.headers.get('location'));
    expect(job.body).toMatchObject({
      status: 'succeeded',
      counts: { transactionsAccepted: 0, transactionsDuplicate: 3 },
    });
    expect(await prisma.eventLog.count()).toBe(before);
  });

  it('rolls back the whole document when one event is invalid (the default)', async () => {
    const document = documentWith([...documentWith().epcisBody.eventList, badEvent]);
    const response = await capture(document);
    expect(response.status).toBe(202);
    const job = await poll(response.headers.get('location'));
    expect(job.body).toMatchObject({
      status: 'failed',
      counts: { eventsRejected: 1, transactionsAccepted: 0 },
    });
    expect(job.body.errors).toEqual([
      expect.objectContaining({
        index: 2,
        eventID: document.epcisBody.eventList[2].eventID,
        reason: 'BIZ_STEP_UNKNOWN',
      }),
    ]);
    expect(await loggedCount(transactionIdsOf(document))).toBe(0);
  });

  it('appends the valid events and reports the invalid ones with proceed', async () => {
    const document = documentWith([badEvent, ...documentWith().epcisBody.eventList]);
    const response = await capture(document, { behaviour: 'proceed' });
    const job = await poll(response.headers.get('location'));
    expect(job.body).toMatchObject({
      status: 'succeeded',
      errorBehaviour: 'proceed',
      counts: { events: 3, eventsRejected: 1, transactionsAccepted: 3 },
      errors: [expect.objectContaining({ index: 0, reason: 'BIZ_STEP_UNKNOWN' })],
    });
    expect(await loggedCount(transactionIdsOf(document, [1, 2]))).toBe(3);
  });

  it('quarantines the rejected events with proceed, and nothing with rollback', async () => {
    const quarantined = (eventID: string) =>
      prisma.quarantinedRecord.findMany({
        where: { tenantId, channel: 'capture', record: { path: ['eventID'], equals: eventID } },
      });
    const proceed = documentWith([badEvent, ...documentWith().epcisBody.eventList]);
    await poll((await capture(proceed, { behaviour: 'proceed' })).headers.get('location'));
    const rows = await quarantined(proceed.epcisBody.eventList[0].eventID);
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'QUARANTINED',
        record: proceed.epcisBody.eventList[0],
        reasons: [expect.objectContaining({ field: 'event', code: 'BIZ_STEP_UNKNOWN' })],
      }),
    ]);

    const rollback = documentWith([badEvent, ...documentWith().epcisBody.eventList]);
    await poll((await capture(rollback)).headers.get('location'));
    expect(await quarantined(rollback.epcisBody.eventList[0].eventID)).toEqual([]);
  });

  it('withholds a whole event when one of its transactions breaks a rule, quarantining each with its reason', async () => {
    const [receiving, shipping] = documentWith().epcisBody.eventList;
    // The lot of 4012345.012345 is kept in KGM: counting it in EA breaks the tenant's unit rule.
    const inEaches = { ...receiving, quantityList: [{ ...receiving.quantityList[0], uom: 'EA' }] };
    const document = documentWith([inEaches, shipping]);
    const job = await poll((await capture(document, { behaviour: 'proceed' })).headers.get('location'));
    expect(job.body).toMatchObject({
      status: 'succeeded',
      counts: { eventsRejected: 1, transactionsAccepted: 1 },
      errors: [expect.objectContaining({ index: 0, reason: 'CANONICAL_INVALID' })],
    });
    const [whole, invalid] = transactionIdsOf(document, [0]);
    const rows = await prisma.quarantinedRecord.findMany({
      where: { tenantId, channel: 'capture', transactionId: { in: [whole as string, invalid as string] } },
    });
    const reasonOf = (id: string | undefined) => {
      const reasons = rows.find((row) => row.transactionId === id)?.reasons as
        | Array<{ code: string }>
        | undefined;
      return reasons?.[0]?.code;
    };
    expect(reasonOf(whole)).toBe('EVENT_REJECTED');
    expect(reasonOf(invalid)).toBe('UOM_MISMATCH');
    expect(await loggedCount([whole as string, invalid as string])).toBe(0);
  });

  it('refuses a document over the event limit with 413 and a code, and advertises the limits', async () => {
    const [first] = documentWith().epcisBody.eventList;
    const document = documentWith(Array.from({ length: 6 }, () => first));
    const response = await capture(document);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CAPTURE_LIMIT_EXCEEDED',
      limit: 5,
    });
    expect(await loggedCount(transactionIdsOf(document))).toBe(0);

    const huge = await capture({ ...documentWith(), padding: 'x'.repeat(limits.maxBytes) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ reason: 'CAPTURE_FILE_SIZE_LIMIT_EXCEEDED' });

    const options = await fetch(`${baseUrl}/capture`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('gs1-epcis-capture-limit')).toBe('5');
    expect(options.headers.get('gs1-epcis-capture-file-size-limit')).toBe(String(limits.maxBytes));
  });

  it('refuses what is not an EPCIS document, and callers without a token', async () => {
    const notEpcis = await capture({ type: 'Something' });
    expect(notEpcis.status).toBe(400);
    expect(await notEpcis.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
    const anonymous = await fetch(`${baseUrl}/capture`, { method: 'POST', body: fixture });
    expect(anonymous.status).toBe(401);
  });

  it('does not show a job to another tenant (404)', async () => {
    const response = await capture(documentWith());
    const location = response.headers.get('location');
    expect((await poll(location, otherTenantToken)).status).toBe(404);
    expect((await poll(location)).status).toBe(200);
    expect((await poll('/capture/not-a-job')).status).toBe(404);
  });

  it('finishes a job that a crash left running, without appending anything twice', async () => {
    const document = documentWith();
    const id = randomUUID();
    await prisma.captureJob.create({
      data: {
        id,
        tenantId,
        status: 'running',
        errorBehaviour: 'rollback',
        document,
        eventCount: 2,
        createdAt: new Date(Date.now() - 120_000),
      },
    });
    expect(await captureService.resumeUnfinished()).toBeGreaterThanOrEqual(1);
    expect((await poll(`/capture/${id}`)).body).toMatchObject({
      status: 'succeeded',
      counts: { transactionsAccepted: 3 },
    });
    expect(await loggedCount(transactionIdsOf(document))).toBe(3);
  });
});

describe("POST /capture in the tenant's own codes", () => {
  it("books each GTIN on the SKU the catalog keeps it on, and each GLN through the tenant's epcis mappings", async () => {
    const tenant = randomUUID();
    const document = documentWith();
    const transactions = mapEpcisEvents(document.epcisBody.eventList, tenant).flatMap((event) =>
      event.ok ? event.transactions : [],
    );
    const gtins = [...new Set(transactions.flatMap((transaction) => transaction.sku_id ?? []))];
    const glns = [
      ...new Set(
        transactions.flatMap(
          (transaction) => (transaction.payload as { location_id?: string | null }).location_id ?? [],
        ),
      ),
    ];
    const family = await prisma.skuFamily.create({
      data: { tenantId: tenant, code: 'FAM-EPCIS', name: 'EPCIS' },
    });
    // EPCIS speaks GTIN-14; the catalog keeps a GTIN-13 where there is one (indicator digit 0).
    const skuCodeOf = new Map(gtins.map((gtin, index) => [gtin, `EPCIS00${index}`]));
    await prisma.sku.createMany({
      data: gtins.map((gtin) => ({
        tenantId: tenant,
        code: skuCodeOf.get(gtin) as string,
        gtin: gtin.startsWith('0') ? gtin.slice(1) : gtin,
        name: gtin,
        familyId: family.id,
        baseUom: transactions.find((transaction) => transaction.sku_id === gtin)?.measure?.uom ?? 'EA',
      })),
    });
    const locationCodeOf = new Map(glns.map((gln, index) => [gln, `DC-EPCIS-${index}`]));
    await prisma.location.createMany({
      data: [...locationCodeOf.values()].map((code) => ({
        tenantId: tenant,
        code,
        name: code,
        type: 'DC' as const,
        region: 'test',
      })),
    });
    await prisma.sourceMapping.createMany({
      data: glns.map((gln) => ({
        tenantId: tenant,
        sourceSystem: EPCIS_SOURCE_SYSTEM,
        kind: 'PARTY' as const,
        sourceValue: gln,
        targetValue: locationCodeOf.get(gln) as string,
        effectiveFrom: new Date(0),
        createdById: randomUUID(),
      })),
    });

    const response = await capture(document, { auth: await tokenFor(tenant) });
    expect(response.status).toBe(202);
    const job = await poll(response.headers.get('location'), await tokenFor(tenant));
    expect(job.body.errors).toEqual([]);
    expect(job.body).toMatchObject({
      status: 'succeeded',
      counts: { transactionsAccepted: transactions.length },
    });
    const logged = await prisma.eventLog.findMany({
      where: { tenantId: tenant, source: eventSourceOf(EPCIS_SOURCE_SYSTEM) },
    });
    const booked = logged.map(
      (row) =>
        (row.envelope as { data: { sku_id: string | null; payload: { location_id?: string | null } } }).data,
    );
    expect(new Set(booked.flatMap((data) => data.sku_id ?? []))).toEqual(new Set(skuCodeOf.values()));
    expect(new Set(booked.flatMap((data) => data.payload.location_id ?? []))).toEqual(
      new Set(locationCodeOf.values()),
    );
  });

  it("refuses a GLN the tenant's epcis mappings do not cover, once the tenant maps GLNs", async () => {
    const tenant = randomUUID();
    await prisma.sourceMapping.create({
      data: {
        tenantId: tenant,
        sourceSystem: EPCIS_SOURCE_SYSTEM,
        kind: 'PARTY',
        sourceValue: 'urn:epc:id:sgln:0000000.00000.0',
        targetValue: 'DC-ELSEWHERE',
        effectiveFrom: new Date(0),
        createdById: randomUUID(),
      },
    });
    const response = await capture(documentWith(), { auth: await tokenFor(tenant) });
    const job = await poll(response.headers.get('location'), await tokenFor(tenant));
    expect(job.body.status).toBe('failed');
    expect(job.body.errors[0]).toMatchObject({ reason: 'CANONICAL_INVALID' });
    expect(job.body.errors[0].message).toContain('no PARTY mapping');
  });
});
