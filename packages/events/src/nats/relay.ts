import type pg from 'pg';
import { describeError, inTransaction } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import type { NotificationListener } from '../notification-listener';
import type { BackboneLogger } from '../port';
import { Waker } from '../waker';

interface RelayDeps {
  pool: pg.Pool;
  listener: NotificationListener;
  logger: BackboneLogger;
  /** Publishes and waits for JetStream's acknowledgements. */
  publish: (events: EventEnvelope[]) => Promise<void>;
  pollIntervalMs: number;
}

const batchSize = 200;
const maxErrorDelayMs = 5_000;

/**
 * Moves outbox rows (backbone."EventLog" with relayedAt NULL) to JetStream. One relay works at a time (a
 * transaction-level advisory lock), so events leave in log order; the rows stay locked (SKIP LOCKED) until
 * JetStream has acknowledged them. A crash between publish and commit publishes them again, which the
 * stream's Nats-Msg-Id duplicate window absorbs.
 */
export async function startRelay(deps: RelayDeps): Promise<{ stop(): Promise<void> }> {
  const { pool, listener, logger, publish, pollIntervalMs } = deps;
  const waker = new Waker();
  let stopped = false;
  let errorDelayMs = 100;

  const relayBatch = () =>
    inTransaction(pool, async (client) => {
      const lock = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('meridian_backbone_relay')) AS locked`,
      );
      if (!lock.rows[0]?.locked) return 0;
      const { rows } = await client.query<{ seq: string; envelope: EventEnvelope }>(
        `SELECT "seq", "envelope" FROM "backbone"."EventLog" WHERE "relayedAt" IS NULL
         ORDER BY "seq" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      await publish(rows.map((row) => row.envelope));
      await client.query(
        'UPDATE "backbone"."EventLog" SET "relayedAt" = now() WHERE "seq" = ANY($1::bigint[])',
        [rows.map((row) => row.seq)],
      );
      return rows.length;
    });

  await listener.start();
  const unsubscribeNotify = listener.onNotify(waker.wake);
  const unsubscribeReconnect = listener.onReconnect(waker.wake);
  const running = (async () => {
    while (!stopped) {
      waker.startRound();
      let waitMs = pollIntervalMs;
      try {
        if ((await relayBatch()) === batchSize) waitMs = 0;
        errorDelayMs = 100;
      } catch (error) {
        logger.warn({ err: describeError(error) }, 'event backbone: outbox relay round failed, retrying');
        waitMs = errorDelayMs;
        errorDelayMs = Math.min(errorDelayMs * 2, maxErrorDelayMs);
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
    },
  };
}
