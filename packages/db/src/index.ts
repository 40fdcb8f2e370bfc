import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export * from './generated/prisma/client';

export interface PrismaClientOptions {
  /** Connections in this client's pool (pg's default is 10). */
  maxConnections?: number;
}

/**
 * A Prisma client on the pg driver adapter: queries are compiled in WebAssembly and sent through
 * node-postgres, so no Rust query engine is downloaded or started.
 */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections });
  return new PrismaClient({ adapter });
}
