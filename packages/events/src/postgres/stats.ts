import type pg from 'pg';
import type { LocalConsumers } from '../local-consumers';
import type { BackboneStats } from '../port';

// Counting stops here; a longer backlog is estimated from the log positions.
const countedLagLimit = 10_000;

/**
 * Stats of every consumer with an offset (both kinds of durable consumer of the postgres adapter).
 *
 * lag = rows queued in Delivery for the consumer (dispatched, not handled yet) + log rows after its offset
 * in (xid, seq) order. The latter are counted exactly up to 10,000, matching the consumer's types when it
 * runs in this process (the types live only in the consumer's code), every type otherwise (rows of other
 * types are passed over quickly, so a healthy consumer shows a small figure either way); beyond that it is
 * the distance between the newest seq and the offset's seq. pendingRetries = Delivery rows that failed at
 * least once, plus the events of batches this process is retrying in memory.
 */
export async function postgresStats(pool: pg.Pool, local: LocalConsumers): Promise<BackboneStats> {
  const { rows } = await pool.query<{
    consumer: string;
    xid: string;
    seq: string;
    queued: number;
    pendingRetries: number;
    deadLetters: number;
  }>(
    `SELECT o."consumer", o."xid", o."seq",
       (SELECT count(*) FROM "backbone"."Delivery" d WHERE d."consumer" = o."consumer")::int AS queued,
       (SELECT count(*) FROM "backbone"."Delivery" d
        WHERE d."consumer" = o."consumer" AND d."lastError" IS NOT NULL)::int AS "pendingRetries",
       (SELECT count(*) FROM "backbone"."DeadLetter" l
        WHERE l."consumer" = o."consumer" AND l."replayedAt" IS NULL)::int AS "deadLetters"
     FROM "backbone"."ConsumerOffset" o ORDER BY o."consumer"`,
  );
  const consumers = await Promise.all(
    rows.map(async (row) => {
      const selector = local.selectorOf(row.consumer);
      const { rows: counted } = await pool.query<{ unhandled: number; head: string | null }>(
        `SELECT (SELECT count(*) FROM (
                   SELECT 1 FROM "backbone"."EventLog"
                   WHERE ("xid", "seq") > ($1::bigint, $2::bigint)
                     AND ($3::text[] IS NULL OR "type" = ANY($3::text[])
                          OR EXISTS (SELECT 1 FROM unnest($4::text[]) AS p WHERE starts_with("type", p)))
                   LIMIT $5) AS after)::int AS unhandled,
                (SELECT max("seq") FROM "backbone"."EventLog") AS head`,
        [row.xid, row.seq, selector?.exact ?? null, selector?.prefixes ?? [], countedLagLimit],
      );
      const { unhandled, head } = counted[0]!;
      const afterOffset =
        unhandled < countedLagLimit ? unhandled : Math.max(unhandled, Number(head ?? 0) - Number(row.seq));
      return {
        consumer: row.consumer,
        lag: row.queued + afterOffset,
        pendingRetries: row.pendingRetries + local.retrying(row.consumer),
        deadLetters: row.deadLetters,
      };
    }),
  );
  return { consumers };
}
