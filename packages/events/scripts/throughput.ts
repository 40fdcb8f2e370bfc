/**
 * Throughput of the backbone's bulk paths, on a throw-away database of DATABASE_URL's server:
 *   append     appendToOutbox, 1,000 events a transaction
 *   postgres   a postgres batch consumer applying every event through applyBatchOnce (one transaction a batch)
 *   relay      (NATS_URL set) the outbox relay draining the backlog to JetStream, then relay lag while events
 *              are appended at a steady rate (THROUGHPUT_RATE events/s for THROUGHPUT_SECONDS)
 *   nats       (NATS_URL set) a NATS batch consumer applying every relayed event through applyBatchOnce
 * Run: DATABASE_URL=postgres://…/postgres [NATS_URL=nats://…] npx tsx packages/events/scripts/throughput.ts
 * Env: THROUGHPUT_EVENTS (default 100000), THROUGHPUT_RATE (10000), THROUGHPUT_SECONDS (10).
 */
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabaseName } from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { createEvent, type EventEnvelope } from '../src/envelope';
import { applyBatchOnce } from '../src/inbox';
import { createNatsBackbone } from '../src/nats';
import { relayBacklog } from '../src/nats/relay';
import { appendToOutbox, sqlExecutor } from '../src/outbox';
import type { BackboneLogger, EventBackbone } from '../src/port';
import { createPostgresBackbone } from '../src/postgres';

const EVENTS = Number(process.env.THROUGHPUT_EVENTS ?? 100_000);
const RATE = Number(process.env.THROUGHPUT_RATE ?? 10_000);
const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 10);
const serverUrl = process.env.DATABASE_URL;
const natsUrl = process.env.NATS_URL?.trim() || undefined;
if (!serverUrl)
  throw new Error('Set DATABASE_URL to a PostgreSQL server this script may create a database on.');

const logger: BackboneLogger = {
  debug: () => {},
  info: () => {},
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};
const run = randomBytes(3).toString('hex');
const adminUrl = withDatabaseName(serverUrl, 'postgres');
const databaseName = `meridian_events_throughput_${Date.now()}`;
const databaseUrl = await createDatabase(adminUrl, databaseName);
await migrateDatabase(databaseUrl);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 6 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const perSecond = (events: number, ms: number) => Math.round((events * 1000) / ms).toLocaleString('en');

const eventsOf = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, index) =>
    createEvent({
      source: '/scripts/throughput',
      type: 'bench.transaction_recorded',
      tenantId: 'bench',
      partitionKey: `sku-${(offset + index) % 500}`,
      correlationId: `batch-${Math.floor((offset + index) / 500)}`,
      data: { n: offset + index, quantity: 3, location: 'DC-1' },
    }),
  );

async function append(events: EventEnvelope[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await appendToOutbox(sqlExecutor(client), events);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** Runs a batch consumer until it applied `expected` events; returns the elapsed ms. */
async function drain(backbone: EventBackbone, consumer: string, expected: number): Promise<number> {
  let applied = 0;
  let batches = 0;
  let inHandlerMs = 0;
  const startedAt = performance.now();
  await backbone.consumeBatches({
    consumer,
    types: ['bench.*'],
    handleBatch: async (events) => {
      const handlerStartedAt = performance.now();
      batches++;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const fresh = await applyBatchOnce(sqlExecutor(client), consumer, events);
        await client.query('COMMIT');
        applied += fresh.length;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
        inHandlerMs += performance.now() - handlerStartedAt;
      }
    },
  });
  while (applied < expected) await sleep(20);
  const elapsedMs = performance.now() - startedAt;
  console.log(
    `${consumer}: ${batches} batches, ${Math.round((100 * inHandlerMs) / elapsedMs)} % of the time in handleBatch`,
  );
  return elapsedMs;
}

const results: [string, string][] = [];
try {
  let startedAt = performance.now();
  for (let offset = 0; offset < EVENTS; offset += 1_000) await append(eventsOf(1_000, offset));
  results.push([
    'append (1,000 a transaction)',
    `${perSecond(EVENTS, performance.now() - startedAt)} events/s`,
  ]);

  const postgres = createPostgresBackbone({ databaseUrl, logger });
  const postgresMs = await drain(postgres, `throughput_pg_${run}`, EVENTS);
  results.push(['postgres batch consumer, applyBatchOnce', `${perSecond(EVENTS, postgresMs)} events/s`]);
  await postgres.close();

  if (natsUrl) {
    const streamPrefix = `THROUGHPUT_${run.toUpperCase()}`;
    const unrelayed = async () => (await relayBacklog(pool)).waiting;
    startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const nats = await createNatsBackbone({
      databaseUrl,
      natsUrl,
      streamPrefix,
      subjectPrefix: `throughput-${run}`,
      logger,
    });
    while ((await unrelayed()) > 0) await sleep(50);
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      'relay process CPU',
      Math.round((cpu.user + cpu.system) / 1000),
      'ms of',
      Math.round(performance.now() - startedAt),
      'ms',
    );
    results.push([
      'relay, draining the backlog',
      `${perSecond(EVENTS, performance.now() - startedAt)} events/s`,
    ]);

    // Steady load: RATE events/s in 100 ms steps, each step's events (made beforehand) appended by four
    // transactions at once; lag = age of the oldest unrelayed row, sampled every 250 ms.
    const lags: number[] = [];
    const steps = SECONDS * 10;
    const perStep = Math.round(RATE / 10);
    const load = eventsOf(steps * perStep, EVENTS);
    startedAt = performance.now();
    const sampler = setInterval(async () => {
      const { oldest } = await relayBacklog(pool);
      lags.push(oldest ? Date.now() - oldest.getTime() : 0);
    }, 250);
    for (let step = 0; step < steps; step++) {
      const stepEvents = load.slice(step * perStep, (step + 1) * perStep);
      const quarter = Math.ceil(perStep / 4);
      await Promise.all(
        [0, 1, 2, 3].map((part) => append(stepEvents.slice(part * quarter, (part + 1) * quarter))),
      );
      const wait = startedAt + (step + 1) * 100 - performance.now();
      if (wait > 0) await sleep(wait);
    }
    const appendedPerSecond = perSecond(steps * perStep, performance.now() - startedAt);
    while ((await unrelayed()) > 0) await sleep(50);
    clearInterval(sampler);
    lags.sort((a, b) => a - b);
    results.push([
      `relay lag at ${appendedPerSecond} events/s appended, ${SECONDS} s`,
      `p50 ${Math.round(lags[Math.floor(lags.length / 2)] ?? 0)} ms, max ${Math.round(lags.at(-1) ?? 0)} ms`,
    ]);

    const total = EVENTS + steps * perStep;
    const natsMs = await drain(nats, `throughput_nats_${run}`, total);
    results.push(['NATS batch consumer, applyBatchOnce', `${perSecond(total, natsMs)} events/s`]);
    await nats.close();

    const nc = await connect({ servers: natsUrl });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(name);
    }
    await nc.close();
  }
} finally {
  await pool.end();
  await dropDatabase(adminUrl, databaseName).catch(() => {});
}

const width = Math.max(...results.map(([name]) => name.length));
for (const [name, value] of results) console.log(`${name.padEnd(width)}  ${value}`);
