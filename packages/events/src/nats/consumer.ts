import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { type NatsConnection, type Subscription as NatsSubscription, nanos } from '@nats-io/transport-node';
import type { ResolvedConsumeOptions } from '../consume-options';
import { type DeadLetterStore, describeError, errorCodeOf } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import { matchesType, selectorsByDomain } from '../event-types';
import type { BackboneMetrics } from '../metrics';
import type { BackboneLogger, Subscription } from '../port';
import { runInProcessingScope } from '../processing-scope';
import type { Retry } from '../retry';
import { Semaphore } from '../semaphore';
import { type DeliveredEvent, eventsOfMessage } from './bundle';
import { watchDeliveryLimit } from './delivery-limit';
import { durableName, filterSubject, type NatsNaming, replaySubject } from './naming';
import type { JetStreamTopology } from './topology';

interface Deps {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: JetStreamTopology;
  naming: NatsNaming;
  deadLetters: DeadLetterStore;
  logger: BackboneLogger;
  retry: Retry;
  /** Time an instance may hold a message unacknowledged; renewed while the handler runs. */
  ackWaitMs: number;
  metrics: BackboneMetrics;
}

/**
 * A durable consumer on JetStream. Per domain stream it keeps one JetStream consumer per partition bucket
 * (MaxAckPending 1: per-partition order, buckets shared by competing instances), plus one on the replay
 * stream. A failed handler of an event in a message of its own is nak'ed with the full-jitter delay of the
 * retry policy; its last allowed attempt writes the dead letter and terminates the message. A relayed run of
 * events is handled in order, each event with its own attempts (handleRun). A message whose instance died holding it
 * comes back after the ack wait; when that was its last allowed delivery, the max-deliveries advisory
 * dead-letters it.
 */
export async function startNatsConsumer(deps: Deps, options: ResolvedConsumeOptions): Promise<Subscription> {
  const { js, topology, naming, deadLetters, logger, retry, ackWaitMs, metrics } = deps;
  const { consumer, selector, handler, concurrency } = options;
  const maxAttempts = retry.policy.maxAttempts;
  const semaphore = new Semaphore(concurrency);
  const loops: { messages: ConsumerMessages; done: Promise<void> }[] = [];
  const advisories: NatsSubscription[] = [];
  let stopped = false;
  let stopSignal!: () => void;
  const stopping = new Promise<void>((resolve) => {
    stopSignal = resolve;
  });
  /** Waits between attempts; ends early when the consumer stops. */
  const untilStopped = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, ms))), stopping]);
    clearTimeout(timer);
  };
  // Messages each JetStream consumer still had to deliver, as its last delivery said: the lag gauge.
  const pendingByDurable = new Map<string, number>();
  const reportLag = (message: JsMsg) => {
    pendingByDurable.set(message.info.consumer, message.info.pending);
    let lag = 0;
    for (const pending of pendingByDurable.values()) lag += pending;
    metrics.lag(consumer, lag);
  };

  const durableConfig = (durable_name: string, filter_subject: string, max_ack_pending: number) => ({
    durable_name,
    filter_subject,
    max_ack_pending,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_deliver: maxAttempts,
    // No BackOff list: NATS 2.9 measures a nak delay against BackOff[deliveries - 1] instead of the ack
    // wait, which would stretch the policy's delays by the difference. The policy's delays come from nak.
    ack_wait: nanos(ackWaitMs),
  });

  const handled = (scope: { duplicates: number }) => {
    metrics.handled(consumer, 1);
    metrics.duplicates(consumer, scope.duplicates);
  };

  const recordDeadLetter = async (event: EventEnvelope, attempts: number, error: unknown) => {
    await deadLetters.record({
      consumer,
      event,
      attempts,
      lastError: describeError(error),
      errorCode: errorCodeOf(error),
    });
    metrics.deadLettered(consumer);
  };

  /** One event in its own message: a failure is nak'ed with the policy's delay, so NATS counts its attempts. */
  const handleSingle = async (message: JsMsg, { event, sequence }: DeliveredEvent) => {
    const attempt = message.info.deliveryCount;
    const scope = { consumer, retryCount: attempt - 1, duplicates: 0 };
    try {
      await runInProcessingScope(scope, () => handler({ ...event, sequence }));
    } catch (error) {
      logger.warn(
        { consumer, eventId: event.id, attempt, err: describeError(error) },
        'event handler failed',
      );
      if (!retry.shouldDeadLetter(attempt)) {
        message.nak(retry.delayMs(attempt));
        metrics.retried(consumer, 1);
        return;
      }
      try {
        await recordDeadLetter(event, attempt, error);
        message.term();
      } catch (recordError) {
        // The server gives up after this delivery; the max-deliveries advisory records it instead.
        logger.error(
          { consumer, eventId: event.id, err: describeError(recordError) },
          'could not record dead letter',
        );
        message.nak(retry.delayMs(attempt));
      }
      return;
    }
    message.ack();
    handled(scope);
  };

  /**
   * A relayed run of events, in order. Each event gets the policy's attempts here, with the policy's delays
   * between them (the bucket waits either way: MaxAckPending 1), so a failing event does not spend the
   * attempts of the run's other events; NATS's delivery count only counts instances that died or stopped
   * holding the run. The run is acknowledged once every event ended (applied or dead-lettered); after a
   * redelivery the events already applied come again and the handlers' inbox absorbs them.
   */
  const handleRun = async (message: JsMsg, events: DeliveredEvent[]) => {
    for (const { event, sequence } of events) {
      for (let attempt = 1; ; attempt++) {
        if (stopped) {
          message.nak();
          return;
        }
        const scope = { consumer, retryCount: attempt - 1, duplicates: 0 };
        try {
          await runInProcessingScope(scope, () => handler({ ...event, sequence }));
          handled(scope);
          break;
        } catch (error) {
          logger.warn(
            { consumer, eventId: event.id, attempt, err: describeError(error) },
            'event handler failed',
          );
          if (!retry.shouldDeadLetter(attempt)) {
            metrics.retried(consumer, 1);
            await untilStopped(retry.delayMs(attempt));
            continue;
          }
          try {
            await recordDeadLetter(event, attempt, error);
            break;
          } catch (recordError) {
            logger.error(
              { consumer, eventId: event.id, err: describeError(recordError) },
              'could not record dead letter; handing the run back',
            );
            message.nak(retry.delayMs(attempt));
            return;
          }
        }
      }
    }
    message.ack();
  };

  const handle = async (message: JsMsg) => {
    reportLag(message);
    let data: unknown;
    let events: DeliveredEvent[];
    try {
      data = message.json();
      events = eventsOfMessage(data, message.seq, (error, index) =>
        logger.error(
          { consumer, subject: message.subject, seq: message.seq, index, err: describeError(error) },
          'event backbone: a relayed entry is not a valid event envelope; skipping it',
        ),
      ).filter(({ event }) => matchesType(selector, event.type));
    } catch (error) {
      logger.error(
        { consumer, subject: message.subject, seq: message.seq, err: describeError(error) },
        'event backbone: message is not a valid event envelope; terminating it',
      );
      message.term();
      return;
    }
    if (events.length === 0) {
      message.ack();
      return;
    }
    const heartbeat = setInterval(() => message.working(), ackWaitMs / 3);
    try {
      if (Array.isArray(data)) await handleRun(message, events);
      else await handleSingle(message, events[0]!);
    } finally {
      clearInterval(heartbeat);
    }
  };

  const pull = async (stream: string, durable: string) => {
    const messages = await (await js.consumers.get(stream, durable)).consume({ max_messages: 1 });
    const done = (async () => {
      for await (const message of messages) {
        await semaphore.acquire();
        try {
          if (stopped) message.nak();
          else await handle(message);
        } catch (error) {
          logger.error({ consumer, err: describeError(error) }, 'event backbone: message handling failed');
        } finally {
          semaphore.release();
        }
      }
    })();
    loops.push({ messages, done });
  };

  const watchLimit = (stream: string) => {
    advisories.push(watchDeliveryLimit(deps, consumer, stream));
  };

  for (const [domain, domainSelector] of selectorsByDomain(selector)) {
    const stream = await topology.domainStream(domain);
    const buckets = Array.from({ length: naming.partitions }, (_, partition) => partition);
    await Promise.all(
      buckets.map(async (partition) => {
        const durable = durableName(consumer, partition);
        await topology.durableConsumer(
          stream,
          durableConfig(durable, filterSubject(naming, domain, domainSelector, partition), 1),
        );
        await pull(stream, durable);
      }),
    );
    watchLimit(stream);
  }
  const replayStream = await topology.replayStream();
  await topology.durableConsumer(
    replayStream,
    durableConfig(consumer, replaySubject(naming, consumer), concurrency),
  );
  await pull(replayStream, consumer);
  watchLimit(replayStream);

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      stopSignal();
      for (const loop of loops) loop.messages.stop();
      await Promise.all(loops.map((loop) => loop.done));
      for (const advisory of advisories) advisory.unsubscribe();
    },
  };
}
