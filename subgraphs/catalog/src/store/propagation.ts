import type { Db } from './records';

export interface AppliedStats {
  consumer: string;
  eventType: string;
  applied: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  lastAppliedAt: Date | null;
}

export interface PendingCount {
  consumer: string;
  eventType: string;
  pending: number;
}

// The tenant's last `recent` events of the given types; the consumers that ever applied an event bound the inbox
// and delivery lookups to their keys (consumer, event), so only the recent events are touched. They are read
// from the inbox's primary key by a loose index scan (one probe per consumer), which works on either backbone
// (ConsumerOffset only tracks the PostgreSQL backbone's consumers).
const recentEvents = `WITH RECURSIVE recent AS (
    SELECT "seq", "id", "type" FROM "backbone"."EventLog"
     WHERE "type" = ANY($2::text[]) AND "tenantId" = $1
     ORDER BY "xid" DESC, "seq" DESC LIMIT $3),
  inbox_consumers AS (
    (SELECT "consumer" FROM "backbone"."Inbox" ORDER BY "consumer" LIMIT 1)
    UNION ALL
    SELECT (SELECT i."consumer" FROM "backbone"."Inbox" i WHERE i."consumer" > c."consumer" ORDER BY i."consumer" LIMIT 1)
      FROM inbox_consumers c WHERE c."consumer" IS NOT NULL),
  consumers AS (SELECT "consumer" FROM inbox_consumers WHERE "consumer" IS NOT NULL)`;

/** Per consumer and event type: how many of the recent events it applied and how long after their creation. */
export function appliedStats(db: Db, tenantId: string, types: readonly string[], recent: number) {
  return db.$queryRawUnsafe<AppliedStats[]>(
    `${recentEvents}
     SELECT i."consumer", r."type" AS "eventType", count(*)::int AS "applied",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY i."processingLatencyMs") AS "p50Ms",
            percentile_cont(0.95) WITHIN GROUP (ORDER BY i."processingLatencyMs") AS "p95Ms",
            max(i."processingLatencyMs")::float AS "maxMs",
            max(i."appliedAt") AS "lastAppliedAt"
       FROM recent r
       JOIN "backbone"."Inbox" i ON i."eventId" = r."id" AND i."consumer" IN (SELECT "consumer" FROM consumers)
      GROUP BY 1, 2`,
    tenantId,
    [...types],
    recent,
  );
}

/** Per consumer and event type: recent events still waiting in its delivery queue. */
export function pendingCounts(db: Db, tenantId: string, types: readonly string[], recent: number) {
  return db.$queryRawUnsafe<PendingCount[]>(
    `${recentEvents}
     SELECT d."consumer", r."type" AS "eventType", count(*)::int AS "pending"
       FROM recent r
       JOIN "backbone"."Delivery" d ON d."eventSeq" = r."seq" AND d."consumer" IN (SELECT "consumer" FROM consumers)
      GROUP BY 1, 2`,
    tenantId,
    [...types],
    recent,
  );
}
