import { ErrorCode, MeridianError } from '@meridian/errors';
import pg from 'pg';
import type { Registry } from 'prom-client';
import { createAudit } from '../audit';
import { resolveBatchConsumeOptions, resolveConsumeOptions } from '../consume-options';
import { DeadLetterStore, describeError } from '../dead-letter-store';
import type { EventEnvelope } from '../envelope';
import { domainsOf, matchesType, notificationConcerns, parseTypeSelector } from '../event-types';
import { LocalConsumers } from '../local-consumers';
import { createBackboneMetrics } from '../metrics';
import { NotificationListener } from '../notification-listener';
import { backboneChannel, parseBackboneNotification, publishToLog } from '../outbox';
import {
  type BackboneLogger,
  consoleLogger,
  type EventBackbone,
  type Subscription,
  type TailOptions,
} from '../port';
import { createRetention } from '../retention';
import { type RetryOptions, resolveRetry } from '../retry';
import { startPostgresBatchConsumer } from './batch-consumer';
import { type PostgresConsumerSettings, startPostgresConsumer } from './consumer';
import { postgresStats } from './stats';

export interface PostgresBackboneOptions extends Partial<PostgresConsumerSettings> {
  databaseUrl: string;
  logger?: BackboneLogger;
  /** Defaults to the platform policy (100 ms base, ×2, 10 s cap, 5 attempts). */
  retry?: RetryOptions;
  /** Connections for queries (the LISTEN connection comes on top). Default 10. */
  poolSize?: number;
  /** Shown in pg_stat_activity. Default `meridian-backbone`. */
  applicationName?: string;
  /** Where to register the meridian_backbone_* metrics (e.g. the service's `createMetrics(...).registry`). */
  registry?: Registry;
}

const defaultSettings: PostgresConsumerSettings = {
  pollIntervalMs: 1_000,
  leaseMs: 30_000,
  batchSize: 500,
  maxBacklog: 2_000,
};

/** The default backbone: backbone."EventLog" is the log, LISTEN/NOTIFY wakes consumers and tails. */
export function createPostgresBackbone(options: PostgresBackboneOptions): EventBackbone {
  const logger = options.logger ?? consoleLogger;
  const settings: PostgresConsumerSettings = {
    pollIntervalMs: options.pollIntervalMs ?? defaultSettings.pollIntervalMs,
    leaseMs: options.leaseMs ?? defaultSettings.leaseMs,
    batchSize: options.batchSize ?? defaultSettings.batchSize,
    maxBacklog: options.maxBacklog ?? defaultSettings.maxBacklog,
  };
  const retry = resolveRetry(options.retry);
  const connection = {
    connectionString: options.databaseUrl,
    application_name: options.applicationName ?? 'meridian-backbone',
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // An idle connection dropped by a database restart must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'event backbone: idle connection lost'));
  const listener = new NotificationListener(connection, backboneChannel, logger);
  const deadLetters = new DeadLetterStore(pool);
  const metrics = createBackboneMetrics(options.registry);
  const localConsumers = new LocalConsumers();
  const subscriptions = new Set<Subscription>();
  const tails = new Set<TailOptions & { matches: (type: string) => boolean; domains: Set<string> }>();
  let tailQueue = Promise.resolve();
  let closing: Promise<void> | undefined;

  const track = (subscription: Subscription): Subscription => {
    subscriptions.add(subscription);
    return {
      async stop() {
        subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  };

  // Notifications arrive in commit order; fetching them one batch after another keeps that order.
  const fanOut = (payload: string) => {
    if (tails.size === 0) return;
    const { seqs, domains } = parseBackboneNotification(payload);
    if (seqs.length === 0) return;
    // Ingested transactions arrive by the thousand a second; a tail of exceptions need not read them.
    if (![...tails].some((tail) => notificationConcerns(tail.domains, domains))) return;
    tailQueue = tailQueue.then(async () => {
      try {
        const { rows } = await pool.query<{ seq: string; envelope: EventEnvelope }>(
          'SELECT "seq", "envelope" FROM "backbone"."EventLog" WHERE "seq" = ANY($1::bigint[]) ORDER BY "seq"',
          [seqs],
        );
        for (const { seq, envelope } of rows) {
          for (const tail of tails) {
            if (!tail.matches(envelope.type)) continue;
            try {
              tail.handler({ ...envelope, sequence: seq });
            } catch (error) {
              logger.warn({ eventId: envelope.id, err: describeError(error) }, 'tail handler failed');
            }
          }
        }
      } catch (error) {
        logger.warn({ err: describeError(error) }, 'event backbone: tail could not read notified events');
      }
    });
  };
  listener.onNotify(fanOut);

  return {
    publish: (events: EventEnvelope[]) => publishToLog(pool, events),

    async consume(consumeOptions) {
      const resolved = resolveConsumeOptions(consumeOptions);
      const subscription = await startPostgresConsumer(
        { pool, listener, deadLetters, logger, retry, settings, metrics },
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
      const consumer = await startPostgresBatchConsumer(
        { pool, connection, listener, deadLetters, logger, retry, settings, metrics },
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

    async tail(tailOptions) {
      const selector = parseTypeSelector(tailOptions.types);
      await listener.start();
      const tail = {
        ...tailOptions,
        matches: (type: string) => matchesType(selector, type),
        domains: domainsOf(selector),
      };
      tails.add(tail);
      return track({
        async stop() {
          tails.delete(tail);
        },
      });
    },

    deadLetters: {
      list: (listOptions) => deadLetters.list(listOptions),
      get: (id) => deadLetters.get(id),
      replay: (id) =>
        deadLetters.replay(id, async (letter, client) => {
          if (letter.eventSeq === null) {
            throw new MeridianError(
              ErrorCode.CONFLICT,
              `Dead letter ${id} was recorded by the NATS backbone; replay it from a service connected to NATS.`,
            );
          }
          await client.query(
            `INSERT INTO "backbone"."Delivery" ("consumer", "eventSeq", "eventXid", "partitionKey")
             SELECT $1, "seq", "xid", "partitionKey" FROM "backbone"."EventLog" WHERE "seq" = $2
             ON CONFLICT DO NOTHING`,
            [letter.consumer, letter.eventSeq],
          );
          await client.query(`SELECT pg_notify('${backboneChannel}', '')`);
        }),
    },

    audit: createAudit(pool),

    retention: createRetention(pool),

    stats: () => postgresStats(pool, localConsumers),

    close() {
      closing ??= (async () => {
        await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
        subscriptions.clear();
        tails.clear();
        await listener.close();
        await tailQueue;
        await pool.end();
      })();
      return closing;
    },
  };
}
