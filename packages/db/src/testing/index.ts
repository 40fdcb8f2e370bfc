import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../index';
import './provided-context';

/** The fresh, migrated database of this test run (see global-setup.ts). */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/** The test server's admin database, for creating throw-away databases. */
export function testDatabaseAdminUrl(): string {
  return inject('databaseAdminUrl');
}

/** A Prisma client on the test run's database; disconnect it in `afterAll`. */
export function createTestPrismaClient(): PrismaClient {
  return createPrismaClient(testDatabaseUrl(), { maxConnections: 4 });
}
