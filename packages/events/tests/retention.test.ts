import { createScratchDatabase, type ScratchDatabase } from '@meridian/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type EventEnvelope } from '../src/envelope';
import { appendToOutbox, sqlExecutor } from '../src/outbox';
import { createRetention, defaultLogRetentionDays } from '../src/retention';

const day = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * day);

describe('event log retention', () => {
  // A database of its own: pruning looks at every tenant's events.
  let database: ScratchDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createScratchDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  /** Appends one event per entry, each in its own transaction, created `age` days before `now`. */
  const append = async (entries: Record<string, { tenant: string; age: number }>) => {
    const events: Record<string, EventEnvelope & { seq: string; xid: string }> = {};
    for (const [name, { tenant, age }] of Object.entries(entries)) {
      const event = createEvent({
        source: '/tests/retention',
        type: 'ingest.moved',
        tenantId: tenant,
        partitionKey: name,
        data: { name },
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await appendToOutbox(sqlExecutor(client), [event]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const { rows } = await pool.query<{ seq: string; xid: string }>(
        `UPDATE "backbone"."EventLog" SET "createdAt" = $2 WHERE "id" = $1 RETURNING "seq"::text, "xid"::text`,
        [event.id, daysAgo(age)],
      );
      events[name] = { ...event, ...rows[0]! };
    }
    return events;
  };

  const remaining = async () =>
    (
      await pool.query<{ name: string }>(
        `SELECT "envelope"->'data'->>'name' AS name FROM "backbone"."EventLog" ORDER BY "seq"`,
      )
    ).rows.map((row) => row.name);

  it('keeps each tenant to its own days, and never takes what a consumer, the relay or a dead letter still needs', async () => {
    const retention = createRetention(pool);
    await retention.set('tenant-b', 90, 'admin-b');
    // In log order, oldest first, as appends come.
    const events = await append({
      expiredLonger: { tenant: 'tenant-b', age: 100 },
      expired: { tenant: 'tenant-a', age: 40 },
      keptLonger: { tenant: 'tenant-b', age: 40 },
      pending: { tenant: 'tenant-a', age: 40 },
      deadLetter: { tenant: 'tenant-a', age: 40 },
      replayedLetter: { tenant: 'tenant-a', age: 40 },
      beforeLiveOffset: { tenant: 'tenant-a', age: 39 },
      afterLiveOffset: { tenant: 'tenant-a', age: 39 },
      recent: { tenant: 'tenant-a', age: 10 },
    });
    await pool.query(
      `INSERT INTO "backbone"."Delivery" ("consumer", "eventSeq", "eventXid", "partitionKey") VALUES ('c', $1, $2, 'pending')`,
      [events.pending!.seq, events.pending!.xid],
    );
    for (const [name, replayedAt] of [
      ['deadLetter', null],
      ['replayedLetter', daysAgo(1)],
    ] as const) {
      await pool.query(
        `INSERT INTO "backbone"."DeadLetter" ("consumer", "eventId", "tenantId", "eventSeq", "envelope", "attempts", "lastError", "replayedAt")
         VALUES ('c', $1, 'tenant-a', $2, $3, 5, 'failed', $4)`,
        [events[name]!.id, events[name]!.seq, JSON.stringify(events[name]), replayedAt],
      );
    }
    // A live consumer has passed beforeLiveOffset but not afterLiveOffset; a retired one (not moved for two
    // weeks) is still at the start of the log and holds nothing back.
    await pool.query(
      `INSERT INTO "backbone"."ConsumerOffset" ("consumer", "xid", "seq", "updatedAt")
       VALUES ('live', $1, $2, $3), ('retired', 0, 0, $4)`,
      [events.beforeLiveOffset!.xid, events.beforeLiveOffset!.seq, daysAgo(0), daysAgo(14)],
    );

    expect(await retention.prune({ now })).toMatchObject({ events: 4 });
    expect(await remaining()).toEqual(['keptLonger', 'pending', 'deadLetter', 'afterLiveOffset', 'recent']);
    expect(await retention.prune({ now })).toEqual({ events: 0, inboxRows: 0 });

    // Once the consumer moves on, the rest of what expired goes.
    await pool.query(
      `UPDATE "backbone"."ConsumerOffset" SET "xid" = $1, "seq" = $2 WHERE "consumer" = 'live'`,
      [events.afterLiveOffset!.xid, events.afterLiveOffset!.seq],
    );
    expect((await retention.prune({ now })).events).toBe(1);
    expect(await remaining()).not.toContain('afterLiveOffset');
  });

  it('prunes the processing audit after the longest retention any tenant keeps', async () => {
    const retention = createRetention(pool);
    await retention.set('tenant-b', 90, 'admin-b');
    await pool.query(
      `INSERT INTO "backbone"."Inbox" ("consumer", "eventId", "appliedAt")
       VALUES ('c', 'applied-100-days-ago', $1), ('c', 'applied-60-days-ago', $2), ('c', 'applied-today', $3)`,
      [daysAgo(100), daysAgo(60), now],
    );
    expect((await retention.prune({ now })).inboxRows).toBe(1);
    const { rows } = await pool.query<{ eventId: string }>(
      `SELECT "eventId" FROM "backbone"."Inbox" WHERE "consumer" = 'c' ORDER BY "appliedAt"`,
    );
    expect(rows.map((row) => row.eventId)).toEqual(['applied-60-days-ago', 'applied-today']);
  });

  it('goes on until nothing past retention is left, and stops at the next statement when aborted', async () => {
    const retention = createRetention(pool, { rowsPerStatement: 4 });
    const insertExpired = (count: number) =>
      pool.query(
        `INSERT INTO "backbone"."Inbox" ("consumer", "eventId", "appliedAt")
         SELECT 'bulk', 'expired-' || n || '-' || $2, $1 FROM generate_series(1, $3) AS n`,
        [daysAgo(400), Math.random(), count],
      );
    await insertExpired(25);
    // Seven statements of at most four rows: one run, not one statement's worth a run.
    expect((await retention.prune({ now })).inboxRows).toBe(25);

    await insertExpired(10);
    const stopped = new AbortController();
    stopped.abort();
    expect(await retention.prune({ now, signal: stopped.signal })).toEqual({ events: 0, inboxRows: 0 });
    expect((await retention.prune({ now })).inboxRows).toBe(10);
  });

  it('answers the default until an admin chooses, and refuses days out of bounds with a code', async () => {
    const retention = createRetention(pool);
    expect(await retention.get('tenant-new')).toEqual({
      days: defaultLogRetentionDays,
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
    });
    for (const days of [0, 6, 3_651, 7.5, Number.NaN]) {
      await expect(retention.set('tenant-new', days, 'admin')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'days' },
      });
    }
    expect((await retention.get('tenant-new')).isDefault).toBe(true);
    const chosen = await retention.set('tenant-new', 365, 'admin');
    expect(await retention.get('tenant-new')).toEqual({
      ...chosen,
      days: 365,
      isDefault: false,
      updatedBy: 'admin',
    });
  });
});
