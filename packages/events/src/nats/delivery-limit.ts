import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription as NatsSubscription } from '@nats-io/transport-node';
import { type DeadLetterStore, describeError } from '../dead-letter-store';
import type { BackboneMetrics } from '../metrics';
import type { BackboneLogger } from '../port';
import { eventsOfMessage } from './bundle';
import type { EventStarts } from './event-starts';

interface Deps {
  nc: NatsConnection;
  jsm: JetStreamManager;
  deadLetters: DeadLetterStore;
  /** Batch consumers count starts of events applied alone; a dead-lettered event's count ends here too. */
  eventStarts?: EventStarts;
  logger: BackboneLogger;
  metrics: BackboneMetrics;
}

const timedOutError =
  'delivery limit reached without an acknowledgement (the handler hung or its instance stopped)';

/**
 * Dead-letters what ran out of deliveries the other way than a failing handler: its instance died or hung
 * while holding the last allowed delivery, so no handler was there to record it. Every instance listens;
 * the dead-letter store keeps one letter per event.
 */
export function watchDeliveryLimit(deps: Deps, consumer: string, stream: string): NatsSubscription {
  const { nc, jsm, deadLetters, eventStarts, logger, metrics } = deps;
  const ownDurable = new RegExp(`^${consumer}(_p\\d+)?$`);
  const recordTimedOut = async (advisoryData: Uint8Array) => {
    try {
      const advisory = JSON.parse(new TextDecoder().decode(advisoryData)) as {
        consumer: string;
        stream_seq: number;
        deliveries: number;
      };
      if (!ownDurable.test(advisory.consumer)) return;
      const stored = await jsm.streams.getMessage(stream, { seq: advisory.stream_seq });
      if (!stored) return;
      const skipped = (error: unknown) =>
        logger.error({ consumer, seq: advisory.stream_seq, err: describeError(error) }, 'not an envelope');
      // A relayed run is dead-lettered whole: which of its events were applied is in the consumer's inbox,
      // and replaying one of those is absorbed there.
      for (const { event } of eventsOfMessage(stored.json(), advisory.stream_seq, skipped)) {
        await deadLetters.record({
          consumer,
          event,
          attempts: advisory.deliveries,
          lastError: timedOutError,
          errorCode: 'INTERNAL',
        });
        metrics.deadLettered(consumer);
        await eventStarts?.end(consumer, [event.id]);
      }
    } catch (error) {
      logger.error({ consumer, err: describeError(error) }, 'could not record a timed-out dead letter');
    }
  };
  return nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.*`, {
    callback: (error, advisoryMessage) => {
      if (!error) void recordTimedOut(advisoryMessage.data);
    },
  });
}
