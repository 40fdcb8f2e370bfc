import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeridianError } from '@meridian/errors';
import type { TestProject } from 'vitest/node';
import { type RunningDatabase, repoRoot, startEmbeddedPostgres } from '../embedded';
import { migrateDatabase } from '../migrate';
import { createDatabase, dropDatabase, withClient } from '../server';
import { newTestDatabaseName, testDatabasePrefix } from './database-names';
import './provided-context';

// Each test run gets its own database, so runs never see each other's rows, and a run that was
// killed leaves only a database that a later run drops.
const staleAfterMs = 6 * 60 * 60 * 1000;
const firstTestPort = 5434;
const testPortsToTry = 10;

/** Regenerates the Prisma client when it is missing or older than the schema, so tests never run stale types. */
function ensureGeneratedClient(): void {
  const packageDir = fileURLToPath(new URL('../../', import.meta.url));
  const client = join(packageDir, 'src', 'generated', 'prisma', 'client.ts');
  const schemaDir = join(repoRoot, 'prisma', 'schema');
  const newestSchema = Math.max(
    ...readdirSync(schemaDir).map((name) => statSync(join(schemaDir, name)).mtimeMs),
  );
  if (existsSync(client) && statSync(client).mtimeMs >= newestSchema) return;
  const result = spawnSync(process.execPath, [join(packageDir, 'scripts', 'generate.mjs')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('prisma generate failed; see its output above.');
}

/**
 * A server this run owns. Concurrent runs (several engineers, one machine) each take the next
 * free port with its own data folder, because the embedded server stops when its process exits.
 */
async function startTestServer(): Promise<RunningDatabase> {
  const failures: string[] = [];
  for (let port = firstTestPort; port < firstTestPort + testPortsToTry; port++) {
    try {
      return await startEmbeddedPostgres({
        port,
        dataDir: join(repoRoot, '.data', 'postgres-test', String(port)),
        database: 'postgres',
        reuseRunning: false,
      });
    } catch (error) {
      if (!(error instanceof MeridianError)) throw error;
      failures.push(error.message);
    }
  }
  throw new Error(
    `Could not start a test PostgreSQL on ports ${firstTestPort}-${firstTestPort + testPortsToTry - 1}; ` +
      `set DATABASE_URL to use an existing server. Last failure: ${failures.at(-1)}`,
  );
}

async function dropStaleTestDatabases(adminUrl: string): Promise<void> {
  const { rows } = await withClient(adminUrl, (client) =>
    client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${testDatabasePrefix}%`,
    ]),
  );
  const staleBefore = Date.now() - staleAfterMs;
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(testDatabasePrefix.length).split('_')[0]);
    if (createdAt < staleBefore) await dropDatabase(adminUrl, datname);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureGeneratedClient();
  const configured = process.env.DATABASE_URL?.trim();
  const server: Pick<RunningDatabase, 'adminUrl' | 'stop'> = configured
    ? { adminUrl: configured, stop: async () => {} }
    : await startTestServer();

  await dropStaleTestDatabases(server.adminUrl);
  const name = newTestDatabaseName();
  const url = await createDatabase(server.adminUrl, name);
  await migrateDatabase(url);
  project.provide('databaseUrl', url);
  project.provide('databaseAdminUrl', server.adminUrl);

  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
