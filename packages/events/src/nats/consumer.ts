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
import { type EventEnvelope, parseEnvelope } from '../envelope';
import { matchesType, selectorsByDomain } from '../event-types';
import type { BackboneMetrics } from '../metrics';
import type { BackboneLogger, Subscription } from '../port';
import { runInProcessingScope } from '../processing-scope';
import type { Retry } from '../retry';
import { Semaphore } from '../semaphore';
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
 * stream. A failed handler is nak'ed with the full-jitter delay of the retry policy; its last allowed
 * attempt writes the dead letter and terminates the message. A message whose instance died holding it
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

  const handle = async (message: JsMsg) => {
    reportLag(message);
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.json());
    } catch (error) {
      logger.error(
        { consumer, subject: message.subject, seq: message.seq, err: describeError(error) },
        'event backbone: message is not a valid event envelope; terminating it',
      );
      message.term();
      return;
    }
    if (!matchesType(selector, event.type)) {
      message.ack();
      return;
    }
    const attempt = message.info.deliveryCount;
    const heartbeat = setInterval(() => message.working(), ackWaitMs / 3);
    const scope = { consumer, retryCount: attempt - 1, duplicates: 0 };
    try {
      await runInProcessingScope(scope, () => handler({ ...event, sequence: String(message.seq) }));
    } catch (error) {
      const lastError = describeError(error);
      logger.warn({ consumer, eventId: event.id, attempt, err: lastError }, 'event handler failed');
      if (!retry.shouldDeadLetter(attempt)) {
        message.nak(retry.delayMs(attempt));
        metrics.retried(consumer, 1);
        return;
      }
      try {
        await deadLetters.record({
          consumer,
          event,
          attempts: attempt,
          lastError,
          errorCode: errorCodeOf(error),
        });
        message.term();
        metrics.deadLettered(consumer);
      } catch (recordError) {
        // The server gives up after this delivery; the max-deliveries advisory records it instead.
        logger.error(
          { consumer, eventId: event.id, err: describeError(recordError) },
          'could not record dead letter',
        );
        message.nak(retry.delayMs(attempt));
      }
      return;
    } finally {
      clearInterval(heartbeat);
    }
    message.ack();
    metrics.handled(consumer, 1);
    metrics.duplicates(consumer, scope.duplicates);
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
      for (const loop of loops) loop.messages.stop();
      await Promise.all(loops.map((loop) => loop.done));
      for (const advisory of advisories) advisory.unsubscribe();
    },
  };
}
