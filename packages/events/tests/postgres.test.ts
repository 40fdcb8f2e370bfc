import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '@meridian/db/testing';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createEvent } from '../src/envelope';
import { createPostgresBackbone } from '../src/postgres';
import { backboneContract, quietLogger } from './contract';

describe('postgres backbone', () => {
  backboneContract(() => ({
    databaseUrl: testDatabaseUrl(),
    create: async (options) =>
      createPostgresBackbone({ databaseUrl: testDatabaseUrl(), logger: quietLogger, ...options }),
  }));
});

describe('postgres backbone when the database drops its connections', () => {
  it('reconnects: consumers and tails receive events published afterwards', async () => {
    const applicationName = `backbone-reconnect-${randomBytes(4).toString('hex')}`;
    const databaseUrl = testDatabaseUrl();
    const backbone = createPostgresBackbone({ databaseUrl, applicationName, logger: quietLogger });
    const publisher = createPostgresBackbone({ databaseUrl, logger: quietLogger });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const type = `r${randomBytes(4).toString('hex')}.happened`;
      const consumed: string[] = [];
      const tailed: string[] = [];
      await backbone.consume({
        consumer: `reconnect_${randomBytes(4).toString('hex')}`,
        types: [type],
        handler: async (event) => {
          consumed.push(event.id);
        },
      });
      await backbone.tail({ types: [type], handler: (event) => tailed.push(event.id) });
      const event = () => createEvent({ source: '/tests', type, tenantId: 't', partitionKey: 'k', data: {} });

      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      expect(rowCount).toBeGreaterThan(0);

      const afterRestart = event();
      await publisher.publish([afterRestart]);
      await vi.waitFor(() => expect(consumed).toContain(afterRestart.id), { timeout: 5_000, interval: 20 });
      // Tails are live only: events published while LISTEN was down are not replayed, later ones arrive.
      await vi.waitFor(
        async () => {
          await publisher.publish([event()]);
          expect(tailed.length).toBeGreaterThan(0);
        },
        { timeout: 5_000, interval: 100 },
      );
    } finally {
      await admin.end();
      await Promise.all([backbone.close(), publisher.close()]);
    }
  });
});
