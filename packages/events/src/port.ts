import type { EventEnvelope } from './envelope';

export interface ConsumeOptions {
  /** Durable name: instances with the same name share the work and resume from its position. [A-Za-z0-9_-] */
  consumer: string;
  /** Exact types or prefix patterns like `quality.*` (see TypeSelector). */
  types: string[];
  /** Throwing (or rejecting) means "failed": the event is retried with backoff, then dead-lettered. */
  handler: (event: EventEnvelope) => Promise<void>;
  /** Handlers running at once in this instance (different partitions only). Default 8. */
  concurrency?: number;
}

export interface BatchConsumeOptions {
  /** Durable name, same rules as ConsumeOptions.consumer. A name is either a per-event or a batch consumer. */
  consumer: string;
  /** Exact types or prefix patterns like `quality.*` (see TypeSelector). */
  types: string[];
  /** Most events per handleBatch call. Default 500. */
  maxBatchSize?: number;
  /**
   * Applies events in log order (per partition key order is preserved). Throwing retries the whole batch
   * with full-jitter backoff (the existing Retry policy); when a batch keeps failing, it is split to isolate
   * the failing event(s): those are dead-lettered (with errorCode), the others applied. Make the effect
   * exactly-once with `applyBatchOnce` in the handler's transaction.
   */
  handleBatch: (events: EventEnvelope[], context: BatchContext) => Promise<void>;
}

export interface BatchContext {
  consumer: string;
  /** Failed attempts of this batch so far (of the larger batch it was split from, included). */
  retryCount: number;
}

export interface TailOptions {
  types: string[];
  /** Called for every matching event published after `tail` resolved; errors are logged, not retried. */
  handler: (event: EventEnvelope) => void;
}

export interface Subscription {
  /** Stops receiving and waits for running handlers to finish. */
  stop(): Promise<void>;
}

export interface DeadLetterRecord {
  id: string;
  consumer: string;
  /** The event's tenant (null for letters recorded before tenants were stored). */
  tenantId: string | null;
  event: EventEnvelope;
  attempts: number;
  lastError: string;
  /** The MeridianError code of the last failure when it was one, else 'INTERNAL'. */
  errorCode: string;
  deadAt: Date;
  /** Set once `replay` has handed the event back to its consumer. */
  replayedAt: Date | null;
}

export interface DeadLetters {
  /** Newest first; `limit` defaults to 100 (at most 1000). */
  list(options?: { consumer?: string; tenantId?: string; limit?: number }): Promise<DeadLetterRecord[]>;
  /** One dead letter by id; null when there is none with that id. */
  get(id: string): Promise<DeadLetterRecord | null>;
  /** Delivers the event again to the consumer that gave up on it (that consumer only). */
  replay(id: string): Promise<void>;
}

/** What happened to one event: who applied it, how quickly, and where it failed. */
export interface AuditTrailEntry {
  event: EventEnvelope;
  /** EventLog.seq: the event's position in the outbox. */
  sequence: string;
  appendedAt: Date;
  /** One entry per consumer that applied the event (its Inbox row). */
  processing: {
    consumer: string;
    appliedAt: Date;
    processingLatencyMs: number | null;
    retryCount: number;
    errorCode: string | null;
  }[];
  deadLetters: DeadLetterRecord[];
}

export interface BackboneAudit {
  /** Every outbox event of one correlation id (one business event), in log order; `limit` defaults to 100. */
  trail(options: { tenantId: string; correlationId: string; limit?: number }): Promise<AuditTrailEntry[]>;
}

export interface LogRetentionSetting {
  days: number;
  /** True while the tenant's admins never chose (the platform default applies). */
  isDefault: boolean;
  updatedAt: Date | null;
  /** The user who set it. */
  updatedBy: string | null;
}

export interface PruneResult {
  /** EventLog rows deleted. */
  events: number;
  /** Inbox rows (the per-consumer processing audit) deleted. */
  inboxRows: number;
}

/**
 * How long each tenant's events stay in the log, with their processing audit, and the pruning that keeps to
 * it. Pruning never takes an event a live consumer or the NATS relay has not passed, pending work, or a dead
 * letter not replayed yet.
 */
export interface BackboneRetention {
  get(tenantId: string): Promise<LogRetentionSetting>;
  /** Whole days from 7 to 3650; anything else is refused with BAD_USER_INPUT (field `days`). */
  set(tenantId: string, days: number, updatedBy: string | null): Promise<LogRetentionSetting>;
  /**
   * Deletes what is past retention until none is left, in statements of a few thousand rows; idempotent,
   * safe to run from several instances at once. An aborted `signal` ends it after the current statement.
   */
  prune(options?: { now?: Date; signal?: AbortSignal }): Promise<PruneResult>;
}

export interface ConsumerStats {
  consumer: string;
  /** Events of the consumer's types appended but not yet handled (see each adapter for how it is counted). */
  lag: number;
  /** Events that failed at least once and wait for another attempt. */
  pendingRetries: number;
  /** Dead letters not replayed yet. */
  deadLetters: number;
}

export interface BackboneStats {
  consumers: ConsumerStats[];
}

/**
 * The event backbone port. Delivery to durable consumers is at-least-once: make effects idempotent
 * with `applyOnce` in the same transaction as the effect.
 */
export interface EventBackbone {
  /** Appends events outside any transaction; an event whose (source, id) was seen before is dropped. */
  publish(events: EventEnvelope[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<Subscription>;
  /**
   * A durable consumer that receives events in batches, one active instance per name at a time (the others
   * wait and take over when it stops or dies). At-least-once: deduplicate effects with `applyBatchOnce`.
   */
  consumeBatches(options: BatchConsumeOptions): Promise<Subscription>;
  /** Live fan-out from now on, to every caller (e.g. each gateway instance); nothing durable. */
  tail(options: TailOptions): Promise<Subscription>;
  deadLetters: DeadLetters;
  audit: BackboneAudit;
  retention: BackboneRetention;
  /** Lag, retries and dead letters per durable consumer. */
  stats(): Promise<BackboneStats>;
  close(): Promise<void>;
}

/** Structurally a pino logger, so `@meridian/observability`'s logger fits. */
export interface BackboneLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Warnings and errors to stderr when the caller passes no logger. */
export const consoleLogger: BackboneLogger = {
  debug: () => {},
  info: () => {},
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};
