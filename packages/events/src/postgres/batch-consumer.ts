import type pg from 'pg';
import { BatchAbandoned, type RunningBatchConsumer, runBatch } from '../batch-runner';
import type { ResolvedBatchConsumeOptions } from '../consume-options';
import { ConsumerLock } from '../consumer-lock';
import { type DeadLetterStore, describeError, errorCodeOf } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import { domainsOf, notificationConcerns } from '../event-types';
import { isAfter, type LogPosition } from '../log-position';
import type { BackboneMetrics } from '../metrics';
import type { NotificationListener } from '../notification-listener';
import { parseBackboneNotification } from '../outbox';
import type { BackboneLogger } from '../port';
import type { Retry } from '../retry';
import { Waker } from '../waker';
import type { PostgresConsumerSettings } from './consumer';

interface Deps {
  pool: pg.Pool;
  connection: pg.ClientConfig;
  listener: NotificationListener;
  deadLetters: DeadLetterStore;
  logger: BackboneLogger;
  retry: Retry;
  settings: PostgresConsumerSettings;
  metrics: BackboneMetrics;
}

interface LoggedEvent {
  seq: string;
  envelope: EventEnvelope;
}

// Log rows looked at per round, as a multiple of the batch size: a consumer of rare types still moves its
// offset over other domains' rows quickly, without one query reading the whole log.
const scanFactor = 4;
const minBlockedDelayMs = 10;
const maxErrorDelayMs = 5_000;
const nothingMore = async () => {};

/**
 * A batch consumer over backbone."EventLog". One instance at a time holds the consumer's lock (ConsumerLock);
 * it reads the rows after the consumer's offset in (xid, seq) order and below pg_snapshot_xmin (the gap-free
 * rule of the per-event consumer), runs handleBatch outside any transaction, and moves the offset only after
 * the batch ended (applied or dead-lettered). Rows that `deadLetters.replay` queued in Delivery for this name
 * are drained first. Other instances poll the lock and take over when the holder stops or its connection
 * dies; what the old holder applied but did not commit to the offset comes again, and applyBatchOnce absorbs
 * it.
 */
export async function startPostgresBatchConsumer(
  deps: Deps,
  options: ResolvedBatchConsumeOptions,
): Promise<RunningBatchConsumer> {
  const { pool, listener, logger, retry, settings, metrics } = deps;
  const { consumer, selector, maxBatchSize, handleBatch } = options;
  const lock = new ConsumerLock(deps.connection, `batch-consumer:${consumer}`, logger);
  const waker = new Waker();
  const stopWaker = new Waker();
  let stopped = false;
  let retrying = 0;
  let position: LogPosition | undefined;
  let readAhead: ReturnType<typeof readLog> | undefined;
  let blockedDelayMs = minBlockedDelayMs;
  let errorDelayMs = minBlockedDelayMs;

  await listener.start();
  await pool.query(
    `INSERT INTO "backbone"."ConsumerOffset" ("consumer", "updatedAt") VALUES ($1, now()) ON CONFLICT DO NOTHING`,
    [consumer],
  );

  const abandoned = () => stopped || !lock.held;
  /** How runBatch works here; `afterDeadLetter` runs once an event's dead letter is recorded. */
  const runDeps = <T extends LoggedEvent>(afterDeadLetter: (event: T) => Promise<void>) => ({
    consumer,
    handleBatch,
    retry,
    logger,
    metrics,
    eventOf: (row: T) => ({ ...row.envelope, sequence: row.seq }),
    deadLetter: async ({ item, attempts, error }: { item: T; attempts: number; error: unknown }) => {
      await deps.deadLetters.record({
        consumer,
        event: item.envelope,
        eventSeq: item.seq,
        attempts,
        lastError: describeError(error),
        errorCode: errorCodeOf(error),
      });
      await afterDeadLetter(item);
    },
    sleep: (ms: number) => stopWaker.sleep(ms),
    abandoned,
    onRetrying: (events: number) => {
      retrying = events;
    },
  });

  /** Records a dead letter for an event that kept killing (or stopping) its holder; it is not run again. */
  const giveUp = async (event: LoggedEvent, starts: number) => {
    await deps.deadLetters.record({
      consumer,
      event: event.envelope,
      eventSeq: event.seq,
      attempts: starts,
      lastError: `its batch was started ${starts} times without ending: the consumer crashed, hung or stopped while applying it`,
      errorCode: 'INTERNAL',
    });
    metrics.deadLettered(consumer);
  };

  /**
   * Events `deadLetters.replay` handed back to this consumer. Each start counts in Delivery.attempts: once a
   * drain did not end, they are applied one at a time, and one started more often than the policy allows
   * is dead-lettered again without being run.
   */
  const drainReplayed = async (): Promise<boolean> => {
    const { rows } = await lock.query<LoggedEvent & LogPosition & { attempts: number }>(
      `WITH due AS (
         SELECT d."eventSeq" FROM "backbone"."Delivery" d
          WHERE d."consumer" = $1 AND d."nextAttemptAt" <= now()
          ORDER BY d."eventXid", d."eventSeq" LIMIT $2
       )
       UPDATE "backbone"."Delivery" d SET "attempts" = d."attempts" + 1
         FROM due, "backbone"."EventLog" e
        WHERE d."consumer" = $1 AND d."eventSeq" = due."eventSeq" AND e."seq" = d."eventSeq"
       RETURNING d."eventSeq"::text AS seq, d."eventXid"::text AS xid, e."envelope", d."attempts"`,
      [consumer, maxBatchSize],
    );
    if (rows.length === 0) return false;
    rows.sort((a, b) => (isAfter(a, b) ? 1 : -1));
    const forget = async (seqs: string[]) => {
      await lock.query(
        'DELETE FROM "backbone"."Delivery" WHERE "consumer" = $1 AND "eventSeq" = ANY($2::bigint[])',
        [consumer, seqs],
      );
    };
    const unfinished = rows.some((row) => row.attempts > 1);
    const batch = unfinished ? rows.slice(0, 1) : rows;
    if (unfinished && batch[0]!.attempts > retry.policy.maxAttempts) {
      await giveUp(batch[0]!, batch[0]!.attempts - 1);
    } else {
      await runBatch(
        runDeps((row) => forget([row.seq])),
        batch,
      );
    }
    await forget(batch.map((row) => row.seq));
    return true;
  };

  const readLog = async (from: LogPosition) => {
    // The horizon as a value of its own: rows below it stay final, and the scan below gets a plan for
    // the actual bounds (an index scan that stops at the limit).
    const state = await lock.query<{ horizon: string; maxXid: string | null; head: string | null }>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon,
              (SELECT max("xid") FROM "backbone"."EventLog") AS "maxXid",
              (SELECT max("seq") FROM "backbone"."EventLog") AS head`,
      [],
    );
    const { horizon, maxXid, head } = state.rows[0]!;
    const scanLimit = maxBatchSize * scanFactor;
    // Rows in log order up to the batch's last event; envelopes of the consumer's types only.
    const { rows } = await lock.query<{ seq: string; xid: string; envelope: EventEnvelope | null }>(
      `SELECT "seq", "xid", "envelope" FROM (
         SELECT "seq", "xid", "matches", CASE WHEN "matches" THEN "envelope" END AS "envelope",
                count(*) FILTER (WHERE "matches") OVER (ORDER BY "xid", "seq") AS "matched"
         FROM (
           SELECT e."seq", e."xid", e."envelope",
                  (e."type" = ANY($4::text[])
                   OR EXISTS (SELECT 1 FROM unnest($5::text[]) AS p WHERE starts_with(e."type", p))) AS "matches"
           FROM "backbone"."EventLog" e
           WHERE (e."xid", e."seq") > ($1::bigint, $2::bigint) AND e."xid" < $3::bigint
           ORDER BY e."xid", e."seq" LIMIT $6
         ) AS scanned
       ) AS counted
       WHERE "matched" < $7 OR ("matched" = $7 AND "matches")
       ORDER BY "xid", "seq"`,
      [from.xid, from.seq, horizon, selector.exact, selector.prefixes, scanLimit, maxBatchSize],
    );
    const events = rows.filter((row): row is LoggedEvent & { xid: string } => row.envelope !== null);
    const last = rows.at(-1);
    // The offset passes every row returned: a full batch ends at its last event (what follows it is
    // scanned again next round), otherwise at the last row scanned.
    return {
      events,
      next: last ? { xid: last.xid, seq: last.seq } : undefined,
      more: events.length === maxBatchSize || rows.length === scanLimit,
      // Committed rows above the horizon wait for an older transaction to end.
      blocked: maxXid !== null && BigInt(maxXid) >= BigInt(horizon),
      head,
    };
  };

  // Moving the offset ends the count of starts there, and the suspect range once it is passed.
  const commitPosition = async (next: LogPosition) => {
    await lock.query(
      `UPDATE "backbone"."ConsumerOffset"
          SET "xid" = $2, "seq" = $3, "batchStarts" = 0, "updatedAt" = now(),
              "suspectXid" = CASE WHEN ($2::bigint, $3::bigint) >= ("suspectXid", "suspectSeq") THEN NULL ELSE "suspectXid" END,
              "suspectSeq" = CASE WHEN ($2::bigint, $3::bigint) >= ("suspectXid", "suspectSeq") THEN NULL ELSE "suspectSeq" END
        WHERE "consumer" = $1`,
      [consumer, next.xid, next.seq],
    );
    position = next;
  };

  /**
   * Counts a start of a batch at the offset. A batch started more often than the retry policy allows
   * without ending killed (or stopped) its holder each time: its end becomes the suspect range, and the
   * count starts over for the first event alone.
   */
  const recordStart = async (
    batchEnd: LogPosition,
  ): Promise<{ starts: number; suspect: LogPosition | null }> => {
    const { rows } = await lock.query<{
      starts: number;
      suspectXid: string | null;
      suspectSeq: string | null;
    }>(
      `UPDATE "backbone"."ConsumerOffset"
          SET "batchStarts" = CASE WHEN "suspectXid" IS NULL AND "batchStarts" >= $2 THEN 1 ELSE "batchStarts" + 1 END,
              "suspectXid" = CASE WHEN "suspectXid" IS NULL AND "batchStarts" >= $2 THEN $3::bigint ELSE "suspectXid" END,
              "suspectSeq" = CASE WHEN "suspectXid" IS NULL AND "batchStarts" >= $2 THEN $4::bigint ELSE "suspectSeq" END
        WHERE "consumer" = $1
        RETURNING "batchStarts" AS starts, "suspectXid"::text AS "suspectXid", "suspectSeq"::text AS "suspectSeq"`,
      [consumer, retry.policy.maxAttempts, batchEnd.xid, batchEnd.seq],
    );
    const row = rows[0]!;
    return {
      starts: row.starts,
      suspect: row.suspectXid === null ? null : { xid: row.suspectXid, seq: row.suspectSeq! },
    };
  };

  /** One round as the lock holder; returns how long to wait before the next. */
  const round = async (): Promise<number> => {
    if (!position) {
      const { rows } = await lock.query<LogPosition>(
        'SELECT "xid", "seq" FROM "backbone"."ConsumerOffset" WHERE "consumer" = $1',
        [consumer],
      );
      position = rows[0] ?? { xid: '0', seq: '0' };
    }
    if (await drainReplayed()) return 0;
    const read = await (readAhead ?? readLog(position));
    readAhead = undefined;
    const [first] = read.events;
    if (first) {
      const { starts, suspect } = await recordStart(read.events.at(-1)!);
      if (suspect && !isAfter(first, suspect)) {
        // Inside a batch that kept killing its holder: one event at a time, in log order.
        if (starts > retry.policy.maxAttempts) {
          await giveUp(first, starts - 1);
        } else {
          await runBatch(runDeps(nothingMore), [first]);
        }
        await commitPosition({ xid: first.xid, seq: first.seq });
        return 0;
      }
    }
    // While the handler applies this batch, the next one is read (rows after this batch are final
    // whatever the handler does: the batch ends applied or dead-lettered, or the read is dropped).
    if (read.more && read.next) {
      readAhead = readLog(read.next);
      readAhead.catch(() => {});
    }
    if (read.events.length > 0) await runBatch(runDeps(nothingMore), read.events);
    if (read.next) await commitPosition(read.next);
    // Cheap estimate: log positions after the offset (all types; seq gaps from refused duplicates count).
    metrics.lag(consumer, read.more ? Math.max(0, Number(read.head ?? 0) - Number(position.seq)) : 0);
    if (read.more) return 0;
    if (read.blocked) {
      const waitMs = blockedDelayMs;
      blockedDelayMs = Math.min(blockedDelayMs * 2, settings.pollIntervalMs);
      return waitMs;
    }
    blockedDelayMs = minBlockedDelayMs;
    return settings.pollIntervalMs;
  };

  const loop = async () => {
    while (!stopped) {
      waker.startRound();
      let waitMs = settings.pollIntervalMs;
      try {
        if (!(await lock.tryAcquire())) {
          // Another instance is active: look again later (not on every notification).
          position = undefined;
          readAhead = undefined;
          await stopWaker.sleep(settings.pollIntervalMs);
          continue;
        }
        waitMs = await round();
        errorDelayMs = minBlockedDelayMs;
      } catch (error) {
        position = undefined;
        readAhead = undefined;
        // A batch handed back on stop did not kill anything: it does not count as a start.
        if (error instanceof BatchAbandoned && stopped && lock.held) {
          await lock
            .query(
              'UPDATE "backbone"."ConsumerOffset" SET "batchStarts" = GREATEST("batchStarts" - 1, 0) WHERE "consumer" = $1',
              [consumer],
            )
            .catch(() => {});
        }
        if (!(error instanceof BatchAbandoned)) {
          logger.warn(
            { consumer, err: describeError(error) },
            'event backbone: batch round failed, retrying',
          );
          waitMs = errorDelayMs;
          errorDelayMs = Math.min(errorDelayMs * 2, maxErrorDelayMs);
        }
        if (!lock.held) await lock.release();
      }
      if (!stopped && waitMs > 0) await waker.sleep(waitMs);
    }
  };

  const wakeUp = () => waker.wake();
  // Woken by appends of its domains only; other rows are passed over at the next poll.
  const domains = domainsOf(selector);
  const unsubscribeNotify = listener.onNotify((payload) => {
    if (notificationConcerns(domains, parseBackboneNotification(payload).domains)) wakeUp();
  });
  const unsubscribeReconnect = listener.onReconnect(wakeUp);
  const running = loop();

  return {
    retrying: () => retrying,
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribeNotify();
      unsubscribeReconnect();
      stopWaker.wake();
      waker.wake();
      await running;
      await lock.release();
    },
  };
}
