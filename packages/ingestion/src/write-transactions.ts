import { type SqlQueryExecutor, sqlExecutor } from '@meridian/events';
import pg from 'pg';

/** Runs one write's statements in one PostgreSQL transaction. */
export interface WriteTransactions {
  run<T>(work: (tx: SqlQueryExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The bulk write's transaction on a plain `pg` pool. Every statement of the hot path is raw SQL already, and
 * passing its 500-element array parameters through Prisma's raw-query runtime cost about a seventh of the
 * ingest's CPU; the driver alone binds them as they are.
 */
export function pgWriteTransactions(databaseUrl: string, options: { max?: number } = {}): WriteTransactions {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 8 });
  // An idle client losing its connection (a database restart) must not crash the process; the next
  // checkout opens a new one.
  pool.on('error', () => {});
  return {
    async run(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(sqlExecutor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
