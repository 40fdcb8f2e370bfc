import { join } from 'node:path';
import { importSigningKey, issueAccessToken } from '@meridian/auth';
import { createPrismaClient, type PrismaClient } from '@meridian/db';
import { type RunningDatabase, repoRoot, startEmbeddedPostgres } from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import { deleteNatsNamespace } from '@meridian/events';
import { ensureDevKeys } from '@meridian/platform';
import { keyEnv } from '@meridian/platform/keys';
import { type RunningService, startService, stopServices } from '@meridian/platform/processes';
import { demoTenant, demoUsers, seedDemoWorld } from '@meridian/prisma';

/**
 * The ingest pipeline as it runs in production, for fault tests: a PostgreSQL server of its own (so a test
 * may restart it), the ingest service and the supply subgraph (whose consumer applies ingested transactions
 * to the stock ledger) as child processes that a test may kill, and the demo world as master data.
 */
export interface Pipeline {
  prisma: PrismaClient;
  tenantId: string;
  ingestUrl: string;
  token: string;
  /** (SKU code, location code) pairs with an inventory position, to aim adjustments at. */
  positions: { skuCode: string; locationCode: string; skuId: string; locationId: string }[];
  startSupply(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  killSupply(): void;
  restartDatabase(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export interface PipelineOptions {
  /** A port of its own: the server is stopped and started by the tests. */
  databasePort: number;
  /** Reach NATS through this URL (e.g. a severable proxy); the PostgreSQL backbone when absent. */
  natsUrl?: string;
  name: string;
}

export async function startPipeline(options: PipelineOptions): Promise<Pipeline> {
  const dataDir = join(repoRoot, '.data', `postgres-${options.name}`);
  const logDir = join(repoRoot, '.data', 'logs', options.name);
  let database: RunningDatabase = await startEmbeddedPostgres({
    dataDir,
    port: options.databasePort,
    database: `meridian_${options.name.replaceAll('-', '_')}`,
    reuseRunning: false,
  });
  const databaseUrl = database.url;
  await migrateDatabase(databaseUrl);
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 4 });
  await seedDemoWorld(prisma);

  const keys = await ensureDevKeys(join(repoRoot, '.data', 'keys'));
  const env = keyEnv(keys);
  const planner = demoUsers.planner;
  const { token } = await issueAccessToken(await importSigningKey(keys.accessToken.privateJwk), {
    kind: 'user',
    userId: planner.id,
    tenantId: demoTenant.id,
    email: planner.email,
    roles: ['planner'],
  });

  const ingestPort = 15100 + (options.databasePort % 100);
  const supplyPort = 15200 + (options.databasePort % 100);
  // Streams of its own: earlier runs' events on the same NATS server must not reach this database.
  const natsNamespace = options.natsUrl ? `${options.name}-${Date.now().toString(36)}` : '';
  const common = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    NATS_URL: options.natsUrl ?? '',
    NATS_NAMESPACE: natsNamespace,
    LOG_LEVEL: 'warn',
  };
  const tsx = (entry: string) => ({
    command: process.execPath,
    args: ['--import', 'tsx', entry],
    cwd: repoRoot,
  });
  const ingest = await startService(
    {
      name: 'ingest',
      ...tsx(join('apps', 'ingest', 'src', 'main.ts')),
      env: {
        ...common,
        INGEST_PORT: String(ingestPort),
        ACCESS_TOKEN_PUBLIC_KEY: env.ACCESS_TOKEN_PUBLIC_KEY,
      },
      healthUrl: `http://127.0.0.1:${ingestPort}/healthz`,
    },
    logDir,
  );
  let supply: RunningService | undefined;
  const startSupply = async () => {
    supply = await startService(
      {
        name: 'supply',
        ...tsx(join('subgraphs', 'supply', 'src', 'main.ts')),
        env: { ...common, PORT: String(supplyPort), GATEWAY_PUBLIC_KEY: env.GATEWAY_PUBLIC_KEY },
        healthUrl: `http://127.0.0.1:${supplyPort}/healthz`,
      },
      logDir,
    );
  };
  await startSupply();

  const rows = await prisma.$queryRaw<
    { skuCode: string; locationCode: string; skuId: string; locationId: string }[]
  >`SELECT s."code" AS "skuCode", l."code" AS "locationCode", p."skuId", p."locationId"
      FROM "supply"."InventoryPosition" p
      JOIN "catalog"."Sku" s ON s."id" = p."skuId"
      JOIN "catalog"."Location" l ON l."id" = p."locationId"
     WHERE p."tenantId" = ${demoTenant.id}::uuid
     ORDER BY s."code", l."code"`;

  return {
    prisma,
    tenantId: demoTenant.id,
    ingestUrl: `http://127.0.0.1:${ingestPort}`,
    token,
    positions: rows,
    startSupply,
    killSupply() {
      supply?.child.kill('SIGKILL');
    },
    async restartDatabase({ downMs = 1_000 } = {}) {
      await database.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      database = await startEmbeddedPostgres({
        dataDir,
        port: options.databasePort,
        database: `meridian_${options.name.replaceAll('-', '_')}`,
        reuseRunning: false,
      });
    },
    async stop() {
      await stopServices([ingest, ...(supply ? [supply] : [])]);
      await prisma.$disconnect();
      await database.stop();
      if (options.natsUrl) await deleteNatsNamespace(options.natsUrl, natsNamespace);
    },
  };
}
