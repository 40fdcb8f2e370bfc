import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ErrorCode } from '@meridian/errors';
import { afterAll, describe, expect, inject, test } from 'vitest';
import {
  folderClosedToOtherUsers,
  repoRoot,
  resolveDatabaseUrl,
  startEmbeddedPostgres,
} from '../src/embedded';
import { withClient } from '../src/server';
import '../src/testing/provided-context';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('resolveDatabaseUrl', () => {
  test('uses a reachable DATABASE_URL as it is', async () => {
    const url = inject('databaseUrl');
    const resolved = await resolveDatabaseUrl({ env: { DATABASE_URL: url } });
    expect(resolved).toMatchObject({ url, embedded: false });
  });

  test('reports DATABASE_UNAVAILABLE with host:port when nothing listens', async () => {
    const port = await closedPort();
    const started = Date.now();
    const failure = resolveDatabaseUrl({
      env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/meridian` },
    });
    await expect(failure).rejects.toMatchObject({
      code: ErrorCode.DATABASE_UNAVAILABLE,
      message: expect.stringContaining(`127.0.0.1:${port}`),
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('gives up on a server that accepts connections but never answers', async () => {
    const silent = createServer(() => {});
    const port = await listen(silent);
    try {
      const started = Date.now();
      await expect(
        resolveDatabaseUrl({
          env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x` },
          timeoutMs: 500,
        }),
      ).rejects.toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE });
      expect(Date.now() - started).toBeLessThan(2_500);
    } finally {
      silent.close();
    }
  });
});

describe('startEmbeddedPostgres', () => {
  // Inside the repo rather than the OS temp folder: as root the server runs as the `postgres`
  // user, which cannot enter a private temp folder.
  const dataDir = join(repoRoot, '.data', 'postgres-test', `embedded-${randomBytes(4).toString('hex')}`);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('initialises once, shares a running server, and keeps data across restarts', async () => {
    const port = await closedPort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'meridian' });
    try {
      expect(first.url).toBe(`postgresql://postgres:meridian@127.0.0.1:${port}/meridian`);
      await withClient(first.url, (client) =>
        client.query('CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)'),
      );

      const shared = await startEmbeddedPostgres({ dataDir, port, database: 'meridian' });
      expect(shared.url).toBe(first.url);
      await shared.stop();
      await expect(withClient(first.url, (client) => client.query('SELECT 1'))).resolves.toBeDefined();
      await expect(startEmbeddedPostgres({ dataDir, port, reuseRunning: false })).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
      });
    } finally {
      await first.stop();
    }

    const again = await startEmbeddedPostgres({ dataDir, port, database: 'meridian' });
    try {
      const { rows } = await withClient(again.url, (client) =>
        client.query<{ id: number }>('SELECT id FROM kept'),
      );
      expect(rows).toEqual([{ id: 42 }]);
    } finally {
      await again.stop();
    }
  });
});

describe('folderClosedToOtherUsers', () => {
  test('finds the nearest folder other users cannot enter, or none', async () => {
    const { mkdtempSync, mkdirSync, chmodSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const base = mkdtempSync(join(tmpdir(), 'meridian-perm-'));
    const inner = join(base, 'repo', 'node_modules');
    mkdirSync(inner, { recursive: true });
    chmodSync(base, 0o700);
    expect(folderClosedToOtherUsers(inner)).toBe(base);
    chmodSync(base, 0o755);
    expect(folderClosedToOtherUsers(inner)).toBeUndefined();
    await rm(base, { recursive: true, force: true });
  });
});
