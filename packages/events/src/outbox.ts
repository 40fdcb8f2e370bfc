import { type EventEnvelope, ensureEnvelope, withoutSequence } from './envelope';

/**
 * What `appendToOutbox` and `applyOnce` need from the caller's transaction: a Prisma transaction client
 * (`prisma.$transaction(async (tx) => …)`) fits, and so does `sqlExecutor(pgClient)`.
 */
export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number>;
}

/** What `applyBatchOnce` needs: statements that return rows too (a Prisma transaction client fits). */
export interface SqlQueryExecutor extends SqlExecutor {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): PromiseLike<T>;
}

/** Adapts a `pg` client (inside BEGIN … COMMIT) to SqlQueryExecutor. */
export function sqlExecutor(client: {
  query(sql: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}): SqlQueryExecutor {
  return {
    $executeRawUnsafe: async (sql, ...values) => (await client.query(sql, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) =>
      (await client.query(sql, values)).rows as T,
  };
}

/** NOTIFY channel: the payload lists the committed EventLog seqs, comma-separated. */
export const backboneChannel = 'meridian_backbone';

// 8000-byte NOTIFY payload limit: 200 seqs of up to 20 digits stay well below it.
const rowsPerStatement = 200;

export interface SqlStatement {
  sql: string;
  values: unknown[];
}

// One array parameter per column (unnest) rather than a parameter per value: a 200-row statement binds 7
// values instead of 1,400, which the driver (and Prisma's raw-query runtime) serialise far faster.
const appendSql = `WITH appended AS (
  INSERT INTO "backbone"."EventLog" ("id", "source", "type", "partitionKey", "tenantId", "correlationId", "envelope")
  SELECT "id", "source", "type", "partitionKey", "tenantId", "correlationId", "envelope"::jsonb
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         WITH ORDINALITY AS row ("id", "source", "type", "partitionKey", "tenantId", "correlationId", "envelope", "position")
   ORDER BY "position"
  ON CONFLICT ("source", "id") DO NOTHING
  RETURNING "seq"
)
SELECT pg_notify('${backboneChannel}', string_agg("seq"::text, ',' ORDER BY "seq")) FROM appended HAVING count(*) > 0`;

/** INSERT … ON CONFLICT (source, id) DO NOTHING, then pg_notify of the new seqs (delivered at commit). */
export function appendStatements(events: EventEnvelope[]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let start = 0; start < events.length; start += rowsPerStatement) {
    const chunk = events.slice(start, start + rowsPerStatement).map(ensureEnvelope);
    statements.push({
      sql: appendSql,
      values: [
        chunk.map((event) => event.id),
        chunk.map((event) => event.source),
        chunk.map((event) => event.type),
        chunk.map((event) => event.partitionkey),
        chunk.map((event) => event.tenantid),
        chunk.map((event) => event.correlationid ?? null),
        chunk.map((event) => JSON.stringify(withoutSequence(event))),
      ],
    });
  }
  return statements;
}

/**
 * Writes events in the caller's transaction, so a domain change and the events it causes commit (or roll
 * back) together. Consumers see them once the transaction commits; a (source, id) already in the log is
 * skipped.
 */
export async function appendToOutbox(tx: SqlExecutor, events: EventEnvelope[]): Promise<void> {
  for (const statement of appendStatements(events)) {
    await tx.$executeRawUnsafe(statement.sql, ...statement.values);
  }
}
