import { join } from 'node:path';
import { createPrismaClient, type PrismaClient } from '@meridian/db';
import {
  createDatabase,
  dropDatabase,
  repoRoot,
  startEmbeddedPostgres,
  withDatabaseName,
} from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import { BENCH_PORTS } from './ports';

export interface BenchDatabase {
  databaseUrl: string;
  prisma: PrismaClient;
  /** Drops the database and stops the embedded server (when the bench started one). */
  stop(): Promise<void>;
}

/**
 * A throw-away, migrated and empty database on DATABASE_URL's server, or on an embedded PostgreSQL of the
 * bench's own: for benches that need no demo world and no subgraphs (the ingest bench).
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const configured = process.env.DATABASE_URL?.trim();
  const server = configured
    ? { adminUrl: withDatabaseName(configured, 'postgres'), stop: async () => {} }
    : // A server of its own: the default one may belong to an `npm start` that stops it mid-run.
      await startEmbeddedPostgres({
        port: BENCH_PORTS.embeddedPostgres,
        dataDir: join(repoRoot, '.data', 'postgres-bench'),
        database: 'postgres',
        log: { info: (message) => console.log(message) },
      });
  const databaseName = `meridian_bench_${Date.now()}`;
  const databaseUrl = await createDatabase(server.adminUrl, databaseName);
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  const stop = async () => {
    await prisma.$disconnect();
    await dropDatabase(server.adminUrl, databaseName).catch(() => {});
    await server.stop();
  };
  try {
    console.log('Migrating a fresh database …');
    await migrateDatabase(databaseUrl);
    return { databaseUrl, prisma, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
