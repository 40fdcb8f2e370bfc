import type { AuditTrailEntry, ConsumerStats, DeadLetterRecord } from '@meridian/events';

/** A dead letter as the API shows it: the event's identity and data, not its whole envelope. */
export function deadLetterView(letter: DeadLetterRecord) {
  return {
    id: letter.id,
    consumer: letter.consumer,
    eventId: letter.event.id,
    eventType: letter.event.type,
    correlationId: letter.event.correlationid ?? null,
    attempts: letter.attempts,
    errorCode: letter.errorCode,
    lastError: letter.lastError,
    deadAt: letter.deadAt,
    replayedAt: letter.replayedAt,
    payloadJson: JSON.stringify(letter.event.data) ?? 'null',
  };
}

export function eventTrailView(entry: AuditTrailEntry) {
  return {
    eventId: entry.event.id,
    type: entry.event.type,
    source: entry.event.source,
    sequence: entry.sequence,
    appendedAt: entry.appendedAt,
    processing: entry.processing,
    deadLetters: entry.deadLetters.map(deadLetterView),
  };
}

/**
 * Per consumer: the backbone's lag and pending retries (shared by every tenant: consumers are) and the
 * tenant's own dead letters not replayed yet; a consumer the backbone does not report but the tenant has
 * dead letters for is listed too. Sorted by consumer.
 */
export function consumerLag(stats: readonly ConsumerStats[], tenantLetters: readonly DeadLetterRecord[]) {
  const waiting = new Map<string, number>();
  for (const letter of tenantLetters) {
    if (letter.replayedAt === null) waiting.set(letter.consumer, (waiting.get(letter.consumer) ?? 0) + 1);
  }
  const consumers = new Map(
    stats.map((stat) => [
      stat.consumer,
      { consumer: stat.consumer, lag: stat.lag, pendingRetries: stat.pendingRetries, deadLetters: 0 },
    ]),
  );
  for (const [consumer, count] of waiting) {
    const entry = consumers.get(consumer) ?? { consumer, lag: 0, pendingRetries: 0, deadLetters: 0 };
    entry.deadLetters = count;
    consumers.set(consumer, entry);
  }
  return [...consumers.values()].sort((a, b) => a.consumer.localeCompare(b.consumer));
}
