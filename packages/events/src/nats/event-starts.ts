import type pg from 'pg';

/**
 * Starts of events a NATS batch consumer applies alone (`backbone."EventStart"`). JetStream counts
 * deliveries per message, and a relayed message carries up to 100 events: the count kept here, per event,
 * survives the restarts of a holder that one of them keeps killing.
 */
export class EventStarts {
  constructor(private readonly pool: pg.Pool) {}

  /** Counts a start of the event (committed before it runs) and returns how many came before this one. */
  async begin(consumer: string, eventId: string): Promise<number> {
    const { rows } = await this.pool.query<{ before: number }>(
      `INSERT INTO "backbone"."EventStart" ("consumer", "eventId", "starts", "updatedAt")
       VALUES ($1, $2, 1, now())
       ON CONFLICT ("consumer", "eventId") DO UPDATE
         SET "starts" = "EventStart"."starts" + 1, "updatedAt" = now()
       RETURNING "starts" - 1 AS "before"`,
      [consumer, eventId],
    );
    return rows[0]!.before;
  }

  /** Takes back the last start: the event's holder stopped without the event ending it. */
  async undo(consumer: string, eventId: string): Promise<void> {
    await this.pool.query(
      `UPDATE "backbone"."EventStart" SET "starts" = "starts" - 1 WHERE "consumer" = $1 AND "eventId" = $2`,
      [consumer, eventId],
    );
  }

  /** Forgets the events' starts: they ended, applied or dead-lettered. */
  async end(consumer: string, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.pool.query(
      `DELETE FROM "backbone"."EventStart" WHERE "consumer" = $1 AND "eventId" = ANY($2)`,
      [consumer, eventIds],
    );
  }
}
