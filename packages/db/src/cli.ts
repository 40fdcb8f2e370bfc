import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MeridianError } from '@meridian/errors';
import { resolveDatabaseUrl } from './embedded';
import {
  createMigration,
  defaultMigrationPaths,
  type MigrationPaths,
  migrateDatabase,
  migrationPathsIn,
  pendingSchemaChanges,
} from './migrate';

const usage = `Usage: tsx packages/db/src/cli.ts <command> [--prisma-dir <dir>]

  migrate              apply prisma/migrations to DATABASE_URL (unset: the embedded PostgreSQL)
  diff --name <name>   write prisma/migrations/<timestamp>_<name>/ from the schema changes since the last migration
  check                exit 1 when prisma/schema has changes that no migration covers (CI drift check)

  --prisma-dir <dir>   the folder holding schema/, migrations/, schema-at-last-migration/ (default: the repo's prisma/)
`;

const log = { info: (message: string) => console.log(message) };

async function migrate(paths: MigrationPaths): Promise<void> {
  const database = await resolveDatabaseUrl({ log });
  try {
    const applied = await migrateDatabase(database.url, paths);
    console.log(
      applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.length}: ${applied.join(', ')}`,
    );
  } finally {
    await database.stop();
  }
}

async function diff(paths: MigrationPaths, name: string | undefined): Promise<void> {
  if (!name) {
    console.error(`diff needs --name <name>.\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const folder = await createMigration(name, { paths });
  console.log(
    folder === null
      ? 'No schema changes since the last migration; nothing written.'
      : `Wrote ${join(paths.migrationsDir, folder, 'migration.sql')}; review it, then commit it together with ${paths.snapshotDir}.`,
  );
}

async function check(paths: MigrationPaths): Promise<void> {
  const sql = await pendingSchemaChanges(paths);
  if (sql === '') {
    console.log('prisma/schema matches the committed migrations.');
    return;
  }
  console.error(
    'prisma/schema has changes that no migration covers. Create one with\n' +
      '  pnpm --filter @meridian/db migrate:diff --name <what_changed>\n' +
      `and commit it. The missing SQL:\n\n${sql}`,
  );
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, 'prisma-dir': { type: 'string' } },
  });
  const paths = values['prisma-dir'] ? migrationPathsIn(values['prisma-dir']) : defaultMigrationPaths;
  switch (positionals[0]) {
    case 'migrate':
      return migrate(paths);
    case 'diff':
      return diff(paths, values.name);
    case 'check':
      return check(paths);
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MeridianError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
