import { ErrorCode, MeridianError } from '@meridian/errors';
import type pg from 'pg';
import type { BackboneRetention, LogRetentionSetting, PruneResult } from './port';

/** How long a tenant's events stay in the log when its admins never chose (days). */
export const defaultLogRetentionDays = 30;
// Never less than JetStream keeps a stream (7 days): an event NATS can still redeliver must still find its
// inbox row, or it would apply twice.
export const minLogRetentionDays = 7;
export const maxLogRetentionDays = 3_650;
/** A consumer or relay position not moved for this long no longer holds events back (a retired consumer). */
export const stalePositionDays = 7;

// Short statements: each holds its locks and WAL for a few tens of milliseconds, beside the live load.
const defaultRowsPerStatement = 5_000;

export function checkLogRetentionDays(days: number): void {
  if (!Number.isInteger(days) || days < minLogRetentionDays || days > maxLogRetentionDays) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `Event log retention is a whole number of days from ${minLogRetentionDays} to ${maxLogRetentionDays}.`,
      { field: 'days' },
    );
  }
}

// An event may go once it is older than its tenant's retention, every live position (a consumer's offset,
// the NATS relay's) has passed it, and nothing still points at it: pending work (Delivery) or a dead letter
// not replayed yet (replaying it re-reads the row). The log is in append order, so the scan ends at the
// first row younger than the shortest retention (one appended out of order waits for a later run).
const pruneEventsSql = `
  WITH "bound" AS (
    SELECT "xid", "seq" FROM (
      SELECT "xid", "seq" FROM "backbone"."ConsumerOffset" WHERE "updatedAt" > $1::timestamptz - make_interval(days => $4)
      UNION ALL
      SELECT "xid", "seq" FROM "backbone"."RelayPosition" WHERE "updatedAt" > $1::timestamptz - make_interval(days => $4)
    ) AS "positions" ORDER BY "xid", "seq" LIMIT 1
  ), "expired" AS (
    SELECT e."seq" FROM "backbone"."EventLog" e
      LEFT JOIN "backbone"."LogRetention" r ON r."tenantId" = e."tenantId"
     WHERE e."createdAt" < $1::timestamptz - make_interval(days => COALESCE(r."days", $2))
       -- Only up to the first row younger than the shortest retention: the scan never walks the kept log.
       AND e."seq" < COALESCE((
         SELECT y."seq" FROM "backbone"."EventLog" y
          WHERE y."createdAt" >= $1::timestamptz - make_interval(days => LEAST($2,
                  (SELECT min("days") FROM "backbone"."LogRetention")))
          ORDER BY y."seq" LIMIT 1), 9223372036854775807)
       AND NOT EXISTS (SELECT 1 FROM "bound" b WHERE (e."xid", e."seq") > (b."xid", b."seq"))
       AND NOT EXISTS (SELECT 1 FROM "backbone"."Delivery" d WHERE d."eventSeq" = e."seq")
       AND NOT EXISTS (
         SELECT 1 FROM "backbone"."DeadLetter" l WHERE l."eventSeq" = e."seq" AND l."replayedAt" IS NULL
       )
     ORDER BY e."seq" LIMIT $3
  )
  DELETE FROM "backbone"."EventLog" WHERE "seq" IN (SELECT "seq" FROM "expired")`;

// Inbox rows carry no tenant: they go after the longest retention any tenant keeps.
const pruneInboxSql = `
  DELETE FROM "backbone"."Inbox" WHERE ctid = ANY (ARRAY(
    SELECT ctid FROM "backbone"."Inbox"
     WHERE "appliedAt" < $1::timestamptz - make_interval(days => GREATEST($2,
             (SELECT COALESCE(max("days"), 0) FROM "backbone"."LogRetention")))
     LIMIT $3))`;

/** The backbone's retention, over its own tables (the same with either adapter). */
export function createRetention(
  pool: pg.Pool,
  { rowsPerStatement = defaultRowsPerStatement }: { rowsPerStatement?: number } = {},
): BackboneRetention {
  // Until a statement finds less than a full batch: a run keeps up with any rate the database can delete,
  // where a cap per run would set the highest sustained ingest rate retention keeps up with.
  const deleteAll = async (sql: string, values: unknown[], signal: AbortSignal | undefined) => {
    let deleted = 0;
    while (!signal?.aborted) {
      const { rowCount } = await pool.query(sql, values);
      deleted += rowCount ?? 0;
      if ((rowCount ?? 0) < rowsPerStatement) break;
    }
    return deleted;
  };

  return {
    async get(tenantId: string): Promise<LogRetentionSetting> {
      const { rows } = await pool.query<{ days: number; updatedAt: Date; updatedBy: string | null }>(
        'SELECT "days", "updatedAt", "updatedBy" FROM "backbone"."LogRetention" WHERE "tenantId" = $1',
        [tenantId],
      );
      const row = rows[0];
      return row
        ? { days: row.days, isDefault: false, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
        : { days: defaultLogRetentionDays, isDefault: true, updatedAt: null, updatedBy: null };
    },

    async set(tenantId: string, days: number, updatedBy: string | null): Promise<LogRetentionSetting> {
      checkLogRetentionDays(days);
      const { rows } = await pool.query<{ updatedAt: Date }>(
        `INSERT INTO "backbone"."LogRetention" ("tenantId", "days", "updatedAt", "updatedBy")
         VALUES ($1, $2, now(), $3)
         ON CONFLICT ("tenantId") DO UPDATE
           SET "days" = EXCLUDED."days", "updatedAt" = now(), "updatedBy" = EXCLUDED."updatedBy"
         RETURNING "updatedAt"`,
        [tenantId, days, updatedBy],
      );
      return { days, isDefault: false, updatedAt: rows[0]!.updatedAt, updatedBy };
    },

    async prune({ now = new Date(), signal } = {}): Promise<PruneResult> {
      const events = await deleteAll(
        pruneEventsSql,
        [now, defaultLogRetentionDays, rowsPerStatement, stalePositionDays],
        signal,
      );
      const inboxRows = await deleteAll(
        pruneInboxSql,
        [now, defaultLogRetentionDays, rowsPerStatement],
        signal,
      );
      return { events, inboxRows };
    },
  };
}
