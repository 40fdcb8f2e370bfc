import { ErrorCode, MeridianError } from '@meridian/errors';
import type pg from 'pg';
import { type EventEnvelope, withoutSequence } from './envelope';
import type { DeadLetterRecord } from './port';

export interface NewDeadLetter {
  consumer: string;
  event: EventEnvelope;
  attempts: number;
  lastError: string;
  /** See errorCodeOf. */
  errorCode: string;
  /** EventLog.seq (postgres adapter), so a replay can re-dispatch the logged row. */
  eventSeq?: string;
}

export interface StoredDeadLetter extends DeadLetterRecord {
  eventSeq: string | null;
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  tenantId: string | null;
  eventSeq: string | null;
  envelope: EventEnvelope;
  attempts: number;
  lastError: string;
  errorCode: string;
  deadAt: Date;
  replayedAt: Date | null;
}

// Letters recorded before error codes were stored read as INTERNAL.
export const deadLetterColumns = `"id", "consumer", "tenantId", "eventSeq", "envelope", "attempts", "lastError",
  COALESCE("errorCode", 'INTERNAL') AS "errorCode", "deadAt", "replayedAt"`;

function toStored(row: DeadLetterRow): StoredDeadLetter {
  return {
    id: String(row.id),
    consumer: row.consumer,
    tenantId: row.tenantId,
    eventSeq: row.eventSeq,
    event: row.envelope,
    attempts: row.attempts,
    lastError: row.lastError,
    errorCode: row.errorCode,
    deadAt: row.deadAt,
    replayedAt: row.replayedAt,
  };
}

export function toDeadLetterRecord(row: DeadLetterRow): DeadLetterRecord {
  const { eventSeq: _eventSeq, ...record } = toStored(row);
  return record;
}

export type { DeadLetterRow };

const maxErrorLength = 2000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, maxErrorLength);
}

/** The dead letter's errorCode: the MeridianError's code when the failure was one, else INTERNAL. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof MeridianError) return error.code;
  // Another copy of @meridian/errors (e.g. a bundled service) fails instanceof; its shape still tells.
  const candidate = error as { name?: unknown; code?: unknown } | null;
  if (candidate?.name === 'MeridianError' && typeof candidate.code === 'string') return candidate.code;
  return ErrorCode.INTERNAL;
}

const deadLetterIdPattern = /^\d{1,18}$/;

/** backbone."DeadLetter", shared by both adapters so one place lists every dead letter. */
export class DeadLetterStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(
    options: { consumer?: string; tenantId?: string; limit?: number } = {},
  ): Promise<DeadLetterRecord[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 1), 1000);
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT ${deadLetterColumns} FROM "backbone"."DeadLetter"
       WHERE ($1::text IS NULL OR "consumer" = $1) AND ($2::text IS NULL OR "tenantId" = $2)
       ORDER BY "deadAt" DESC, "id" DESC LIMIT $3`,
      [options.consumer ?? null, options.tenantId ?? null, limit],
    );
    return rows.map(toDeadLetterRecord);
  }

  async get(id: string): Promise<DeadLetterRecord | null> {
    if (!deadLetterIdPattern.test(id)) return null;
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT ${deadLetterColumns} FROM "backbone"."DeadLetter" WHERE "id" = $1`,
      [id],
    );
    return rows[0] ? toDeadLetterRecord(rows[0]) : null;
  }

  /**
   * Records a dead letter unless the same event already waits, unreplayed, for the same consumer (two
   * instances may both notice it). Pass `client` to write in the caller's transaction.
   */
  async record(letter: NewDeadLetter, client?: pg.ClientBase): Promise<void> {
    const run = async (db: pg.ClientBase) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${letter.consumer} ${letter.event.id}`]);
      await db.query(
        `INSERT INTO "backbone"."DeadLetter"
           ("consumer", "eventId", "eventSeq", "envelope", "attempts", "lastError", "tenantId", "errorCode")
         SELECT $1, $2, $3, $4::jsonb, $5, $6, $7, $8
         WHERE NOT EXISTS (SELECT 1 FROM "backbone"."DeadLetter"
                           WHERE "consumer" = $1 AND "eventId" = $2 AND "replayedAt" IS NULL)`,
        [
          letter.consumer,
          letter.event.id,
          letter.eventSeq ?? null,
          JSON.stringify(withoutSequence(letter.event)),
          letter.attempts,
          letter.lastError.slice(0, maxErrorLength),
          letter.event.tenantid,
          letter.errorCode,
        ],
      );
    };
    if (client) return run(client);
    await this.transaction(run);
  }

  /**
   * Marks a dead letter replayed after `redeliver` succeeded, in one transaction (a failed redelivery
   * leaves it as it was).
   */
  async replay(id: string, redeliver: (letter: StoredDeadLetter, client: pg.ClientBase) => Promise<void>) {
    if (!deadLetterIdPattern.test(id)) {
      throw new MeridianError(ErrorCode.BAD_USER_INPUT, `Dead letter id "${id}" is not a number.`, {
        field: 'id',
      });
    }
    await this.transaction(async (client) => {
      const { rows } = await client.query<DeadLetterRow>(
        `SELECT ${deadLetterColumns} FROM "backbone"."DeadLetter" WHERE "id" = $1 FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      if (!row) {
        throw new MeridianError(
          ErrorCode.NOT_FOUND,
          `Dead letter ${id} does not exist; list them to find its id.`,
        );
      }
      if (row.replayedAt) {
        throw new MeridianError(
          ErrorCode.CONFLICT,
          `Dead letter ${id} was already replayed at ${row.replayedAt.toISOString()}; if it failed again it has a new id.`,
        );
      }
      await redeliver(toStored(row), client);
      await client.query('UPDATE "backbone"."DeadLetter" SET "replayedAt" = now() WHERE "id" = $1', [id]);
    });
  }

  private async transaction<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }
}

export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection dropped between two statements emits 'error' on the checked-out client; the next
  // statement fails with it, so only keep it from crashing the process.
  const ignore = () => {};
  client.on('error', ignore);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dead: release it with an error so the pool drops it.
    broken = await client.query('ROLLBACK').then(
      () => undefined,
      (rollbackError: Error) => rollbackError,
    );
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(broken);
  }
}
