import type { ConsumerInfo, JetStreamManager, MsgRequest } from '@nats-io/jetstream';
import type pg from 'pg';
import type { LocalConsumers } from '../local-consumers';
import type { BackboneStats, ConsumerStats } from '../port';
import { eventsHeader } from './bundle';
import type { NatsNaming } from './naming';

const bucketSuffix = /_p\d+$/;

/**
 * Stats of every durable consumer on this deployment's streams, from JetStream's own counters: a consumer's
 * JetStream consumers (one per bucket, or one per stream for batch consumers, plus the replay one) are
 * added up. lag = events in the messages not delivered yet or not acknowledged (see eventsPending);
 * pendingRetries = messages waiting for redelivery, plus batches this process retries in memory. Outbox rows the relay has not
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
  // Per consumer and stream: its JetStream consumers (one per bucket for per-event consumers).
  const durables = new Map<string, { stream: string; stats: ConsumerStats; infos: ConsumerInfo[] }>();
  for await (const stream of jsm.streams.list()) {
    if (!stream.config.name.startsWith(`${naming.streamPrefix}_`)) continue;
    for await (const info of jsm.consumers.list(stream.config.name)) {
      const durable = info.config.durable_name;
      if (!durable) continue;
      const consumer = durable.replace(bucketSuffix, '');
      const stats = entry(consumer);
      stats.pendingRetries += info.num_redelivered;
      const key = `${consumer} ${stream.config.name}`;
      const group = durables.get(key) ?? { stream: stream.config.name, stats, infos: [] };
      group.infos.push(info);
      durables.set(key, group);
    }
  }
  for (const { stream, stats, infos } of durables.values())
    stats.lag += await eventsPending(jsm, stream, infos);
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

// Messages read per consumer and stream to count events: a relayed message carries up to 100.
const messagesCounted = 8;

/**
 * The events in the unacknowledged messages of one consumer's JetStream consumers on a stream. JetStream
 * counts messages; each relayed one names its number of events in a header. Up to eight messages after the
 * acknowledgement floor of the first one that lags are read: a backlog of no more is counted exactly, a
 * longer one estimated from their average (reading every bucket's messages would fetch megabytes a poll).
 */
async function eventsPending(jsm: JetStreamManager, stream: string, infos: ConsumerInfo[]): Promise<number> {
  const messagesOf = (info: ConsumerInfo) => info.num_pending + info.num_ack_pending;
  const messages = infos.reduce((sum, info) => sum + messagesOf(info), 0);
  const sampled = infos.find((info) => messagesOf(info) > 0);
  if (!sampled) return 0;
  let counted = 0;
  let events = 0;
  let seq = sampled.ack_floor.stream_seq + 1;
  while (counted < Math.min(messagesOf(sampled), messagesCounted)) {
    // The server's MSG.GET takes next_by_subj (the first message at or after seq on the subject); the
    // client's type only lists it for direct gets, which these streams do not enable.
    const request = { seq, next_by_subj: sampled.config.filter_subject ?? '>' } as unknown as MsgRequest;
    const message = await jsm.streams.getMessage(stream, request).catch(() => null);
    if (!message) break;
    counted++;
    events += Number(message.header?.get(eventsHeader) || 1);
    seq = message.seq + 1;
  }
  if (counted === 0) return messages;
  return counted === messages ? events : Math.round((events / counted) * messages);
}
