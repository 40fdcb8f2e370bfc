import { parseArgs } from 'node:util';
import { createPrismaClient } from '@meridian/db';
import { resolveDatabaseUrl } from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { demoPassword, demoTenant, demoUsers } from './demo';
import { seedDemoWorld } from './seed';

// Usage: pnpm --filter @meridian/prisma seed [--today YYYY-MM-DD]
// Migrates the database (DATABASE_URL, or the embedded PostgreSQL when unset), then seeds the demo world.
const log = { info: (message: string) => console.log(message) };

function parseToday(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const today = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(today.getTime())) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `--today must be a date like 2026-11-27, got "${value}".`,
      {
        field: 'today',
      },
    );
  }
  return today;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { today: { type: 'string' } } });
  const today = parseToday(values.today);
  const database = await resolveDatabaseUrl({ log });
  try {
    const applied = await migrateDatabase(database.url);
    if (applied.length > 0) log.info(`Applied migrations: ${applied.join(', ')}`);
    const prisma = createPrismaClient(database.url);
    try {
      const started = Date.now();
      const result = await seedDemoWorld(prisma, { today });
      if (!result.created) {
        log.info(`The demo tenant "${demoTenant.slug}" already exists; nothing to do.`);
        return;
      }
      const counts = Object.entries(result.counts).map(([table, count]) => `${table} ${count}`);
      log.info(`Seeded ${demoTenant.name} in ${Date.now() - started} ms: ${counts.join(', ')}`);
      log.info(
        `Sign in as ${Object.values(demoUsers)[0]?.email} (or any <role>@demo.meridian.test) with "${demoPassword}".`,
      );
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MeridianError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
