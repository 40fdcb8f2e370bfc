import type { EventEnvelope } from './envelope';
import type { SqlExecutor, SqlQueryExecutor } from './outbox';
import { processingScopeOf } from './processing-scope';

export interface ApplyOptions {
  /**
   * Failed attempts before this one, stored in the inbox for the audit. Defaults to the count of the
   * backbone delivery this runs in (the batch context's retryCount), else 0.
   */
  retryCount?: number;
}

const largestLatencyMs = 2_147_483_647;

/** Milliseconds from the event's `time` to now, clamped to the column's range (clocks may disagree). */
export function processingLatencyMs(event: Pick<EventEnvelope, 'time'>, now = Date.now()): number | null {
  const createdAt = Date.parse(event.time);
  if (Number.isNaN(createdAt)) return null;
  return Math.min(Math.max(now - createdAt, 0), largestLatencyMs);
}

function retryCountFor(consumer: string, options: ApplyOptions | undefined): number {
  return options?.retryCount ?? processingScopeOf(consumer)?.retryCount ?? 0;
}

function countDuplicates(consumer: string, duplicates: number): void {
  const scope = processingScopeOf(consumer);
  if (scope) scope.duplicates += duplicates;
}

/**
 * The inbox claim: true the first time `consumer` applies the event, false on every redelivery. Call it in
 * the transaction that applies the effect, and skip the effect when it returns false. Pass the event itself
 * (rather than its id) to record how long after its creation it was applied.
 */
export async function applyOnce(
  tx: SqlExecutor,
  consumer: string,
  event: string | EventEnvelope,
  options?: ApplyOptions,
): Promise<boolean> {
  const eventId = typeof event === 'string' ? event : event.id;
  const latencyMs = typeof event === 'string' ? null : processingLatencyMs(event);
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO "backbone"."Inbox" ("consumer", "eventId", "processingLatencyMs", "retryCount")
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    consumer,
    eventId,
    latencyMs,
    retryCountFor(consumer, options),
  );
  if (inserted !== 1) countDuplicates(consumer, 1);
  return inserted === 1;
}

/**
 * The inbox claim for a batch, in one statement: records every event for `consumer` and returns those it
 * had not applied before, in the order given (an id repeated within the batch counts once). Apply only
 * those, in the same transaction.
 */
export async function applyBatchOnce<T extends EventEnvelope>(
  tx: SqlQueryExecutor,
  consumer: string,
  events: readonly T[],
  options?: ApplyOptions,
): Promise<T[]> {
  if (events.length === 0) return [];
  const now = Date.now();
  const rows = events.map((event) => ({ eventId: event.id, latencyMs: processingLatencyMs(event, now) }));
  const inserted = await tx.$queryRawUnsafe<{ eventId: string }[]>(
    `INSERT INTO "backbone"."Inbox" ("consumer", "eventId", "processingLatencyMs", "retryCount")
     SELECT $1, claimed."eventId", claimed."latencyMs", $3
     FROM jsonb_to_recordset($2::jsonb) AS claimed("eventId" text, "latencyMs" int)
     ON CONFLICT DO NOTHING
     RETURNING "eventId"`,
    consumer,
    JSON.stringify(rows),
    retryCountFor(consumer, options),
  );
  const fresh = new Set(inserted.map((row) => row.eventId));
  const applied = events.filter((event) => fresh.delete(event.id));
  countDuplicates(consumer, events.length - applied.length);
  return applied;
}

/**
 * Records that events were applied without effect and why (e.g. UNKNOWN_SKU), for the audit trail. Call it
 * in the same transaction, after applyOnce/applyBatchOnce.
 */
export async function recordApplyOutcome(
  tx: SqlExecutor,
  consumer: string,
  eventIds: string[],
  errorCode: string,
): Promise<void> {
  if (eventIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "backbone"."Inbox" SET "errorCode" = $3
     WHERE "consumer" = $1 AND "eventId" IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    consumer,
    JSON.stringify(eventIds),
    errorCode,
  );
}
