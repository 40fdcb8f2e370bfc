import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import { type NatsConnection, type Subscription as NatsSubscription, nanos } from '@nats-io/transport-node';
import type pg from 'pg';
import { BatchAbandoned, type BatchRunnerDeps, type RunningBatchConsumer, runBatch } from '../batch-runner';
import type { ResolvedBatchConsumeOptions } from '../consume-options';
import { ConsumerLock } from '../consumer-lock';
import { type DeadLetterStore, describeError, errorCodeOf } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import { matchesType, selectorsByDomain } from '../event-types';
import type { BackboneMetrics } from '../metrics';
import type { BackboneLogger } from '../port';
import type { Retry } from '../retry';
import { Semaphore } from '../semaphore';
import { Waker } from '../waker';
import { eventsOfMessage } from './bundle';
import { watchDeliveryLimit } from './delivery-limit';
import type { EventStarts } from './event-starts';
import { filterSubject, type NatsNaming, replaySubject } from './naming';
import { type Pull, type PulledMessage, pull } from './pull';
import type { JetStreamTopology } from './topology';

interface Deps {
  nc: NatsConnection;
  jsm: JetStreamManager;
  topology: JetStreamTopology;
  naming: NatsNaming;
  deadLetters: DeadLetterStore;
  eventStarts: EventStarts;
  logger: BackboneLogger;
  retry: Retry;
  metrics: BackboneMetrics;
  ackWaitMs: number;
  /** Connection for the consumer lock (PostgreSQL: the backbone needs it anyway). */
  connection: pg.ClientConfig;
  /** How often a waiting instance checks whether the lock is free. */
  lockPollIntervalMs: number;
}

interface Source {
  stream: string;
  durable: string;
  /** The consumer's events still waiting in this JetStream consumer, as the last pull said (estimated). */
  pending: number;
  /** Events of the batch in hand not applied yet. */
  inHand: number;
}

interface Item {
  message: PulledMessage;
  event: EventEnvelope;
  sequence: string;
}

// How long an idle pull request waits for a message. The next holder of the lock waits this long for
// requests of a dead holder to expire before it looks at what that holder left unacknowledged.
const idlePullMs = 1_000;

/**
 * A batch consumer on JetStream: one durable JetStream consumer per domain stream it reads (named like the
 * consumer, all partition buckets, stream order) plus one on the replay stream. One instance at a time holds
 * the consumer lock (a PostgreSQL advisory lock) and pulls: a no-wait pull of up to maxBatchSize messages,
 * or, when nothing is ready, a waiting pull of one followed by a no-wait pull of the rest. handleBatch gets
 * their events in runs of up to maxBatchSize, and a message is acknowledged once all its events ended
 * (applied or dead-lettered); an abandoned batch is nak'ed, so it comes back first, in order. A new holder
 * whose predecessor died holding messages waits one ack wait, until they are due for redelivery, so they
 * come before newer ones (per-partition order). A message delivered more than maxAttempts times kept ending
 * its holders: its events are then applied one at a time, each start counted in PostgreSQL, and the one that
 * still ends its holder is dead-lettered alone before the delivery limit would take the whole message.
 */
export async function startNatsBatchConsumer(
  deps: Deps,
  options: ResolvedBatchConsumeOptions,
): Promise<RunningBatchConsumer> {
  const { nc, jsm, topology, naming, deadLetters, eventStarts, logger, retry, metrics, ackWaitMs } = deps;
  const { consumer, selector, maxBatchSize, handleBatch } = options;
  const lock = new ConsumerLock(deps.connection, `batch-consumer:${consumer}`, logger);
  const stopWaker = new Waker();
  const handling = new Semaphore(1);
  const pulls = new Set<Pull>();
  // Messages pulled and not yet acknowledged, terminated or handed back (the batch in hand and the next).
  const held = new Set<PulledMessage>();
  const advisories: NatsSubscription[] = [];
  let stopped = false;
  // Set when one source failed: the others stop too, and the holder starts over.
  let failed = false;
  let retrying = 0;

  const suspectAfterDeliveries = retry.policy.maxAttempts;
  const maxDeliveries = suspectAfterDeliveries * 2;
  const isSuspect = (message: PulledMessage) => message.deliveryCount > suspectAfterDeliveries;

  const durableConfig = (filter_subject: string) => ({
    durable_name: consumer,
    filter_subject,
    // Room for the batch in hand, the one pulled ahead, and acknowledgements not processed yet.
    max_ack_pending: maxBatchSize * 3,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    // Redeliveries happen only when a holder stopped, died or hung (retries run in memory), so the limit
    // leaves room for restarts: past maxAttempts a message's events are applied alone (applyAlone), and the
    // delivery-limit advisory dead-letters what still reaches the limit (a holder that hangs on it).
    max_deliver: maxDeliveries,
    ack_wait: nanos(ackWaitMs),
  });

  const sources: Source[] = [];
  for (const [domain, domainSelector] of selectorsByDomain(selector)) {
    const stream = await topology.domainStream(domain);
    await topology.durableConsumer(stream, durableConfig(filterSubject(naming, domain, domainSelector, '*')));
    sources.push({ stream, durable: consumer, pending: 0, inHand: 0 });
    advisories.push(watchDeliveryLimit(deps, consumer, stream));
  }
  const replayStream = await topology.replayStream();
  await topology.durableConsumer(replayStream, durableConfig(replaySubject(naming, consumer)));
  sources.push({ stream: replayStream, durable: consumer, pending: 0, inHand: 0 });
  advisories.push(watchDeliveryLimit(deps, consumer, replayStream));

  const abandoned = () => stopped || failed || !lock.held;
  // A pull takes up to maxBatchSize messages and stops at about maxBatchSize events' worth of bytes (a relayed
  // message carries up to 100 events); a message larger than that still comes through the idle pull of one.
  const batchRequest = { batch: maxBatchSize, maxBytes: Math.max(2 * 1024 * 1024, maxBatchSize * 2048) };

  const pullFrom = async (source: Source, request: Parameters<typeof pull>[3]) => {
    const pending = pull(nc, source.stream, source.durable, request);
    pulls.add(pending);
    try {
      const messages = await pending.messages;
      for (const message of messages) held.add(message);
      return messages;
    } finally {
      pulls.delete(pending);
    }
  };

  const settle = (message: PulledMessage, outcome: 'ack' | 'nak' | 'term') => {
    held.delete(message);
    message[outcome]();
  };

  const reportLag = () =>
    metrics.lag(
      consumer,
      sources.reduce((sum, source) => sum + source.pending + source.inHand, 0),
    );

  /** The batch's events in message order, and after how many of them each message is done. */
  const eventsOf = (messages: PulledMessage[]) => {
    const items: Item[] = [];
    const ends: { message: PulledMessage; end: number }[] = [];
    for (const message of messages) {
      try {
        const delivered = eventsOfMessage(message.json(), message.seq, (error, index) =>
          logger.error(
            { consumer, subject: message.subject, seq: message.seq, index, err: describeError(error) },
            'event backbone: a relayed entry is not a valid event envelope; skipping it',
          ),
        );
        for (const { event, sequence } of delivered) {
          if (matchesType(selector, event.type)) items.push({ message, event, sequence });
        }
        ends.push({ message, end: items.length });
      } catch (error) {
        logger.error(
          { consumer, subject: message.subject, seq: message.seq, err: describeError(error) },
          'event backbone: message is not a valid event envelope; terminating it',
        );
        settle(message, 'term');
      }
    }
    return { items, ends };
  };

  const runOptions: BatchRunnerDeps<Item> = {
    consumer,
    handleBatch,
    retry,
    logger,
    metrics,
    eventOf: (item) => ({ ...item.event, sequence: item.sequence }),
    // The message is acknowledged with the rest of its events: the letter is in PostgreSQL.
    deadLetter: ({ item, attempts, error }) =>
      deadLetters.record({
        consumer,
        event: item.event,
        attempts,
        lastError: describeError(error),
        errorCode: errorCodeOf(error),
      }),
    sleep: (ms) => stopWaker.sleep(ms),
    abandoned,
    onRetrying: (events) => {
      retrying = events;
    },
  };

  /**
   * An event of a message that kept ending its holders, applied alone. One that ended its holder alone
   * maxAttempts - 1 times before, or at all before on the message's last delivery, is dead-lettered without
   * another attempt; the rest of the message goes on.
   */
  const applyAlone = async (item: Item) => {
    const startsBefore = await eventStarts.begin(consumer, item.event.id);
    const lastDelivery = item.message.deliveryCount >= maxDeliveries;
    if (startsBefore >= suspectAfterDeliveries - 1 || (lastDelivery && startsBefore > 0)) {
      await deadLetters.record({
        consumer,
        event: item.event,
        attempts: startsBefore,
        lastError: `its message was delivered ${item.message.deliveryCount - 1} times without being acknowledged, and the event, applied alone, was started ${startsBefore} times without ending: the consumer crashed, hung or stopped while applying it`,
        errorCode: 'INTERNAL',
      });
      metrics.deadLettered(consumer);
    } else {
      try {
        await runBatch(runOptions, [item]);
      } catch (error) {
        // Its holder stopped or lost the lock: not a start that ended the process (a lost undo costs a start).
        await eventStarts.undo(consumer, item.event.id).catch(() => {});
        throw error;
      }
    }
    await eventStarts.end(consumer, [item.event.id]);
  };

  /** Runs of at most maxBatchSize events, as [from, to) of the items; each event of a suspect message alone. */
  const runsOf = (items: Item[]) => {
    const runs: { from: number; to: number; alone: boolean }[] = [];
    for (let from = 0; from < items.length; ) {
      let to = from + 1;
      const alone = isSuspect(items[from]!.message);
      if (!alone) {
        while (to < items.length && to - from < maxBatchSize && !isSuspect(items[to]!.message)) to++;
      }
      runs.push({ from, to, alone });
      from = to;
    }
    return runs;
  };

  /**
   * Applies the events of the pulled messages in runs of at most maxBatchSize events (a relayed message
   * carries up to 100), acknowledging each message once all its events ended (applied or dead-lettered).
   */
  const handle = async (source: Source, messages: PulledMessage[]) => {
    const { items, ends } = eventsOf(messages);
    // JetStream counts messages; the lag gauge estimates events from this batch's events per message.
    source.pending = Math.round((messages.at(-1)!.pending * Math.max(items.length, 1)) / messages.length);
    source.inHand = items.length;
    reportLag();
    let acknowledged = 0;
    const acknowledgeUpTo = (done: number) => {
      while (acknowledged < ends.length && ends[acknowledged]!.end <= done) {
        settle(ends[acknowledged]!.message, 'ack');
        acknowledged++;
      }
    };
    try {
      acknowledgeUpTo(0);
      for (const { from, to, alone } of runsOf(items)) {
        if (alone) await applyAlone(items[from]!);
        else await runBatch(runOptions, items.slice(from, to));
        acknowledgeUpTo(to);
        source.inHand = items.length - to;
        reportLag();
      }
      source.inHand = 0;
      reportLag();
    } catch (error) {
      // Handed back in order: the next pull, by this instance or the next holder, gets them first.
      for (const { message } of ends.slice(acknowledged)) settle(message, 'nak');
      source.inHand = 0;
      throw error;
    }
  };

  const readSource = async (source: Source, queued: PulledMessage[][] = []) => {
    // After a full batch the next one is pulled while the handler applies this one.
    let ahead: Promise<PulledMessage[]> | undefined;
    try {
      while (!abandoned()) {
        let messages = queued.shift() ?? (await (ahead ?? pullFrom(source, batchRequest)));
        ahead = undefined;
        if (messages.length === 0) {
          // Nothing was ready: nothing waits, whatever the last batch's messages said when they came.
          source.pending = 0;
          reportLag();
          messages = await pullFrom(source, { batch: 1, expiresMs: idlePullMs });
          if (messages.length > 0 && maxBatchSize > 1 && !abandoned()) {
            messages = messages.concat(await pullFrom(source, { ...batchRequest, batch: maxBatchSize - 1 }));
          }
        }
        if (messages.length === 0) continue;
        if (abandoned()) {
          for (const message of messages) settle(message, 'nak');
          break;
        }
        if (messages.at(-1)!.pending > 0 && queued.length === 0) {
          ahead = pullFrom(source, batchRequest);
        }
        await handling.acquire();
        try {
          await handle(source, messages);
        } finally {
          handling.release();
        }
      }
    } finally {
      // Handed back after the batch before them (nak'ed first, so redelivered first).
      for (const message of queued.flat()) settle(message, 'nak');
      for (const message of (await ahead) ?? []) settle(message, 'nak');
    }
  };

  /**
   * Before pulling as the new holder. A predecessor that stopped cleanly acknowledged its batch and handed
   * back the one it had pulled ahead (due at once, so they come first). One that died still holds its
   * messages until their ack wait runs out, and anything pulled before then would overtake them. So: let a
   * dead holder's waiting pull requests expire, then pull once and compare with what the server counts as
   * unacknowledged. If it is all in hand, carry on with it; otherwise leave it unacknowledged (it falls due
   * after the dead holder's messages) and wait one ack wait. The pull takes up to two batches, as much as a
   * clean predecessor hands back. Returns what was pulled, per source, in batches.
   */
  const settleTakeover = async (): Promise<Map<Source, PulledMessage[][]>> => {
    const firstBatches = new Map<Source, PulledMessage[][]>();
    const infos = await Promise.all(
      sources.map((source) => jsm.consumers.info(source.stream, source.durable)),
    );
    if (infos.some((info) => info.num_waiting > 0)) await stopWaker.sleep(idlePullMs + 100);
    let heldElsewhere = false;
    for (const source of sources) {
      const before = await jsm.consumers.info(source.stream, source.durable);
      if (before.num_ack_pending === 0) continue;
      const probe = await pullFrom(source, { batch: maxBatchSize * 2, maxBytes: batchRequest.maxBytes * 2 });
      const after = await jsm.consumers.info(source.stream, source.durable);
      if (after.num_ack_pending <= probe.length) {
        firstBatches.set(source, [probe]);
        continue;
      }
      heldElsewhere = true;
      for (const message of probe) held.delete(message);
    }
    if (heldElsewhere) {
      logger.info({ consumer }, "batch consumer: waiting for the previous holder's messages to fall due");
      await stopWaker.sleep(ackWaitMs + 100);
    }
    return firstBatches;
  };

  const loop = async () => {
    while (!stopped) {
      try {
        const wasHolding = lock.held;
        if (!(await lock.tryAcquire())) {
          await stopWaker.sleep(deps.lockPollIntervalMs);
          continue;
        }
        const firstBatches = wasHolding ? new Map<Source, PulledMessage[][]>() : await settleTakeover();
        failed = false;
        const readers = sources.map((source) =>
          readSource(source, firstBatches.get(source)).catch((error: unknown) => {
            failed = true;
            for (const pending of pulls) pending.cancel();
            throw error;
          }),
        );
        const results = await Promise.allSettled(readers);
        for (const result of results) {
          if (result.status === 'rejected' && !(result.reason instanceof BatchAbandoned)) throw result.reason;
        }
      } catch (error) {
        if (!(error instanceof BatchAbandoned)) {
          logger.warn(
            { consumer, err: describeError(error) },
            'event backbone: batch consumer failed, retrying',
          );
          await stopWaker.sleep(500);
        }
      }
      if (!lock.held) await lock.release();
    }
  };

  // Once the lock is lost the messages must fall due for the next holder: no more extensions.
  const heartbeat = setInterval(() => {
    if (abandoned()) return;
    for (const message of held) message.working();
  }, ackWaitMs / 3);
  const running = loop();

  return {
    retrying: () => retrying,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopWaker.wake();
      for (const pending of pulls) pending.cancel();
      await running;
      clearInterval(heartbeat);
      // The server has the acknowledgements before the next holder looks at what is unacknowledged.
      await nc.flush().catch(() => {});
      await lock.release();
      for (const advisory of advisories) advisory.unsubscribe();
    },
  };
}
