import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '@meridian/db/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createEvent, type EventEnvelope } from '../src/envelope';
import { createNatsBackbone, type NatsBackboneOptions } from '../src/nats';
import { relayBacklog } from '../src/nats/relay';
import { appendToOutbox, sqlExecutor } from '../src/outbox';
import { backboneContract, quietLogger } from './contract';

const natsUrl = process.env.NATS_URL;
// Streams, subjects and consumers of this run only, so runs sharing one NATS server never collide.
const run = randomBytes(3).toString('hex');
const streamPrefix = `TEST_${run.toUpperCase()}`;

describe.skipIf(!natsUrl)('nats backbone', () => {
  const natsOptions = (): NatsBackboneOptions => ({
    databaseUrl: testDatabaseUrl(),
    natsUrl: natsUrl!,
    subjectPrefix: `test-${run}`,
    streamPrefix,
    partitions: 4,
    relayPollIntervalMs: 200,
    logger: quietLogger,
  });

  backboneContract(() => ({
    databaseUrl: testDatabaseUrl(),
    workerEnv: {
      NATS_URL: natsUrl!,
      STREAM_PREFIX: streamPrefix,
      SUBJECT_PREFIX: `test-${run}`,
      PARTITIONS: '4',
      ACK_WAIT_MS: '3000',
    },
    takeoverTimeoutMs: 15_000,
    create: (options) =>
      createNatsBackbone({
        ...natsOptions(),
        // Short, so a batch consumer's takeover after a "killed" instance is quick.
        ackWaitMs: 3_000,
        lockPollIntervalMs: 200,
        ...options,
      }),
  }));

  it('relays an outbox backlog of several batches once, in order per partition, with two relays running', async () => {
    const [first, second] = [
      await createNatsBackbone(natsOptions()),
      await createNatsBackbone(natsOptions()),
    ];
    const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    try {
      const type = `relay${randomBytes(3).toString('hex')}.moved`;
      const received: EventEnvelope[] = [];
      await first.consumeBatches({
        consumer: `relay_${randomBytes(3).toString('hex')}`,
        types: [type],
        handleBatch: async (events) => {
          received.push(...events);
        },
      });
      const events = Array.from({ length: 4_500 }, (_, n) =>
        createEvent({ source: '/tests/relay', type, tenantId: 't', partitionKey: `p${n % 7}`, data: { n } }),
      );
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await appendToOutbox(sqlExecutor(client), events);
        await client.query('COMMIT');
      } finally {
        client.release();
      }

      await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(events.length), {
        timeout: 20_000,
        interval: 50,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toHaveLength(events.length);
      const seen = received.map((event) => (event.data as { n: number }).n);
      expect(new Set(seen).size).toBe(events.length);
      for (let partition = 0; partition < 7; partition++) {
        const order = received
          .filter((event) => event.partitionkey === `p${partition}`)
          .map((event) => (event.data as { n: number }).n);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      expect((await relayBacklog(pool, type)).waiting).toBe(0);
    } finally {
      await pool.end();
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('sends again what a crash left unconfirmed in the same messages, which the stream drops', async () => {
    const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    const backbones: Awaited<ReturnType<typeof createNatsBackbone>>[] = [];
    try {
      const type = `resend${randomBytes(3).toString('hex')}.moved`;
      const events = Array.from({ length: 1_000 }, (_, n) =>
        createEvent({ source: '/tests/resend', type, tenantId: 't', partitionKey: `p${n % 7}`, data: { n } }),
      );
      const append = async (batch: EventEnvelope[]) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await appendToOutbox(sqlExecutor(client), batch);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      };
      const relayed = () =>
        vi.waitFor(async () => expect((await relayBacklog(pool)).waiting).toBe(0), { timeout: 10_000 });
      const position = async () =>
        (
          await pool.query<{ xid: string; seq: string }>(
            `SELECT "xid"::text AS "xid", "seq"::text AS "seq" FROM "backbone"."RelayPosition" WHERE "relay" = 'nats'`,
          )
        ).rows[0] ?? { xid: '0', seq: '0' };

      backbones.push(await createNatsBackbone(natsOptions()));
      await relayed();
      const before = await position();
      await append(events.slice(0, 500));
      await relayed();
      await backbones[0]!.close();
      // The crash: the batch reached JetStream, the position did not move. More rows came meanwhile, so
      // reading on from the position alone would cut other runs, with other message ids.
      await pool.query(
        `UPDATE "backbone"."RelayPosition" SET "xid" = $1, "seq" = $2 WHERE "relay" = 'nats'`,
        [before.xid, before.seq],
      );
      await append(events.slice(500));

      const second = await createNatsBackbone(natsOptions());
      backbones.push(second);
      const received: EventEnvelope[] = [];
      await second.consumeBatches({
        consumer: `resend_${randomBytes(3).toString('hex')}`,
        types: [type],
        handleBatch: async (batch) => {
          received.push(...batch);
        },
      });
      await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(events.length), {
        timeout: 10_000,
        interval: 50,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toHaveLength(events.length);
      expect(new Set(received.map((event) => event.id)).size).toBe(events.length);
    } finally {
      await Promise.all(backbones.map((backbone) => backbone.close()));
      await pool.end();
    }
  });

  afterAll(async () => {
    const nc = await connect({ servers: natsUrl! });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(name);
    }
    await nc.close();
  });
});
