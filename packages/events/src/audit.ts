import { ErrorCode, MeridianError } from '@meridian/errors';
import type pg from 'pg';
import { type DeadLetterRow, deadLetterColumns, toDeadLetterRecord } from './dead-letter-store';
import type { EventEnvelope } from './envelope';
import type { AuditTrailEntry, BackboneAudit } from './port';

interface InboxRow {
  consumer: string;
  eventId: string;
  appliedAt: Date;
  processingLatencyMs: number | null;
  retryCount: number;
  errorCode: string | null;
}

/** The audit trail read from the backbone tables (the outbox is EventLog with either adapter). */
export function createAudit(pool: pg.Pool): BackboneAudit {
  return {
    async trail({ tenantId, correlationId, limit = 100 }) {
      for (const [field, value] of Object.entries({ tenantId, correlationId })) {
        if (typeof value !== 'string' || value.length === 0) {
          throw new MeridianError(ErrorCode.BAD_USER_INPUT, `${field} is required for an audit trail.`, {
            field,
          });
        }
      }
      const rowLimit = Math.min(Math.max(Math.trunc(limit), 1), 1000);
      const events = await pool.query<{ seq: string; envelope: EventEnvelope; createdAt: Date }>(
        `SELECT "seq", "envelope", "createdAt" FROM "backbone"."EventLog"
         WHERE "tenantId" = $1 AND "correlationId" = $2 ORDER BY "seq" LIMIT $3`,
        [tenantId, correlationId, rowLimit],
      );
      if (events.rows.length === 0) return [];
      const eventIds = [...new Set(events.rows.map((row) => row.envelope.id))];
      // Inbox's key is (consumer, eventId): find the consumers with a skip scan of that index (one probe
      // per consumer), then probe each for these events, rather than reading the whole inbox.
      const [inbox, letters] = await Promise.all([
        pool.query<InboxRow>(
          `WITH RECURSIVE consumers AS (
             (SELECT "consumer" FROM "backbone"."Inbox" ORDER BY "consumer" LIMIT 1)
             UNION ALL
             SELECT (SELECT i."consumer" FROM "backbone"."Inbox" i WHERE i."consumer" > c."consumer"
                     ORDER BY i."consumer" LIMIT 1)
             FROM consumers c WHERE c."consumer" IS NOT NULL
           )
           SELECT i."consumer", i."eventId", i."appliedAt", i."processingLatencyMs", i."retryCount", i."errorCode"
           FROM consumers c
           JOIN "backbone"."Inbox" i ON i."consumer" = c."consumer" AND i."eventId" = ANY($1::text[])
           ORDER BY i."appliedAt", i."consumer"`,
          [eventIds],
        ),
        pool.query<DeadLetterRow & { eventId: string }>(
          `SELECT ${deadLetterColumns}, "eventId" FROM "backbone"."DeadLetter"
           WHERE "tenantId" = $1 AND "eventId" = ANY($2::text[]) ORDER BY "deadAt", "id"`,
          [tenantId, eventIds],
        ),
      ]);
      return events.rows.map(
        ({ seq, envelope, createdAt }): AuditTrailEntry => ({
          event: { ...envelope, sequence: seq },
          sequence: seq,
          appendedAt: createdAt,
          processing: inbox.rows
            .filter((row) => row.eventId === envelope.id)
            .map(({ eventId: _eventId, ...processing }) => processing),
          deadLetters: letters.rows
            .filter((row) => row.eventId === envelope.id && row.envelope.source === envelope.source)
            .map(({ eventId: _eventId, ...row }) => toDeadLetterRecord(row)),
        }),
      );
    },
  };
}
