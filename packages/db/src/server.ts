import { ErrorCode, MeridianError } from '@meridian/errors';
import pg from 'pg';

const duplicateDatabase = '42P04';
const databaseNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** `host:port` of a connection URL, for messages (never the credentials). */
export function serverAddress(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}

/** The same server and credentials, another database. */
export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function errorText(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(errorText).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Connects, runs `work`, disconnects. Connecting and each query give up after `timeoutMs`, so an
 * unreachable or stalled server fails fast instead of hanging the caller.
 */
export async function withClient<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): Promise<T> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Throws DATABASE_UNAVAILABLE (naming host:port and what to do) unless the server answers in time. */
export async function assertDatabaseReachable(
  databaseUrl: string,
  { timeoutMs = 3_000 } = {},
): Promise<void> {
  try {
    await withClient(databaseUrl, (client) => client.query('SELECT 1'), { timeoutMs });
  } catch (error) {
    throw new MeridianError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `PostgreSQL at ${serverAddress(databaseUrl)} (from DATABASE_URL) did not answer within ${timeoutMs} ms: ${errorText(error)}. ` +
        'Start that server or correct DATABASE_URL; unset DATABASE_URL to use the embedded PostgreSQL instead.',
      { address: serverAddress(databaseUrl) },
    );
  }
}

function assertDatabaseName(name: string): void {
  if (!databaseNamePattern.test(name)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `"${name}" is not a database name this project creates: use lower-case letters, digits and _.`,
      { field: 'name' },
    );
  }
}

/** Creates database `name` on the server of `adminUrl` (if missing) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  assertDatabaseName(name);
  await withClient(adminUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount !== 0) return;
    await client
      .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
      .catch((error: { code?: string }) => {
        // Someone else created it between the check and now: that is the outcome we wanted.
        if (error.code !== duplicateDatabase) throw error;
      });
  });
  return withDatabaseName(adminUrl, name);
}

/** Drops database `name`, disconnecting whoever is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}
