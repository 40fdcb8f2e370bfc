import type { JetStreamManager } from '@nats-io/jetstream';
import type pg from 'pg';
import type { LocalConsumers } from '../local-consumers';
import type { BackboneStats, ConsumerStats } from '../port';
import type { NatsNaming } from './naming';

const bucketSuffix = /_p\d+$/;

/**
 * Stats of every durable consumer on this deployment's streams, from JetStream's own counters: a consumer's
 * JetStream consumers (one per bucket, or one per stream for batch consumers, plus the replay one) are
 * added up. lag = messages not delivered yet + delivered but not acknowledged; pendingRetries = messages
 * waiting for redelivery, plus batches this process retries in memory. Outbox rows the relay has not
 * published yet are in nobody's lag (they are the relay's backlog).
 */
export async function natsStats(
  jsm: JetStreamManager,
  naming: NatsNaming,
  pool: pg.Pool,
  local: LocalConsumers,
): Promise<BackboneStats> {
  const byConsumer = new Map<string, ConsumerStats>();
  const entry = (consumer: string) => {
    let found = byConsumer.get(consumer);
    if (!found) {
      found = { consumer, lag: 0, pendingRetries: 0, deadLetters: 0 };
      byConsumer.set(consumer, found);
    }
    return found;
  };
  for (const consumer of local.names()) entry(consumer);
  for await (const stream of jsm.streams.list()) {
    if (!stream.config.name.startsWith(`${naming.streamPrefix}_`)) continue;
    for await (const info of jsm.consumers.list(stream.config.name)) {
      const durable = info.config.durable_name;
      if (!durable) continue;
      const stats = entry(durable.replace(bucketSuffix, ''));
      stats.lag += info.num_pending + info.num_ack_pending;
      stats.pendingRetries += info.num_redelivered;
    }
  }
  const names = [...byConsumer.keys()];
  const { rows } = await pool.query<{ consumer: string; deadLetters: number }>(
    `SELECT "consumer", count(*)::int AS "deadLetters" FROM "backbone"."DeadLetter"
     WHERE "consumer" = ANY($1::text[]) AND "replayedAt" IS NULL GROUP BY "consumer"`,
    [names],
  );
  for (const row of rows) entry(row.consumer).deadLetters = row.deadLetters;
  for (const stats of byConsumer.values()) stats.pendingRetries += local.retrying(stats.consumer);
  return { consumers: [...byConsumer.values()].sort((a, b) => a.consumer.localeCompare(b.consumer)) };
}
