import type pg from 'pg';
import { ConsumerLock } from '../consumer-lock';
import { describeError } from '../dead-letter-store';
import { domainOf } from '../envelope';
import type { NotificationListener } from '../notification-listener';
import type { BackboneLogger } from '../port';
import { Waker } from '../waker';
import { eventSubject, messageId, type NatsNaming } from './naming';
import type { OutgoingMessage } from './publisher';

interface RelayDeps {
  pool: pg.Pool;
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
  id: string;
  source: string;
  type: string;
  partitionKey: string;
  payload: string;
}

const batchSize = 2_000;
// Batches published and not yet acknowledged, at most.
const maxInFlight = 4;
// Rows acknowledged and not yet marked relayed, at most.
const maxUnmarked = 20_000;
// Rows marked in one statement, at most.
const markChunk = 10_000;
const minErrorDelayMs = 100;
const maxErrorDelayMs = 5_000;

/**
 * Moves outbox rows (backbone."EventLog" with relayedAt NULL) to JetStream. One relay works at a time (an
 * advisory lock held on a connection of its own; the others wait and take over), so rows leave in seq
 * order. It pipelines: batches of up to 2,000 rows go out with every acknowledgement in flight, the next
 * batches are read and published while earlier ones wait for their acknowledgements (up to 4 in flight),
 * and one writer marks what JetStream acknowledged relayed, as many rows a statement as are waiting
 * (concurrent marks of the same index pages slow each other down). The envelope is published as stored (its
 * JSON text), without parsing it. A crash between publish and mark publishes those rows again, which the
 * stream's Nats-Msg-Id duplicate window absorbs; a failed batch is read and published again.
 */
export async function startRelay(deps: RelayDeps): Promise<{ stop(): Promise<void> }> {
  const { pool, listener, logger, naming, pollIntervalMs } = deps;
  const lock = new ConsumerLock(deps.connection, 'outbox-relay', logger);
  const waker = new Waker();
  const inFlight: Promise<boolean>[] = [];
  let stopped = false;
  let errorDelayMs = minErrorDelayMs;
  const marker = new RelayedMarker(pool, logger);

  // Reads continue after the last row read (in flight or relayed), so each pass scans the index of
  // unrelayed rows once instead of again over rows in flight and over the dead entries marking leaves.
  const read = async (after: string) => {
    // Ordered like the (relayedAt, seq) index, and the envelope turned into text only for the rows picked:
    // with statistics that lag behind a fast-growing log the planner may otherwise convert every unrelayed
    // row before sorting.
    const { rows } = await lock.query<OutboxRow>(
      `SELECT "seq", "id", "source", "type", "partitionKey", "envelope"::text AS payload FROM (
         SELECT "seq", "id", "source", "type", "partitionKey", "envelope" FROM "backbone"."EventLog"
         WHERE "relayedAt" IS NULL AND "seq" > $1::bigint
         ORDER BY "relayedAt", "seq" LIMIT $2
       ) AS picked
       ORDER BY "seq"`,
      [after, batchSize],
    );
    return rows;
  };

  const publish = async (rows: OutboxRow[]) => {
    await Promise.all([...new Set(rows.map((row) => domainOf(row.type)))].map(deps.ensureStream));
    await deps.publish(
      rows.map((row) => ({
        subject: eventSubject(naming, { type: row.type, partitionkey: row.partitionKey }),
        payload: row.payload,
        msgId: messageId(row),
      })),
    );
    marker.add(rows.map((row) => row.seq));
  };

  /** Waits for the oldest batch in flight; false when it failed. */
  const settleOldest = async () => {
    const relayed = await inFlight[0]!;
    inFlight.shift();
    return relayed;
  };

  /** Waits until everything published is acknowledged and marked; false when something failed. */
  const settleAll = async () => {
    let relayed = true;
    while (inFlight.length > 0) relayed = (await settleOldest()) && relayed;
    return (await marker.drained()) && relayed;
  };

  /**
   * Relays until nothing is left; false when a batch failed (it is read again after a pause). A read that
   * comes back short means the relay reached the head of the log: it lets the batches in flight finish and
   * starts the next pass from the beginning, which also picks up rows whose transaction committed after
   * rows with a higher seq were read.
   */
  const drain = async () => {
    let after = '0';
    while (!stopped && lock.held) {
      const rows = await read(after);
      if (rows.length === 0) {
        if (!(await settleAll())) return false;
        if (after === '0') return true;
        after = '0';
        continue;
      }
      after = rows.at(-1)!.seq;
      const done = publish(rows).then(
        () => true,
        (error: unknown) => {
          logger.warn({ err: describeError(error) }, 'event backbone: outbox relay batch failed, retrying');
          return false;
        },
      );
      inFlight.push(done);
      const atHead = rows.length < batchSize;
      // Marking is the slower half: let it catch up before publishing further ahead of it.
      if (marker.backlog() >= maxUnmarked && !(await marker.drained())) return settleAll().then(() => false);
      if (atHead || inFlight.length >= maxInFlight) {
        const relayed = atHead ? await settleAll() : await settleOldest();
        if (!relayed) return settleAll().then(() => false);
        if (atHead) after = '0';
      }
    }
    return settleAll();
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
          if (await drain()) errorDelayMs = minErrorDelayMs;
          else {
            waitMs = errorDelayMs;
            errorDelayMs = Math.min(errorDelayMs * 2, maxErrorDelayMs);
          }
        }
      } catch (error) {
        await settleAll();
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
      await settleAll();
      await lock.release();
    },
  };
}

/**
 * Sets relayedAt on acknowledged rows, one statement at a time, each covering every row that waits. A failed
 * mark leaves its rows unrelayed: the next pass publishes them again and the duplicate window drops them.
 */
class RelayedMarker {
  private waiting: string[] = [];
  private running: Promise<void> | undefined;
  private failed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: BackboneLogger,
  ) {}

  add(seqs: string[]): void {
    this.waiting.push(...seqs);
    this.running ??= this.run();
  }

  backlog(): number {
    return this.waiting.length;
  }

  /** Resolves once nothing waits; false when a mark failed since the last call. */
  async drained(): Promise<boolean> {
    while (this.running) await this.running;
    const failed = this.failed;
    this.failed = false;
    return !failed;
  }

  private async run(): Promise<void> {
    while (this.waiting.length > 0) {
      const seqs = this.waiting.splice(0, markChunk);
      try {
        await this.pool.query(
          'UPDATE "backbone"."EventLog" SET "relayedAt" = now() WHERE "seq" = ANY($1::bigint[])',
          [seqs],
        );
      } catch (error) {
        this.failed = true;
        this.logger.warn({ err: describeError(error) }, 'event backbone: could not mark relayed rows');
      }
    }
    this.running = undefined;
  }
}
