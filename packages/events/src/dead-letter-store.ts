import { ErrorCode, MeridianError } from '@meridian/errors';
import type pg from 'pg';
import { type EventEnvelope, withoutSequence } from './envelope';
import type { DeadLetterRecord } from './port';

export interface NewDeadLetter {
  consumer: string;
  event: EventEnvelope;
  attempts: number;
  lastError: string;
  /** EventLog.seq (postgres adapter), so a replay can re-dispatch the logged row. */
  eventSeq?: string;
}

export interface StoredDeadLetter extends DeadLetterRecord {
  eventSeq: string | null;
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  eventSeq: string | null;
  envelope: EventEnvelope;
  attempts: number;
  lastError: string;
  deadAt: Date;
  replayedAt: Date | null;
}

const columns = '"id", "consumer", "eventSeq", "envelope", "attempts", "lastError", "deadAt", "replayedAt"';

function toRecord(row: DeadLetterRow): StoredDeadLetter {
  return {
    id: String(row.id),
    consumer: row.consumer,
    eventSeq: row.eventSeq,
    event: row.envelope,
    attempts: row.attempts,
    lastError: row.lastError,
    deadAt: row.deadAt,
    replayedAt: row.replayedAt,
  };
}

const maxErrorLength = 2000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, maxErrorLength);
}

/** backbone."DeadLetter", shared by both adapters so one place lists every dead letter. */
export class DeadLetterStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(options: { consumer?: string; limit?: number } = {}): Promise<DeadLetterRecord[]> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT ${columns} FROM "backbone"."DeadLetter"
       WHERE $1::text IS NULL OR "consumer" = $1 ORDER BY "deadAt" DESC, "id" DESC LIMIT $2`,
      [options.consumer ?? null, limit],
    );
    return rows.map((row) => {
      const { eventSeq: _eventSeq, ...record } = toRecord(row);
      return record;
    });
  }

  /**
   * Records a dead letter unless the same event already waits, unreplayed, for the same consumer (two
   * instances may both notice it). Pass `client` to write in the caller's transaction.
   */
  async record(letter: NewDeadLetter, client?: pg.ClientBase): Promise<void> {
    const run = async (db: pg.ClientBase) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${letter.consumer} ${letter.event.id}`]);
      await db.query(
        `INSERT INTO "backbone"."DeadLetter" ("consumer", "eventId", "eventSeq", "envelope", "attempts", "lastError")
         SELECT $1, $2, $3, $4::jsonb, $5, $6
         WHERE NOT EXISTS (SELECT 1 FROM "backbone"."DeadLetter"
                           WHERE "consumer" = $1 AND "eventId" = $2 AND "replayedAt" IS NULL)`,
        [
          letter.consumer,
          letter.event.id,
          letter.eventSeq ?? null,
          JSON.stringify(withoutSequence(letter.event)),
          letter.attempts,
          letter.lastError.slice(0, maxErrorLength),
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
    if (!/^\d{1,18}$/.test(id)) {
      throw new MeridianError(ErrorCode.BAD_USER_INPUT, `Dead letter id "${id}" is not a number.`, {
        field: 'id',
      });
    }
    await this.transaction(async (client) => {
      const { rows } = await client.query<DeadLetterRow>(
        `SELECT ${columns} FROM "backbone"."DeadLetter" WHERE "id" = $1 FOR UPDATE`,
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
      await redeliver(toRecord(row), client);
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
