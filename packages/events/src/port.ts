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
  event: EventEnvelope;
  attempts: number;
  lastError: string;
  deadAt: Date;
  /** Set once `replay` has handed the event back to its consumer. */
  replayedAt: Date | null;
}

export interface DeadLetters {
  /** Newest first; `limit` defaults to 100. */
  list(options?: { consumer?: string; limit?: number }): Promise<DeadLetterRecord[]>;
  /** Delivers the event again to the consumer that gave up on it (that consumer only). */
  replay(id: string): Promise<void>;
}

/**
 * The event backbone port. Delivery to durable consumers is at-least-once: make effects idempotent
 * with `applyOnce` in the same transaction as the effect.
 */
export interface EventBackbone {
  /** Appends events outside any transaction; an event whose (source, id) was seen before is dropped. */
  publish(events: EventEnvelope[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<Subscription>;
  /** Live fan-out from now on, to every caller (e.g. each gateway instance); nothing durable. */
  tail(options: TailOptions): Promise<Subscription>;
  deadLetters: DeadLetters;
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
