import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

// Prisma's native schema engine is downloaded at run time, which these machines cannot do. The
// same engine ships as WebAssembly on npm; Node cannot `import` a .wasm file, so it is compiled
// and wired to its JS glue by hand, once per process.
let wasmReady: Promise<void> | undefined;

// The part of the WebAssembly global this file uses; @types/node 20 does not declare it.
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: Record<string, unknown> }>;
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

/**
 * The engine arms a timer around every operation and never clears it, which would keep a
 * finished command alive for ~10 s. Its timers are unref'd: pending database I/O still keeps
 * the process alive while the engine works.
 */
function withUnrefTimers(glue: Record<string, unknown>): Record<string, unknown> {
  const imports = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const module = await wasmApi.compile(await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm')));
    const instance = await wasmApi.instantiate(module, {
      './schema_engine_bg.js': withUnrefTimers(bindings),
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * Diffs between two datamodels never read the database, but the engine asks for the server's
 * version once when it starts. This adapter answers that one question, so `diff` and `check` run
 * with no database at all; anything else fails loudly.
 */
function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => {
    throw new Error(`The offline schema engine cannot ${what}; this command needs a database.`);
  };
  const adapter: SqlDriverAdapter = {
    provider: 'postgres',
    adapterName: 'meridian-offline',
    getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
    queryRaw: async (query: SqlQuery): Promise<SqlResultSet> => {
      if (!query.sql.includes('version()')) return refuse(`run "${query.sql}"`);
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 15.0 (offline)', 150000]],
      };
    },
    executeRaw: async () => refuse('execute statements'),
    executeScript: async () => refuse('execute scripts'),
    startTransaction: async () => refuse('open transactions'),
    dispose: async () => {},
  };
  return {
    provider: 'postgres',
    adapterName: 'meridian-offline',
    connect: async () => adapter,
    connectToShadowDb: async () => adapter,
  };
}

/**
 * Runs `work` with a schema engine connected to `databaseUrl` through the pg driver adapter, or,
 * with `databaseUrl` null, with an engine that can only diff datamodels.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string | null,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const pool = databaseUrl === null ? null : new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An unreachable server must fail the command, not crash the process from an idle client.
  pool?.on('error', () => {});
  const factory = pool === null ? offlineAdapterFactory() : new PrismaPg(pool);
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: undefined },
      () => {},
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool?.end();
  }
}

/** The engine rejects with a JSON-ish error object; this turns it into a readable message. */
export function engineErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
