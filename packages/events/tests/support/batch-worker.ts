/**
 * A batch consumer in a process of its own, for the kill -9 test: it applies its first batch through
 * applyBatchOnce, says which events it applied (one JSON line on stdout), and then hangs inside the handler,
 * so the position never moves past that batch. The test kills it there with SIGKILL. With POISON_ID it
 * applies every batch (a JSON line each) and kills itself with SIGKILL in any batch holding that event.
 * Env: DATABASE_URL, CONSUMER, EVENT_TYPE; NATS_URL with STREAM_PREFIX, SUBJECT_PREFIX, PARTITIONS and
 * ACK_WAIT_MS for the NATS adapter.
 */
import pg from 'pg';
import { applyBatchOnce } from '../../src/inbox';
import { createNatsBackbone } from '../../src/nats';
import { sqlExecutor } from '../../src/outbox';
import type { BackboneLogger } from '../../src/port';
import { createPostgresBackbone } from '../../src/postgres';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const databaseUrl = env('DATABASE_URL');
const consumer = env('CONSUMER');
const silent: BackboneLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const backbone = process.env.NATS_URL
  ? await createNatsBackbone({
      databaseUrl,
      natsUrl: process.env.NATS_URL,
      streamPrefix: env('STREAM_PREFIX'),
      subjectPrefix: env('SUBJECT_PREFIX'),
      partitions: Number(env('PARTITIONS')),
      ackWaitMs: Number(env('ACK_WAIT_MS')),
      relay: false,
      logger: silent,
    })
  : createPostgresBackbone({ databaseUrl, logger: silent });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const poisonId = process.env.POISON_ID;

await backbone.consumeBatches({
  consumer,
  types: [env('EVENT_TYPE')],
  maxBatchSize: 5,
  handleBatch: async (events) => {
    // The process dies the way a native crash or an out-of-memory kill takes it: no handler runs.
    if (poisonId && events.some((event) => event.id === poisonId)) process.kill(process.pid, 'SIGKILL');
    const client = await pool.connect();
    await client.query('BEGIN');
    const fresh = await applyBatchOnce(sqlExecutor(client), consumer, events);
    await client.query('COMMIT');
    client.release();
    process.stdout.write(`${JSON.stringify({ applied: fresh.map((event) => event.id) })}\n`);
    if (!poisonId) await new Promise(() => {});
  },
});
