import { describeError } from './dead-letter-store';
import type { EventEnvelope } from './envelope';
import type { BackboneMetrics } from './metrics';
import type { BackboneLogger, BatchConsumeOptions, Subscription } from './port';
import { runInProcessingScope } from './processing-scope';
import type { Retry } from './retry';

/** A batch consumer as its backbone keeps it. */
export interface RunningBatchConsumer extends Subscription {
  /** Events of the batch in hand that wait for another attempt. */
  retrying(): number;
}

/** Thrown out of a batch run abandoned half-way (stop, or the instance lost its consumer lock). */
export class BatchAbandoned extends Error {
  constructor() {
    super('batch abandoned');
  }
}

export interface GivenUpEvent<T> {
  item: T;
  /** Failed attempts that included the event. */
  attempts: number;
  error: unknown;
}

export interface BatchRunnerDeps<T> {
  consumer: string;
  handleBatch: BatchConsumeOptions['handleBatch'];
  retry: Retry;
  logger: BackboneLogger;
  metrics: BackboneMetrics;
  eventOf: (item: T) => EventEnvelope;
  /** Records the dead letter of an event the runner gave up on. */
  deadLetter: (given: GivenUpEvent<T>) => Promise<void>;
  /** Waits between attempts; resolves early when `abandoned()` turns true. */
  sleep: (ms: number) => Promise<void>;
  /** True once the run must stop without finishing (nothing may be acknowledged then). */
  abandoned: () => boolean;
  /** Told how many events of this run currently wait for another attempt (for stats). */
  onRetrying?: (events: number) => void;
}

/**
 * Runs one batch to its end: the whole batch gets the retry policy's attempts (full-jitter backoff between
 * them); a batch that still fails is halved, each half tried once and halved again on failure, down to
 * single events, which get the policy's attempts again before they are dead-lettered. Log order is kept:
 * each half finishes before the next starts. Returns how many events were applied; throws BatchAbandoned
 * when it had to stop first.
 */
export async function runBatch<T>(deps: BatchRunnerDeps<T>, items: T[]): Promise<{ applied: number }> {
  const { consumer, retry, logger, metrics } = deps;
  let applied = 0;

  const attempt = async (part: T[], retryCount: number) => {
    const scope = { consumer, retryCount, duplicates: 0 };
    const startedAt = performance.now();
    try {
      await runInProcessingScope(scope, () =>
        deps.handleBatch(part.map(deps.eventOf), { consumer, retryCount }),
      );
    } finally {
      metrics.batchDuration(consumer, (performance.now() - startedAt) / 1000);
    }
    metrics.handled(consumer, part.length);
    metrics.duplicates(consumer, scope.duplicates);
    applied += part.length;
  };

  const run = async (part: T[], priorFailures: number, isWhole: boolean): Promise<void> => {
    const allowedAttempts = isWhole || part.length === 1 ? retry.policy.maxAttempts : 1;
    let failures = 0;
    let lastError: unknown;
    for (;;) {
      if (deps.abandoned()) throw new BatchAbandoned();
      try {
        await attempt(part, priorFailures + failures);
        return;
      } catch (error) {
        failures++;
        lastError = error;
        logger.warn(
          { consumer, events: part.length, attempt: failures, err: describeError(error) },
          'batch handler failed',
        );
      }
      if (failures >= allowedAttempts) break;
      metrics.retried(consumer, 1);
      deps.onRetrying?.(part.length);
      await deps.sleep(retry.delayMs(failures));
      deps.onRetrying?.(0);
    }
    const attempts = priorFailures + failures;
    if (part.length === 1) {
      if (deps.abandoned()) throw new BatchAbandoned();
      await deps.deadLetter({ item: part[0]!, attempts, error: lastError });
      metrics.deadLettered(consumer);
      return;
    }
    const middle = Math.ceil(part.length / 2);
    await run(part.slice(0, middle), attempts, false);
    await run(part.slice(middle), attempts, false);
  };

  await run(items, 0, true);
  return { applied };
}
