import { randomBytes } from 'node:crypto';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createEvent } from '../src/envelope';
import { applyBatchOnce, applyOnce, recordApplyOutcome } from '../src/inbox';
import {
  appendNewToOutbox,
  appendToOutbox,
  backboneChannel,
  logKeyOf,
  parseBackboneNotification,
} from '../src/outbox';
import { createPostgresBackbone } from '../src/postgres';
import { backboneContract, quietLogger } from './contract';

describe('postgres backbone', () => {
  backboneContract(() => ({
    databaseUrl: testDatabaseUrl(),
    workerEnv: { NATS_URL: '' },
    takeoverTimeoutMs: 10_000,
    create: async (options) =>
      createPostgresBackbone({ databaseUrl: testDatabaseUrl(), logger: quietLogger, ...options }),
  }));
});

describe('postgres backbone when the database drops its connections', () => {
  it('reconnects: consumers and tails receive events published afterwards', async () => {
    const applicationName = `backbone-reconnect-${randomBytes(4).toString('hex')}`;
    const databaseUrl = testDatabaseUrl();
    const backbone = createPostgresBackbone({ databaseUrl, applicationName, logger: quietLogger });
    const publisher = createPostgresBackbone({ databaseUrl, logger: quietLogger });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const type = `r${randomBytes(4).toString('hex')}.happened`;
      const consumed: string[] = [];
      const tailed: string[] = [];
      await backbone.consume({
        consumer: `reconnect_${randomBytes(4).toString('hex')}`,
        types: [type],
        handler: async (event) => {
          consumed.push(event.id);
        },
      });
      await backbone.tail({ types: [type], handler: (event) => tailed.push(event.id) });
      const event = () => createEvent({ source: '/tests', type, tenantId: 't', partitionKey: 'k', data: {} });

      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      expect(rowCount).toBeGreaterThan(0);

      const afterRestart = event();
      await publisher.publish([afterRestart]);
      await vi.waitFor(() => expect(consumed).toContain(afterRestart.id), { timeout: 5_000, interval: 20 });
      // Tails are live only: events published while LISTEN was down are not replayed, later ones arrive.
      await vi.waitFor(
        async () => {
          await publisher.publish([event()]);
          expect(tailed.length).toBeGreaterThan(0);
        },
        { timeout: 5_000, interval: 100 },
      );
    } finally {
      await admin.end();
      await Promise.all([backbone.close(), publisher.close()]);
    }
  });
});

describe('outbox and inbox in a Prisma transaction', () => {
  it('commits events with the transaction and claims each event once', async () => {
    const prisma = createTestPrismaClient();
    const backbone = createPostgresBackbone({ databaseUrl: testDatabaseUrl(), logger: quietLogger });
    try {
      const type = `p${randomBytes(4).toString('hex')}.written`;
      const consumer = `prisma_${randomBytes(4).toString('hex')}`;
      const claims: boolean[] = [];
      await backbone.consume({
        consumer,
        types: [type],
        handler: async (event) => {
          claims.push(await prisma.$transaction((tx) => applyOnce(tx, consumer, event.id)));
        },
      });
      const event = (n: number) =>
        createEvent({ source: '/tests/prisma', type, tenantId: 't', partitionKey: 'k', data: { n } });
      const committed = event(1);
      await prisma.$transaction(async (tx) => appendToOutbox(tx, [committed]));
      await expect(
        prisma.$transaction(async (tx) => {
          await appendToOutbox(tx, [event(2)]);
          throw new Error('the domain write failed');
        }),
      ).rejects.toThrow('the domain write failed');

      await vi.waitFor(() => expect(claims).toHaveLength(1), { timeout: 5_000, interval: 20 });
      expect(claims).toEqual([true]);
      expect(await prisma.$transaction((tx) => applyOnce(tx, consumer, committed.id))).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(claims).toHaveLength(1);
    } finally {
      await backbone.close();
      await prisma.$disconnect();
    }
  });
});

describe('the append', () => {
  it('answers which events it appended and notifies their seqs with their domains', async () => {
    const databaseUrl = testDatabaseUrl();
    const listener = new pg.Client({ connectionString: databaseUrl });
    const writer = new pg.Client({ connectionString: databaseUrl });
    await Promise.all([listener.connect(), writer.connect()]);
    try {
      const payloads: string[] = [];
      listener.on('notification', (message) => payloads.push(message.payload ?? ''));
      await listener.query(`LISTEN ${backboneChannel}`);
      const suffix = randomBytes(4).toString('hex');
      const event = (domain: string) =>
        createEvent({
          source: `/tests/${suffix}`,
          type: `${domain}${suffix}.happened`,
          tenantId: 't',
          partitionKey: 'k',
          data: {},
        });
      const first = event('a');
      const tx = {
        $executeRawUnsafe: async (sql: string, ...values: unknown[]) =>
          (await writer.query(sql, values)).rowCount ?? 0,
        $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) =>
          (await writer.query(sql, values)).rows as T,
      };
      expect(await appendNewToOutbox(tx, [first])).toEqual(new Set([logKeyOf(first)]));
      const second = event('b');
      // The first is in the log already: only the second is appended.
      expect(await appendNewToOutbox(tx, [first, second])).toEqual(new Set([logKeyOf(second)]));

      await vi.waitFor(() => expect(payloads).toHaveLength(2), { timeout: 5_000, interval: 20 });
      const notifications = payloads.map(parseBackboneNotification);
      expect(notifications.map((n) => [...(n.domains ?? [])])).toEqual([[`a${suffix}`], [`b${suffix}`]]);
      const { rows } = await writer.query<{ seq: string }>(
        'SELECT "seq"::text AS "seq" FROM "backbone"."EventLog" WHERE "source" = $1 ORDER BY "seq"',
        [`/tests/${suffix}`],
      );
      expect(notifications.flatMap((n) => n.seqs)).toEqual(rows.map((row) => row.seq));
    } finally {
      await Promise.all([listener.end(), writer.end()]);
    }
  });
});

describe('a consumer of exact types', () => {
  it("finds its own events past other domains' rows without dispatching those, and waits at the horizon", async () => {
    const databaseUrl = testDatabaseUrl();
    const backbone = createPostgresBackbone({ databaseUrl, logger: quietLogger });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const suffix = randomBytes(4).toString('hex');
      const event = (type: string) =>
        createEvent({ source: `/tests/${suffix}`, type, tenantId: 't', partitionKey: 'k', data: {} });
      const consumer = `exact_${suffix}`;
      const handled: string[] = [];
      await backbone.consume({
        consumer,
        types: [`own${suffix}.happened`],
        handler: async (received) => {
          handled.push(received.id);
        },
      });
      // Four rounds' worth of another domain's rows, then one of its own.
      await backbone.publish(Array.from({ length: 2_000 }, () => event(`other${suffix}.happened`)));
      const own = event(`own${suffix}.happened`);
      await backbone.publish([own]);

      await vi.waitFor(() => expect(handled).toEqual([own.id]), { timeout: 5_000, interval: 20 });
      const { rows } = await pool.query<{ xid: string; seq: string; ownXid: string; queued: number }>(
        `SELECT o."xid"::text, o."seq"::text, e."xid"::text AS "ownXid",
                (SELECT count(*) FROM "backbone"."Delivery" d WHERE d."consumer" = o."consumer")::int AS queued
           FROM "backbone"."ConsumerOffset" o, "backbone"."EventLog" e
          WHERE o."consumer" = $1 AND e."id" = $2`,
        [consumer, own.id],
      );
      // Past its own event, at the last position of the transactions that have all ended.
      expect(BigInt(rows[0]!.xid)).toBeGreaterThanOrEqual(BigInt(rows[0]!.ownXid));
      expect(rows[0]!.seq).toBe('9223372036854775807');
      expect(rows[0]!.queued).toBe(0);
    } finally {
      await backbone.close();
      await pool.end();
    }
  });
});

describe('inbox claims in a Prisma transaction', () => {
  it('claims a batch once, returns only new events, and records latency, retries and outcomes', async () => {
    const prisma = createTestPrismaClient();
    try {
      const consumer = `batch_prisma_${randomBytes(4).toString('hex')}`;
      const type = `b${randomBytes(4).toString('hex')}.counted`;
      const event = (n: number) =>
        createEvent({ source: '/tests/prisma', type, tenantId: 't', partitionKey: 'k', data: { n } });
      const created = { ...event(0), time: new Date(Date.now() - 1_500).toISOString() };
      const [first, second, third] = [event(1), event(2), event(3)];

      const claimed = await prisma.$transaction((tx) =>
        applyBatchOnce(tx, consumer, [created, first!, first!], { retryCount: 2 }),
      );
      expect(claimed.map((claimedEvent) => claimedEvent.id)).toEqual([created.id, first!.id]);
      const again = await prisma.$transaction(async (tx) => {
        const fresh = await applyBatchOnce(tx, consumer, [first!, second!, created]);
        await recordApplyOutcome(tx, consumer, [second!.id], 'UNKNOWN_SKU');
        return fresh;
      });
      expect(again.map((claimedEvent) => claimedEvent.id)).toEqual([second!.id]);
      expect(await prisma.$transaction((tx) => applyOnce(tx, consumer, third!, { retryCount: 1 }))).toBe(
        true,
      );
      expect(await prisma.$transaction((tx) => applyOnce(tx, consumer, third!))).toBe(false);

      const rows = await prisma.$queryRawUnsafe<
        {
          eventId: string;
          processingLatencyMs: number | null;
          retryCount: number;
          errorCode: string | null;
        }[]
      >(
        `SELECT "eventId", "processingLatencyMs", "retryCount", "errorCode" FROM "backbone"."Inbox"
         WHERE "consumer" = $1`,
        consumer,
      );
      const byId = new Map(rows.map((row) => [row.eventId, row]));
      expect(byId.get(created.id)).toMatchObject({ retryCount: 2, errorCode: null });
      expect(byId.get(created.id)!.processingLatencyMs).toBeGreaterThanOrEqual(1_500);
      expect(byId.get(created.id)!.processingLatencyMs).toBeLessThan(60_000);
      expect(byId.get(second!.id)).toMatchObject({ retryCount: 0, errorCode: 'UNKNOWN_SKU' });
      expect(byId.get(third!.id)).toMatchObject({ retryCount: 1 });
      expect(byId.get(third!.id)!.processingLatencyMs).not.toBeNull();
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('postgres backbone after an instance died holding deliveries', () => {
  it('redelivers once the lease expires, and dead-letters when that was the last attempt', async () => {
    const databaseUrl = testDatabaseUrl();
    const backbone = createPostgresBackbone({ databaseUrl, logger: quietLogger });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const type = `l${randomBytes(4).toString('hex')}.held`;
      const consumer = `lease_${randomBytes(4).toString('hex')}`;
      const event = (partitionKey: string) =>
        createEvent({ source: '/tests/lease', type, tenantId: 't', partitionKey, data: {} });
      const [retried, exhausted] = [event('a'), event('b')];
      await backbone.publish([retried, exhausted]);
      // What a crashed instance leaves behind: leased rows whose lease has run out.
      await admin.query(
        `INSERT INTO "backbone"."Delivery" ("consumer", "eventSeq", "eventXid", "partitionKey", "attempts", "leasedUntil", "leaseOwner")
         SELECT $1, "seq", "xid", "partitionKey", CASE WHEN "id" = $2 THEN 1 ELSE 5 END, now() - interval '1 second', 'crashed'
         FROM "backbone"."EventLog" WHERE "id" IN ($2, $3)`,
        [consumer, retried.id, exhausted.id],
      );

      const handled: string[] = [];
      await backbone.consume({
        consumer,
        types: [type],
        handler: async (delivered) => {
          handled.push(delivered.id);
        },
      });
      await vi.waitFor(() => expect(handled).toEqual([retried.id]), { timeout: 5_000, interval: 20 });
      await vi.waitFor(
        async () => {
          const letters = await backbone.deadLetters.list({ consumer });
          expect(letters).toMatchObject([{ attempts: 5, lastError: expect.stringMatching(/lease expired/) }]);
          expect(letters[0]!.event.id).toBe(exhausted.id);
        },
        { timeout: 5_000, interval: 50 },
      );
      expect(handled).toEqual([retried.id]);
    } finally {
      await admin.end();
      await backbone.close();
    }
  });
});
