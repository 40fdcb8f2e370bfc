import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../index';
import { migrateDatabase } from '../migrate';
import { createDatabase, dropDatabase } from '../server';
import { newTestDatabaseName } from './database-names';
import './provided-context';

/** The fresh, migrated database of this test run (see global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/** A Prisma client on the test run's database; disconnect it in `afterAll`. */
export function createTestPrismaClient(): PrismaClient {
  return createPrismaClient(testDatabaseUrl(), { maxConnections: 4 });
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the test server, for tests that must not share the run's database
 * (they migrate it themselves, or need it empty). Migrated unless `migrate` is false.
 */
export async function createScratchDatabase({ migrate = true } = {}): Promise<ScratchDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const name = newTestDatabaseName();
  const url = await createDatabase(adminUrl, name);
  if (migrate) await migrateDatabase(url);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
