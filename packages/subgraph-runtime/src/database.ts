import { createPrismaClient, type PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';

/** Connects and proves the database answers within a few seconds, so a bad DATABASE_URL fails fast and clearly. */
export async function connectDatabase(databaseUrl: string, timeoutMs = 5_000): Promise<PrismaClient> {
  const prisma = createPrismaClient(databaseUrl);
  const where = (() => {
    try {
      const url = new URL(databaseUrl);
      return `${url.hostname}:${url.port || 5432}`;
    } catch {
      return 'DATABASE_URL';
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
      }),
    ]);
    return prisma;
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined);
    throw new MeridianError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `PostgreSQL at ${where} did not answer (${(error as Error).message}). Start it or fix DATABASE_URL.`,
    );
  } finally {
    clearTimeout(timer);
  }
}
