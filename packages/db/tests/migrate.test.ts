import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createMigration,
  defaultMigrationPaths,
  type MigrationPaths,
  migrateDatabase,
  migrationPathsIn,
  pendingSchemaChanges,
  snapshotSchemaSql,
} from '../src/migrate';
import { withClient } from '../src/server';
import { createScratchDatabase, type ScratchDatabase } from '../src/testing/index';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

const domainSchemas = ['catalog', 'supply', 'logistics', 'quality', 'security', 'backbone'];

/** Every table column, index, constraint and enum value in the domain schemas, as sorted text. */
async function describeDatabase(url: string): Promise<string[]> {
  const queries = [
    `SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' ' ||
       is_nullable || ' ' || coalesce(column_default, '') || ' ' || coalesce(character_maximum_length::text, '') ||
       ' ' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '') AS line
     FROM information_schema.columns WHERE table_schema = ANY($1)`,
    `SELECT schemaname || ' ' || indexdef AS line FROM pg_indexes WHERE schemaname = ANY($1)`,
    `SELECT n.nspname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ANY($1)`,
    `SELECT n.nspname || '.' || t.typname || ' ' || e.enumlabel || ' ' || e.enumsortorder AS line
     FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = ANY($1)`,
  ];
  return withClient(url, async (client) => {
    const lines: string[] = [];
    for (const query of queries) {
      const { rows } = await client.query<{ line: string }>(query, [domainSchemas]);
      lines.push(...rows.map((row) => row.line));
    }
    return lines.sort();
  });
}

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(defaultMigrationPaths.migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('migrateDatabase', () => {
  let database: ScratchDatabase;
  let url: string;

  beforeAll(async () => {
    database = await createScratchDatabase({ migrate: false });
    url = database.url;
  });
  afterAll(() => database.drop());

  test('applies every committed migration once, even when called concurrently, then nothing', async () => {
    const [first, second] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    expect([...first, ...second].sort()).toEqual(await committedMigrationNames());
    expect(await migrateDatabase(url)).toEqual([]);

    const recorded = await withClient(url, (client) =>
      client.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      ),
    );
    expect(recorded.rows.map((row) => row.migration_name)).toEqual(await committedMigrationNames());
  });

  test('builds the same tables, columns, indexes, constraints and enums as the schema snapshot', async () => {
    // `check` compares prisma/schema with the snapshot; this closes the loop from the snapshot
    // to the migrations, so a hand-written or missing migration cannot hide.
    const fromSnapshot = await createScratchDatabase({ migrate: false });
    try {
      await withClient(fromSnapshot.url, async (client) => {
        await client.query(await snapshotSchemaSql());
      });
      expect(await describeDatabase(url)).toEqual(await describeDatabase(fromSnapshot.url));
    } finally {
      await fromSnapshot.drop();
    }
  });

  test('creates one PostgreSQL schema per domain', async () => {
    const { rows } = await withClient(url, (client) =>
      client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace'),
    );
    expect(rows.map((row) => row.nspname)).toEqual(expect.arrayContaining(domainSchemas));
  });
});

describe('diff and check', () => {
  let prismaDir: string;
  let paths: MigrationPaths;

  beforeAll(async () => {
    prismaDir = await mkdtemp(join(tmpdir(), 'meridian-prisma-'));
    paths = migrationPathsIn(prismaDir);
    await cp(defaultMigrationPaths.schemaDir, paths.schemaDir, { recursive: true });
    await cp(defaultMigrationPaths.migrationsDir, paths.migrationsDir, { recursive: true });
    await cp(defaultMigrationPaths.snapshotDir, paths.snapshotDir, { recursive: true });
  });
  afterAll(() => rm(prismaDir, { recursive: true, force: true }));

  test('the committed migrations cover the committed schema', async () => {
    expect(await pendingSchemaChanges(defaultMigrationPaths)).toBe('');
  });

  test('a schema change is drift until a migration is created for it', async () => {
    const catalog = join(paths.schemaDir, 'catalog.prisma');
    const text = await readFile(catalog, 'utf8');
    await writeFile(
      catalog,
      text.replace('  weightGrams  Int?', '  weightGrams  Int?\n  colour       String?'),
    );

    const pending = await pendingSchemaChanges(paths);
    expect(pending).toContain('ALTER TABLE "catalog"."Sku" ADD COLUMN     "colour" TEXT');
    await expect(run(tsx, [cli, 'check', '--prisma-dir', prismaDir])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('changes that no migration covers'),
    });

    const folder = await createMigration('Sku colour', { paths, now: new Date('2030-01-02T03:04:05Z') });
    expect(folder).toBe('20300102030405_sku_colour');
    expect(await readFile(join(paths.migrationsDir, folder!, 'migration.sql'), 'utf8')).toBe(pending);
    expect(await pendingSchemaChanges(paths)).toBe('');
    expect(await createMigration('nothing', { paths })).toBeNull();
    const { stdout } = await run(tsx, [cli, 'check', '--prisma-dir', prismaDir]);
    expect(stdout).toContain('matches the committed migrations');
  });

  test('the new migration applies on top of the committed ones', async () => {
    const { url, drop } = await createScratchDatabase({ migrate: false });
    try {
      const applied = await migrateDatabase(url, paths);
      expect(applied.at(-1)).toBe('20300102030405_sku_colour');
      const { rows } = await withClient(url, (client) =>
        client.query(
          `SELECT 1 FROM information_schema.columns WHERE table_schema = 'catalog' AND table_name = 'Sku' AND column_name = 'colour'`,
        ),
      );
      expect(rows).toHaveLength(1);
    } finally {
      await drop();
    }
  });
});
