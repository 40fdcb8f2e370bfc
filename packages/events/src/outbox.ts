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

// The whole chunk as ONE JSON text parameter, unpacked by json_to_recordset: serialised in a single
// JSON.stringify, with no per-element array-literal escaping in the driver and no JSON text inside JSON.
// (Seven text[] parameters, the envelope as JSON text in one of them, cost about a quarter of the ingest's CPU.)
const appendSql = `WITH appended AS (
  INSERT INTO "backbone"."EventLog" ("id", "source", "type", "partitionKey", "tenantId", "correlationId", "envelope")
  SELECT "id", "source", "type", "partitionKey", "tenantId", "correlationId", "envelope"
    FROM json_to_recordset($1::json) AS row (
           "id" text, "source" text, "type" text, "partitionKey" text, "tenantId" text, "correlationId" text,
           "envelope" jsonb, "position" int)
   ORDER BY "position"
  ON CONFLICT ("source", "id") DO NOTHING
  RETURNING "seq"
)
SELECT pg_notify('${backboneChannel}', string_agg("seq"::text, ',' ORDER BY "seq")) FROM appended HAVING count(*) > 0`;

/** INSERT … ON CONFLICT (source, id) DO NOTHING, then pg_notify of the new seqs (delivered at commit). */
export function appendStatements(events: EventEnvelope[]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let start = 0; start < events.length; start += rowsPerStatement) {
    const rows = events.slice(start, start + rowsPerStatement).map((candidate, position) => {
      const event = ensureEnvelope(candidate);
      return {
        id: event.id,
        source: event.source,
        type: event.type,
        partitionKey: event.partitionkey,
        tenantId: event.tenantid,
        correlationId: event.correlationid ?? null,
        envelope: withoutSequence(event),
        position,
      };
    });
    statements.push({ sql: appendSql, values: [JSON.stringify(rows)] });
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
