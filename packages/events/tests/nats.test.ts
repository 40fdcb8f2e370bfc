import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '@meridian/db/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe } from 'vitest';
import { createNatsBackbone } from '../src/nats';
import { backboneContract, quietLogger } from './contract';

const natsUrl = process.env.NATS_URL;
// Streams, subjects and consumers of this run only, so runs sharing one NATS server never collide.
const run = randomBytes(3).toString('hex');
const streamPrefix = `TEST_${run.toUpperCase()}`;

describe.skipIf(!natsUrl)('nats backbone', () => {
  backboneContract(() => ({
    databaseUrl: testDatabaseUrl(),
    takeoverTimeoutMs: 15_000,
    create: (options) =>
      createNatsBackbone({
        databaseUrl: testDatabaseUrl(),
        natsUrl: natsUrl!,
        subjectPrefix: `test-${run}`,
        streamPrefix,
        partitions: 4,
        relayPollIntervalMs: 200,
        // Short, so a batch consumer's takeover after a "killed" instance is quick.
        ackWaitMs: 2_000,
        lockPollIntervalMs: 200,
        logger: quietLogger,
        ...options,
      }),
  }));

  afterAll(async () => {
    const nc = await connect({ servers: natsUrl! });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(name);
    }
    await nc.close();
  });
});
