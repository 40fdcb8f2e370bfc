import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ResolvedConsumeOptions } from '../consume-options';
import { type DeadLetterStore, describeError, errorCodeOf, inTransaction } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import { domainsOf, notificationConcerns } from '../event-types';
import { isAfter } from '../log-position';
import type { BackboneMetrics } from '../metrics';
import type { NotificationListener } from '../notification-listener';
import { parseBackboneNotification } from '../outbox';
import type { BackboneLogger, Subscription } from '../port';
import { runInProcessingScope } from '../processing-scope';
import type { Retry } from '../retry';
import { Waker } from '../waker';

export interface PostgresConsumerSettings {
  /** Fallback poll when no notification arrives (e.g. a retry scheduled by another instance). */
  pollIntervalMs: number;
  /** How long a leased delivery stays with this instance; renewed while the handler runs. */
  leaseMs: number;
  /** Log rows read per dispatch round. */
  batchSize: number;
  /** Dispatched-but-unfinished rows per consumer; beyond it the log waits (bounds the claim query). */
  maxBacklog: number;
}

interface Deps {
  pool: pg.Pool;
  listener: NotificationListener;
  deadLetters: DeadLetterStore;
  logger: BackboneLogger;
  retry: Retry;
  settings: PostgresConsumerSettings;
  metrics: BackboneMetrics;
}

interface ClaimedDelivery {
  eventSeq: string;
  attempts: number;
  lastError: string | null;
  envelope: EventEnvelope;
}

/**
 * A durable consumer over backbone."EventLog".
 *
 * Dispatch: one instance at a time (row lock on its ConsumerOffset) copies new log rows of its types into
 * Delivery, in (xid, seq) order and only below pg_snapshot_xmin — every transaction that could still add a
 * row before that point has ended, so a late-committing transaction is never skipped.
 * Claim: any instance leases due Delivery rows that are the oldest of their partition (SKIP LOCKED), runs the
 * handler outside any transaction, then deletes the row, reschedules it with backoff, or dead-letters it.
 */
export async function startPostgresConsumer(
  deps: Deps,
  options: ResolvedConsumeOptions,
): Promise<Subscription> {
  const { pool, listener, logger, retry, settings, metrics } = deps;
  const { consumer, selector, handler, concurrency } = options;
  const instanceId = randomUUID();
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  const waker = new Waker();
  const wakeUp = waker.wake;
  let blockedDelayMs = minBlockedDelayMs;
  let errorDelayMs = minBlockedDelayMs;

  // With exact types only, the index on (type, xid, seq) finds the consumer's own rows after its offset;
  // a prefix needs the log read in order and its rows picked out.
  const exactTypesOnly = selector.prefixes.length === 0;

  await listener.start();
  await pool.query(
    `INSERT INTO "backbone"."ConsumerOffset" ("consumer", "updatedAt") VALUES ($1, now()) ON CONFLICT DO NOTHING`,
    [consumer],
  );

  const dispatch = () =>
    inTransaction(pool, async (client) => {
      const offset = await client.query<{ xid: string; seq: string }>(
        `SELECT "xid", "seq" FROM "backbone"."ConsumerOffset" WHERE "consumer" = $1 FOR UPDATE SKIP LOCKED`,
        [consumer],
      );
      const position = offset.rows[0];
      // Another instance is dispatching right now: claim what it dispatches shortly.
      if (!position) return { full: false, blocked: true };
      const state = await client.query<{ horizon: string; pending: number; head: string | null }>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon,
                (SELECT count(*) FROM "backbone"."Delivery" WHERE "consumer" = $1)::int AS pending,
                (SELECT max("seq") FROM "backbone"."EventLog") AS head`,
        [consumer],
      );
      const { horizon, pending, head } = state.rows[0]!;
      // Cheap estimate: queued deliveries plus log positions not scanned yet (all types; seq gaps count).
      metrics.lag(consumer, pending + Math.max(0, Number(head ?? 0) - Number(position.seq)));
      const room = Math.min(settings.batchSize, settings.maxBacklog - pending);
      if (room <= 0) return { full: false, blocked: false };
      const batch = await client.query<{ scanned: number; lastXid: string | null; lastSeq: string | null }>(
        `WITH batch AS (${exactTypesOnly ? ownRowsAfter : rowsAfter}), dispatched AS (
           INSERT INTO "backbone"."Delivery" ("consumer", "eventSeq", "eventXid", "partitionKey")
           SELECT $1, "seq", "xid", "partitionKey" FROM batch
           WHERE "type" = ANY($6::text[]) OR EXISTS (SELECT 1 FROM unnest($7::text[]) AS p WHERE starts_with("type", p))
           ON CONFLICT DO NOTHING
         )
         SELECT (SELECT count(*) FROM batch)::int AS scanned, last."xid" AS "lastXid", last."seq" AS "lastSeq"
         FROM (SELECT 1) AS one
         LEFT JOIN (SELECT "xid", "seq" FROM batch ORDER BY "xid" DESC, "seq" DESC LIMIT 1) AS last ON true`,
        [consumer, position.xid, position.seq, horizon, room, selector.exact, selector.prefixes],
      );
      const { scanned, lastXid, lastSeq } = batch.rows[0]!;
      const last = lastXid !== null && lastSeq !== null ? { xid: lastXid, seq: lastSeq } : null;
      // Reading only its own types, a consumer that found less than a full batch has every final row of
      // them: the offset moves to the horizon, past the other domains' rows, without reading them.
      const atHorizon = { xid: String(BigInt(horizon) - 1n), seq: lastSeqOfXid };
      const next = exactTypesOnly && scanned < room && isAfter(atHorizon, position) ? atHorizon : last;
      if (next) {
        await client.query(
          `UPDATE "backbone"."ConsumerOffset" SET "xid" = $2, "seq" = $3, "updatedAt" = now() WHERE "consumer" = $1`,
          [consumer, next.xid, next.seq],
        );
      }
      if (scanned === room) return { full: true, blocked: false };
      // Committed rows beyond the horizon wait for an older transaction to end; look again soon.
      // max() reads the end of the (xid, seq) index; `WHERE xid >= $1 LIMIT 1` was planned as a scan of the
      // whole log from its start (a third of a core during a load).
      const beyond = await client.query<{ blocked: boolean | null }>(
        'SELECT (SELECT max("xid") FROM "backbone"."EventLog") >= $1::bigint AS blocked',
        [horizon],
      );
      return { full: false, blocked: beyond.rows[0]?.blocked === true };
    });

  const claim = async (limit: number) => {
    const { rows } = await pool.query<ClaimedDelivery>(
      `WITH picked AS (
         SELECT c."eventSeq" FROM "backbone"."Delivery" c
         WHERE c."consumer" = $1 AND c."nextAttemptAt" <= now()
           AND (c."leasedUntil" IS NULL OR c."leasedUntil" < now())
           AND NOT EXISTS (
             SELECT 1 FROM "backbone"."Delivery" p
             WHERE p."consumer" = c."consumer" AND p."partitionKey" = c."partitionKey"
               AND (p."eventXid", p."eventSeq") < (c."eventXid", c."eventSeq"))
         ORDER BY c."eventXid", c."eventSeq"
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE "backbone"."Delivery" d
       SET "attempts" = d."attempts" + 1, "leasedUntil" = now() + $3::int * interval '1 millisecond',
           "leaseOwner" = $4
       FROM picked, "backbone"."EventLog" e
       WHERE d."consumer" = $1 AND d."eventSeq" = picked."eventSeq" AND e."seq" = d."eventSeq"
       RETURNING d."eventSeq", d."attempts", d."lastError", e."envelope"`,
      [consumer, limit, settings.leaseMs, instanceId],
    );
    return rows;
  };

  const finish = (eventSeq: string) =>
    pool.query('DELETE FROM "backbone"."Delivery" WHERE "consumer" = $1 AND "eventSeq" = $2', [
      consumer,
      eventSeq,
    ]);

  const deadLetter = async (delivery: ClaimedDelivery, lastError: string, errorCode: string) => {
    await inTransaction(pool, async (client) => {
      await deps.deadLetters.record(
        {
          consumer,
          event: delivery.envelope,
          eventSeq: delivery.eventSeq,
          attempts: delivery.attempts,
          lastError,
          errorCode,
        },
        client,
      );
      await client.query('DELETE FROM "backbone"."Delivery" WHERE "consumer" = $1 AND "eventSeq" = $2', [
        consumer,
        delivery.eventSeq,
      ]);
    });
    metrics.deadLettered(consumer);
  };

  const reschedule = async (delivery: ClaimedDelivery, lastError: string) => {
    const delayMs = retry.delayMs(delivery.attempts);
    await pool.query(
      `UPDATE "backbone"."Delivery"
       SET "nextAttemptAt" = now() + $3::int * interval '1 millisecond', "leasedUntil" = NULL,
           "leaseOwner" = NULL, "lastError" = $4
       WHERE "consumer" = $1 AND "eventSeq" = $2`,
      [consumer, delivery.eventSeq, delayMs, lastError],
    );
    setTimeout(wakeUp, delayMs).unref();
    metrics.retried(consumer, 1);
  };

  const deliver = async (delivery: ClaimedDelivery) => {
    // The previous holder of the lease died during the last allowed attempt.
    if (delivery.attempts > retry.policy.maxAttempts) {
      await deadLetter(
        { ...delivery, attempts: delivery.attempts - 1 },
        'lease expired during the last attempt: the handler did not finish (instance stopped or hung)',
        'INTERNAL',
      );
      return;
    }
    const scope = { consumer, retryCount: delivery.attempts - 1, duplicates: 0 };
    try {
      await runInProcessingScope(scope, () => handler({ ...delivery.envelope, sequence: delivery.eventSeq }));
    } catch (error) {
      const lastError = describeError(error);
      logger.warn(
        { consumer, eventId: delivery.envelope.id, attempt: delivery.attempts, err: lastError },
        'event handler failed',
      );
      if (retry.shouldDeadLetter(delivery.attempts))
        await deadLetter(delivery, lastError, errorCodeOf(error));
      else await reschedule(delivery, lastError);
      return;
    }
    await finish(delivery.eventSeq);
    metrics.handled(consumer, 1);
    metrics.duplicates(consumer, scope.duplicates);
  };

  const start = (delivery: ClaimedDelivery) => {
    const running = deliver(delivery)
      .catch((error: unknown) => {
        // The lease expires and another attempt follows: at-least-once.
        logger.error(
          { consumer, eventSeq: delivery.eventSeq, err: describeError(error) },
          'event backbone: could not record the outcome of a delivery',
        );
      })
      .finally(() => {
        inFlight.delete(delivery.eventSeq);
        wakeUp();
      });
    inFlight.set(delivery.eventSeq, running);
  };

  const renewLeases = () => {
    if (inFlight.size === 0) return;
    pool
      .query(
        `UPDATE "backbone"."Delivery" SET "leasedUntil" = now() + $3::int * interval '1 millisecond'
         WHERE "consumer" = $1 AND "leaseOwner" = $2 AND "eventSeq" = ANY($4::bigint[])`,
        [consumer, instanceId, settings.leaseMs, [...inFlight.keys()]],
      )
      .catch((error: unknown) =>
        logger.warn({ consumer, err: describeError(error) }, 'lease renewal failed'),
      );
  };

  const loop = async () => {
    while (!stopped) {
      waker.startRound();
      let waitMs = settings.pollIntervalMs;
      try {
        const dispatched = await dispatch();
        const free = concurrency - inFlight.size;
        if (free > 0 && !stopped) for (const delivery of await claim(free)) start(delivery);
        if (dispatched.full) waitMs = 0;
        else if (dispatched.blocked) {
          waitMs = blockedDelayMs;
          blockedDelayMs = Math.min(blockedDelayMs * 2, settings.pollIntervalMs);
        } else blockedDelayMs = minBlockedDelayMs;
        errorDelayMs = minBlockedDelayMs;
      } catch (error) {
        logger.warn(
          { consumer, err: describeError(error) },
          'event backbone: consumer round failed, retrying',
        );
        waitMs = errorDelayMs;
        errorDelayMs = Math.min(errorDelayMs * 2, maxErrorDelayMs);
      }
      if (!stopped && waitMs > 0) await waker.sleep(waitMs);
    }
  };

  // Woken by appends of its domains only; other rows are passed over at the next poll.
  const domains = domainsOf(selector);
  const unsubscribeNotify = listener.onNotify((payload) => {
    if (notificationConcerns(domains, parseBackboneNotification(payload).domains)) wakeUp();
  });
  const unsubscribeReconnect = listener.onReconnect(wakeUp);
  const leaseTimer = setInterval(renewLeases, settings.leaseMs / 3);
  const running = loop();

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribeNotify();
      unsubscribeReconnect();
      wakeUp();
      await running;
      await Promise.all(inFlight.values());
      clearInterval(leaseTimer);
    },
  };
}

/** Rows after the offset (in (xid, seq) order, below the horizon), whatever their type. */
const rowsAfter = `
  SELECT "seq", "xid", "type", "partitionKey" FROM "backbone"."EventLog"
   WHERE ("xid", "seq") > ($2::bigint, $3::bigint) AND "xid" < $4::bigint
   ORDER BY "xid", "seq" LIMIT $5`;

/** The same, of the consumer's exact types only: the first rows of each type, merged. */
const ownRowsAfter = `
  SELECT e."seq", e."xid", e."type", e."partitionKey"
    FROM unnest($6::text[]) AS t("type")
   CROSS JOIN LATERAL (
     SELECT "seq", "xid", "type", "partitionKey" FROM "backbone"."EventLog"
      WHERE "type" = t."type" AND ("xid", "seq") > ($2::bigint, $3::bigint) AND "xid" < $4::bigint
      ORDER BY "xid", "seq" LIMIT $5) AS e
   ORDER BY e."xid", e."seq" LIMIT $5`;

// Every row of a transaction below the horizon is final: an offset at (horizon - 1, this) has passed them.
const lastSeqOfXid = '9223372036854775807';

const minBlockedDelayMs = 10;
const maxErrorDelayMs = 5_000;
