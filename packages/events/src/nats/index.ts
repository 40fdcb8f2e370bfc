import { ErrorCode, MeridianError } from '@meridian/errors';
import { DeliverPolicy, type JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import type { Registry } from 'prom-client';
import { createAudit } from '../audit';
import { resolveBatchConsumeOptions, resolveConsumeOptions } from '../consume-options';
import { DeadLetterStore, describeError } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import { matchesType, parseTypeSelector, selectorsByDomain } from '../event-types';
import { LocalConsumers } from '../local-consumers';
import { endedBefore, parseSnapshot } from '../log-position';
import { createBackboneMetrics } from '../metrics';
import { NotificationListener } from '../notification-listener';
import { backboneChannel, publishToLog } from '../outbox';
import { type BackboneLogger, consoleLogger, type EventBackbone, type Subscription } from '../port';
import { createRetention } from '../retention';
import { type RetryOptions, resolveRetry } from '../retry';
import { startNatsBatchConsumer } from './batch-consumer';
import { type DeliveredEvent, eventsOfMessage } from './bundle';
import { startNatsConsumer } from './consumer';
import { EventStarts } from './event-starts';
import { defaultNaming, filterSubject, type NatsNaming, replaySubject } from './naming';
import { PipelinedPublisher } from './publisher';
import { startRelay } from './relay';
import { natsStats } from './stats';
import { JetStreamTopology, type StreamLimits } from './topology';

export interface NatsBackboneOptions extends Partial<NatsNaming>, Partial<StreamLimits> {
  /** PostgreSQL still holds the outbox (relayed to NATS), the inbox and the dead letters. */
  databaseUrl: string;
  natsUrl: string;
  logger?: BackboneLogger;
  /** Defaults to the platform policy (100 ms base, ×2, 10 s cap, 5 attempts). */
  retry?: RetryOptions;
  /** How long an instance may hold a message before NATS redelivers it (renewed while handling). Default 30 s. */
  ackWaitMs?: number;
  /** Run the outbox relay in this process. Default true; every instance may run one. */
  relay?: boolean;
  relayPollIntervalMs?: number;
  /** Shown in pg_stat_activity and as the NATS connection name. Default `meridian-backbone`. */
  applicationName?: string;
  /** How often a waiting batch consumer instance checks whether it can take over. Default 1 s. */
  lockPollIntervalMs?: number;
  /** Where to register the meridian_backbone_* metrics (e.g. the service's `createMetrics(...).registry`). */
  registry?: Registry;
}

/** The backbone for more than one machine: NATS JetStream, with PostgreSQL for outbox, inbox and dead letters. */
export async function createNatsBackbone(options: NatsBackboneOptions): Promise<EventBackbone> {
  const logger = options.logger ?? consoleLogger;
  const naming: NatsNaming = {
    subjectPrefix: options.subjectPrefix ?? defaultNaming.subjectPrefix,
    streamPrefix: options.streamPrefix ?? defaultNaming.streamPrefix,
    partitions: options.partitions ?? defaultNaming.partitions,
  };
  const retry = resolveRetry(options.retry);
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const applicationName = options.applicationName ?? 'meridian-backbone';

  const nc = await connect({
    servers: options.natsUrl,
    name: applicationName,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  }).catch((error: unknown) => {
    throw new MeridianError(
      ErrorCode.UPSTREAM_UNAVAILABLE,
      `Cannot reach NATS at the configured NATS_URL (${describeError(error)}); start it or unset NATS_URL to use the PostgreSQL backbone.`,
    );
  });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const topology = new JetStreamTopology(jsm, naming, {
    duplicateWindowMs: options.duplicateWindowMs ?? 5 * 60_000,
    maxAgeMs: options.maxAgeMs ?? 7 * 24 * 60 * 60_000,
  });

  const connection = {
    connectionString: options.databaseUrl,
    application_name: applicationName,
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...connection, max: 5 });
  pool.on('error', (error) => logger.warn({ err: error.message }, 'event backbone: idle connection lost'));
  const listener = new NotificationListener(connection, backboneChannel, logger);
  const deadLetters = new DeadLetterStore(pool);
  const eventStarts = new EventStarts(pool);
  const metrics = createBackboneMetrics(options.registry);
  const localConsumers = new LocalConsumers();
  const subscriptions = new Set<Subscription>();

  const publisher = new PipelinedPublisher(nc);

  const relay =
    options.relay === false
      ? undefined
      : await startRelay({
          connection,
          listener,
          logger,
          naming,
          ensureStream: (domain) => topology.domainStream(domain),
          publish: (messages) => publisher.publish(messages),
          pollIntervalMs: options.relayPollIntervalMs ?? 1_000,
        });

  const track = (subscription: Subscription): Subscription => {
    subscriptions.add(subscription);
    return {
      async stop() {
        subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  };

  let closing: Promise<void> | undefined;

  return {
    publish: (events: EventEnvelope[]) => publishToLog(pool, events),

    async consume(consumeOptions) {
      const resolved = resolveConsumeOptions(consumeOptions);
      const subscription = await startNatsConsumer(
        { nc, js, jsm, topology, naming, deadLetters, logger, retry, ackWaitMs, metrics },
        resolved,
      );
      const forget = localConsumers.add(resolved.consumer, {
        selector: resolved.selector,
        retrying: () => 0,
      });
      return track({
        async stop() {
          forget();
          await subscription.stop();
        },
      });
    },

    async consumeBatches(batchOptions) {
      const resolved = resolveBatchConsumeOptions(batchOptions);
      const consumer = await startNatsBatchConsumer(
        {
          nc,
          jsm,
          topology,
          naming,
          deadLetters,
          eventStarts,
          logger,
          retry,
          metrics,
          ackWaitMs,
          connection,
          lockPollIntervalMs: options.lockPollIntervalMs ?? 1_000,
        },
        resolved,
      );
      const forget = localConsumers.add(resolved.consumer, {
        selector: resolved.selector,
        retrying: consumer.retrying,
      });
      return track({
        async stop() {
          forget();
          await consumer.stop();
        },
      });
    },

    async tail({ types, handler }) {
      const selector = parseTypeSelector(types);
      const readers: { stop(): Promise<void> }[] = [];
      // New means committed from now on: the relay may still be sending rows committed before, which the
      // snapshot taken now tells by their transaction (a transaction still running now is new, whatever log
      // position it took). Messages of an earlier relay carry no transaction: for them, rows up to the log's
      // head now are old.
      const { rows } = await pool.query<{ head: string; snapshot: string }>(
        `SELECT COALESCE(max("seq"), 0)::text AS head, pg_current_snapshot()::text AS snapshot
           FROM "backbone"."EventLog"`,
      );
      const head = BigInt(rows[0]!.head);
      const snapshot = parseSnapshot(rows[0]!.snapshot);
      const committedBefore = ({ sequence, xid }: DeliveredEvent) =>
        xid === null ? BigInt(sequence) <= head : endedBefore(snapshot, xid);
      const deliver = (message: JsMsg) => {
        try {
          const skipped = (error: unknown) =>
            logger.warn({ subject: message.subject, err: describeError(error) }, 'tail skipped an entry');
          const data: unknown = message.json();
          for (const delivered of eventsOfMessage(data, message.seq, skipped)) {
            if (Array.isArray(data) && committedBefore(delivered)) continue;
            const { event, sequence } = delivered;
            if (matchesType(selector, event.type)) handler({ ...event, sequence });
          }
        } catch (error) {
          logger.warn({ subject: message.subject, err: describeError(error) }, 'tail handler failed');
        }
      };
      for (const [domain, domainSelector] of selectorsByDomain(selector)) {
        const stream = await topology.domainStream(domain);
        // An ordered consumer: ephemeral, recreated by the client after a gap or a reconnect.
        const ordered = await js.consumers.get(stream, {
          filter_subjects: filterSubject(naming, domain, domainSelector, '*'),
          deliver_policy: DeliverPolicy.New,
        });
        const messages = await ordered.consume();
        const done = (async () => {
          for await (const message of messages) deliver(message);
        })();
        readers.push({
          async stop() {
            messages.stop();
            await done;
            await ordered.delete().catch(() => {});
          },
        });
      }
      return track({
        async stop() {
          await Promise.all(readers.map((reader) => reader.stop()));
        },
      });
    },

    deadLetters: {
      list: (listOptions) => deadLetters.list(listOptions),
      get: (id) => deadLetters.get(id),
      replay: (id) =>
        deadLetters.replay(id, async (letter) => {
          await topology.replayStream();
          await js.publish(replaySubject(naming, letter.consumer), JSON.stringify(letter.event), {
            msgID: `replay-${letter.id}`,
          });
        }),
    },

    audit: createAudit(pool),

    retention: createRetention(pool),

    stats: () => natsStats(jsm, naming, pool, localConsumers),

    close() {
      closing ??= (async () => {
        await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
        subscriptions.clear();
        await relay?.stop();
        publisher.close();
        await listener.close();
        await pool.end();
        await nc.drain().catch(() => nc.close());
      })();
      return closing;
    },
  };
}
