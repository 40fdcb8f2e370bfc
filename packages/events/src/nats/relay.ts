import type pg from 'pg';
import { ConsumerLock } from '../consumer-lock';
import { describeError } from '../dead-letter-store';
import { domainOf } from '../envelope';
import { isAfter, type LogPosition } from '../log-position';
import type { NotificationListener } from '../notification-listener';
import type { BackboneLogger } from '../port';
import { Waker } from '../waker';
import { bundleRows } from './bundle';
import { eventAddress, type NatsNaming } from './naming';
import type { OutgoingMessage } from './publisher';

interface RelayDeps {
  /** For the relay's lock (one relay at a time) and its reads. */
  connection: pg.ClientConfig;
  listener: NotificationListener;
  logger: BackboneLogger;
  naming: NatsNaming;
  /** Creates the domain's stream when missing. */
  ensureStream: (domain: string) => Promise<unknown>;
  /** Publishes and waits for JetStream's acknowledgements of all of them. */
  publish: (messages: OutgoingMessage[]) => Promise<void>;
  pollIntervalMs: number;
}

interface OutboxRow {
  seq: string;
  xid: string;
  type: string;
  partitionKey: string;
  payload: string;
}

/** The relay's row in backbone."RelayPosition". */
export const RELAY_NAME = 'nats';
const batchSize = 2_000;
// Batches published and not yet acknowledged, at most.
const maxInFlight = 4;
const minErrorDelayMs = 100;
const maxErrorDelayMs = 5_000;
const minBlockedDelayMs = 10;

/**
 * Moves outbox rows (backbone."EventLog") to JetStream. One relay works at a time (an advisory lock held on a
 * connection of its own; the others wait and take over). It reads like the PostgreSQL consumers: in (xid, seq)
 * order and only below pg_snapshot_xmin, so a transaction that commits late is never skipped, and it keeps ONE
 * position (backbone."RelayPosition"), moved after each acknowledged batch — relaying writes a row a batch,
 * where stamping every event relayed cost PostgreSQL an update and an index entry per event. It pipelines:
 * batches of up to 2,000 rows go out with every acknowledgement in flight, and the next batches are read and
 * published while earlier ones wait (up to 4 in flight). Each message carries a run of up to 100 events of one
 * subject and bucket (`bundleRows`), their envelopes as stored (JSON text, not parsed). A crash between
 * publish and position publishes those rows again: the same runs are dropped by the stream's Nats-Msg-Id
 * duplicate window, runs cut differently reach the consumers' inboxes. A failed batch is read and published
 * again from the position.
 */
export async function startRelay(deps: RelayDeps): Promise<{ stop(): Promise<void> }> {
  const { listener, logger, naming, pollIntervalMs } = deps;
  const lock = new ConsumerLock(deps.connection, 'outbox-relay', logger);
  const waker = new Waker();
  let stopped = false;
  let errorDelayMs = minErrorDelayMs;
  let blockedDelayMs = minBlockedDelayMs;

  /** Where relaying goes on, and the end of what was sent before (beyond it when a crash cut it short). */
  const readPosition = async (): Promise<{ position: LogPosition; published: LogPosition }> => {
    const { rows } = await lock.query<LogPosition & { publishedXid: string; publishedSeq: string }>(
      `SELECT "xid"::text AS "xid", "seq"::text AS "seq",
              "publishedXid"::text AS "publishedXid", "publishedSeq"::text AS "publishedSeq"
         FROM "backbone"."RelayPosition" WHERE "relay" = $1`,
      [RELAY_NAME],
    );
    const row = rows[0] ?? { xid: '0', seq: '0', publishedXid: '0', publishedSeq: '0' };
    return {
      position: { xid: row.xid, seq: row.seq },
      published: { xid: row.publishedXid, seq: row.publishedSeq },
    };
  };

  const savePosition = (position: LogPosition) =>
    lock.query(
      `INSERT INTO "backbone"."RelayPosition" ("relay", "xid", "seq", "updatedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT ("relay") DO UPDATE SET "xid" = EXCLUDED."xid", "seq" = EXCLUDED."seq", "updatedAt" = now()`,
      [RELAY_NAME, position.xid, position.seq],
    );

  const savePublished = (published: LogPosition) =>
    lock.query(
      `INSERT INTO "backbone"."RelayPosition" ("relay", "publishedXid", "publishedSeq", "updatedAt")
       VALUES ($1, $2, $3, now())
       ON CONFLICT ("relay") DO UPDATE
         SET "publishedXid" = EXCLUDED."publishedXid", "publishedSeq" = EXCLUDED."publishedSeq", "updatedAt" = now()`,
      [RELAY_NAME, published.xid, published.seq],
    );

  /**
   * Final rows after `from` (up to `until`, when sending again what a crash left unconfirmed), and whether
   * committed rows wait above the horizon for an older transaction.
   */
  const read = async (from: LogPosition, until: LogPosition | undefined) => {
    // The horizon as a value of its own, so the scan gets a plan for the actual bounds.
    const state = await lock.query<{ horizon: string; maxXid: string | null }>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
              (SELECT max("xid") FROM "backbone"."EventLog")::text AS "maxXid"`,
      [],
    );
    const { horizon, maxXid } = state.rows[0]!;
    const { rows } = await lock.query<OutboxRow>(
      // Qualified: ORDER BY a bare name would sort by the text output columns.
      `SELECT e."seq"::text AS "seq", e."xid"::text AS "xid", e."type", e."partitionKey",
              e."envelope"::text AS payload
         FROM "backbone"."EventLog" e
        WHERE (e."xid", e."seq") > ($1::bigint, $2::bigint) AND e."xid" < $3::bigint
          ${until ? 'AND (e."xid", e."seq") <= ($5::bigint, $6::bigint)' : ''}
        ORDER BY e."xid", e."seq" LIMIT $4`,
      [from.xid, from.seq, horizon, batchSize, ...(until ? [until.xid, until.seq] : [])],
    );
    return { rows, blocked: maxXid !== null && BigInt(maxXid) >= BigInt(horizon) };
  };

  const publish = async (rows: OutboxRow[]) => {
    await Promise.all([...new Set(rows.map((row) => domainOf(row.type)))].map(deps.ensureStream));
    await deps.publish(
      bundleRows(
        rows.map((row) => ({
          seq: row.seq,
          xid: row.xid,
          payload: row.payload,
          ...eventAddress(naming, { type: row.type, partitionkey: row.partitionKey }),
        })),
      ),
    );
  };

  /**
   * Relays until nothing final is left; returns how long to wait before the next round (short while rows wait
   * for an older transaction, the poll interval when idle). Throws when a batch failed: the next round starts
   * again from the saved position.
   */
  const drain = async (): Promise<number> => {
    const saved = await readPosition();
    let readFrom = saved.position;
    // Batches are cut where they were the first time (full ones at batchSize, the last at `published`), so
    // their messages carry the same ids.
    let resend = isAfter(saved.published, readFrom) ? saved.published : undefined;
    const inFlight: { done: Promise<void>; last: LogPosition }[] = [];
    const settleOldest = async () => {
      const oldest = inFlight.shift()!;
      await oldest.done;
      await savePosition(oldest.last);
    };
    try {
      while (!stopped && lock.held) {
        const resending = resend !== undefined;
        const { rows, blocked } = await read(readFrom, resend);
        const last = rows.at(-1);
        if (last) {
          readFrom = { xid: last.xid, seq: last.seq };
          if (!resending) await savePublished(readFrom);
          const done = publish(rows);
          done.catch(() => {});
          inFlight.push({ done, last: readFrom });
        }
        if (resend && (!last || !isAfter(resend, readFrom))) resend = undefined;
        // A batch cut at the resend's end is followed by newer rows at once.
        const full = rows.length === batchSize || resending;
        if (full && inFlight.length < maxInFlight) continue;
        if (full) {
          await settleOldest();
          continue;
        }
        while (inFlight.length > 0) await settleOldest();
        if (!blocked) {
          blockedDelayMs = minBlockedDelayMs;
          return pollIntervalMs;
        }
        const waitMs = blockedDelayMs;
        blockedDelayMs = Math.min(blockedDelayMs * 2, pollIntervalMs);
        return waitMs;
      }
      while (inFlight.length > 0) await settleOldest();
      return pollIntervalMs;
    } finally {
      // A failure leaves later batches unsaved; wait for them so none is still publishing into the next round.
      await Promise.allSettled(inFlight.map((batch) => batch.done));
    }
  };

  await listener.start();
  const unsubscribeNotify = listener.onNotify(waker.wake);
  const unsubscribeReconnect = listener.onReconnect(waker.wake);
  const running = (async () => {
    while (!stopped) {
      waker.startRound();
      let waitMs = pollIntervalMs;
      try {
        if (await lock.tryAcquire()) {
          waitMs = await drain();
          errorDelayMs = minErrorDelayMs;
        }
      } catch (error) {
        logger.warn({ err: describeError(error) }, 'event backbone: outbox relay round failed, retrying');
        waitMs = errorDelayMs;
        errorDelayMs = Math.min(errorDelayMs * 2, maxErrorDelayMs);
        if (!lock.held) await lock.release();
      }
      if (!stopped && waitMs > 0) await waker.sleep(waitMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      unsubscribeNotify();
      unsubscribeReconnect();
      waker.wake();
      await running;
      await lock.release();
    },
  };
}

/** Rows the relay has not published yet (of one type, when given) and when the oldest of them was appended. */
export async function relayBacklog(
  db: { query(sql: string, values: unknown[]): Promise<{ rows: unknown[] }> },
  type?: string,
): Promise<{ waiting: number; oldest: Date | null }> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS "waiting", min(e."createdAt") AS "oldest"
       FROM "backbone"."EventLog" e
       LEFT JOIN "backbone"."RelayPosition" p ON p."relay" = $1
      WHERE (e."xid", e."seq") > (COALESCE(p."xid", 0), COALESCE(p."seq", 0))
        AND ($2::text IS NULL OR e."type" = $2)`,
    [RELAY_NAME, type ?? null],
  );
  return rows[0] as { waiting: number; oldest: Date | null };
}
