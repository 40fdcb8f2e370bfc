import type pg from 'pg';
import { inTransaction } from './dead-letter-store';
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

/** NOTIFY channel: the payload is a BackboneNotification (see parseBackboneNotification). */
export const backboneChannel = 'meridian_backbone';

// 8000-byte NOTIFY payload limit: 200 seqs of up to 20 digits plus 16 domain names stay below it.
const rowsPerStatement = 200;
const maxNotifiedDomains = 16;

/** What a NOTIFY on backboneChannel says: the committed seqs, and the domains of their types if known. */
export interface BackboneNotification {
  seqs: string[];
  /** Null: any domain (a wake-up without a list); a listener that wants none of these may sleep on. */
  domains: Set<string> | null;
}

/**
 * `<domain> <domain>;<seq>,<seq>` as the append sends it; a payload without `;` names no domains (the bare
 * wake-up after a dead-letter replay, or a statement with too many domains to list).
 */
export function parseBackboneNotification(payload: string): BackboneNotification {
  const split = payload.indexOf(';');
  const seqs = (split === -1 ? payload : payload.slice(split + 1))
    .split(',')
    .filter((seq) => /^\d+$/.test(seq));
  const domains = split === -1 ? null : new Set(payload.slice(0, split).split(' ').filter(Boolean));
  return { seqs, domains };
}

export interface SqlStatement {
  sql: string;
  values: unknown[];
}

// The envelopes travel once, as one JSON array, and are stored as json text: PostgreSQL only checks the
// syntax (parsing into jsonb, then printing every envelope again for each reader, the relay and the
// consumers, cost more than the rest of the append), and the columns come as arrays beside them. The answer
// names the rows appended (a (source, id) already in the log is skipped), so a caller needs no second
// look-up. The NOTIFY names the rows' domains, so a listener that wants none of them is not woken.
// pg_notify's void is cast to text: Prisma cannot read a void column.
const appendSql = `WITH appended AS (
  INSERT INTO "backbone"."EventLog" ("id", "source", "type", "partitionKey", "tenantId", "correlationId", "envelope")
  SELECT r."id", r."source", r."type", r."partitionKey", r."tenantId", r."correlationId", r."envelope"
    FROM ROWS FROM (json_array_elements($1::json), unnest($2::text[]), unnest($3::text[]), unnest($4::text[]),
                    unnest($5::text[]), unnest($6::text[]), unnest($7::text[]))
         WITH ORDINALITY AS r ("envelope", "id", "source", "type", "partitionKey", "tenantId", "correlationId", "position")
   ORDER BY r."position"
  ON CONFLICT ("source", "id") DO NOTHING
  RETURNING "seq", "source", "id", split_part("type", '.', 1) AS "domain"
)
SELECT array_agg("source") AS "sources", array_agg("id") AS "ids",
       pg_notify('${backboneChannel}',
         CASE WHEN count(DISTINCT "domain") <= ${maxNotifiedDomains}
              THEN string_agg(DISTINCT "domain", ' ') || ';' ELSE '' END
         || string_agg("seq"::text, ',' ORDER BY "seq"))::text AS "notified"
  FROM appended HAVING count(*) > 0`;

/** INSERT … ON CONFLICT (source, id) DO NOTHING, then pg_notify of the new seqs (delivered at commit). */
export function appendStatements(events: EventEnvelope[]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let start = 0; start < events.length; start += rowsPerStatement) {
    const envelopes = events
      .slice(start, start + rowsPerStatement)
      .map((candidate) => withoutSequence(ensureEnvelope(candidate)));
    statements.push({
      sql: appendSql,
      values: [
        JSON.stringify(envelopes),
        envelopes.map((envelope) => envelope.id),
        envelopes.map((envelope) => envelope.source),
        envelopes.map((envelope) => envelope.type),
        envelopes.map((envelope) => envelope.partitionkey),
        envelopes.map((envelope) => envelope.tenantid),
        envelopes.map((envelope) => envelope.correlationid ?? null),
      ],
    });
  }
  return statements;
}

/** The key of an event in the log: its source and id. */
export function logKeyOf(event: Pick<EventEnvelope, 'source' | 'id'>): string {
  return `${event.source}\u0000${event.id}`;
}

/**
 * appendToOutbox, answering which events this call appended (by logKeyOf); the others were in the log
 * already, under the same source and id.
 */
export async function appendNewToOutbox(tx: SqlQueryExecutor, events: EventEnvelope[]): Promise<Set<string>> {
  const appended = new Set<string>();
  for (const statement of appendStatements(events)) {
    const rows = await tx.$queryRawUnsafe<{ sources: string[]; ids: string[] }[]>(
      statement.sql,
      ...statement.values,
    );
    for (const { sources, ids } of rows) {
      for (const [index, id] of ids.entries())
        appended.add(logKeyOf({ source: sources[index] as string, id }));
    }
  }
  return appended;
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

/**
 * `publish` of either backbone: the events appended on their own, in one transaction. On NATS too every
 * event passes the log, so the log's (source, id) key drops a duplicate however late it comes, and the relay
 * is the one publisher to JetStream.
 */
export async function publishToLog(pool: pg.Pool, events: EventEnvelope[]): Promise<void> {
  const statements = appendStatements(events);
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await pool.query(statements[0]!.sql, statements[0]!.values);
    return;
  }
  await inTransaction(pool, async (client) => {
    for (const statement of statements) await client.query(statement.sql, statement.values);
  });
}
