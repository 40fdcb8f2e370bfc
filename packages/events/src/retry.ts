/**
 * Retry policy of every durable consumer: exponential backoff with full jitter
 * (delay = random × min(cap, base × factor^(attempt-1))), then dead-letter after maxAttempts.
 */
export interface RetryPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
  /** Deliveries in total (the first one included) before the event is dead-lettered. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 100, factor: 2, capMs: 10_000, maxAttempts: 5 };

/** The upper bound of the delay after the `attempt`-th failed delivery (1-based). */
export function retryCeilingMs(attempt: number, policy: RetryPolicy = defaultRetryPolicy): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  }
  return Math.min(policy.capMs, policy.baseMs * policy.factor ** (attempt - 1));
}

/** How long to wait before redelivering after the `attempt`-th failed delivery. */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  policy: RetryPolicy = defaultRetryPolicy,
): number {
  return Math.floor(random() * retryCeilingMs(attempt, policy));
}

/** True when `attempts` deliveries have failed and the event goes to the dead-letter list. */
export function shouldDeadLetter(attempts: number, policy: RetryPolicy = defaultRetryPolicy): boolean {
  return attempts >= policy.maxAttempts;
}

/** A retry policy plus its source of randomness (tests pass `() => 1` to get the ceilings exactly). */
export interface RetryOptions extends Partial<RetryPolicy> {
  random?: () => number;
}

export interface Retry {
  policy: RetryPolicy;
  delayMs(attempt: number): number;
  shouldDeadLetter(attempts: number): boolean;
}

export function resolveRetry(options: RetryOptions = {}): Retry {
  const { random = Math.random, ...overrides } = options;
  const policy = { ...defaultRetryPolicy, ...overrides };
  return {
    policy,
    delayMs: (attempt) => retryDelayMs(attempt, random, policy),
    shouldDeadLetter: (attempts) => shouldDeadLetter(attempts, policy),
  };
}
