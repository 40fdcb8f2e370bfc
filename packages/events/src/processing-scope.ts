import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the backbone knows about the handler call in progress, so that `applyOnce`/`applyBatchOnce` called
 * inside it can report duplicates to the consumer's metrics and default the retry count, without the
 * handler passing anything along.
 */
export interface ProcessingScope {
  consumer: string;
  retryCount: number;
  /** Events the inbox found already applied during this call. */
  duplicates: number;
}

const storage = new AsyncLocalStorage<ProcessingScope>();

export function runInProcessingScope<T>(scope: ProcessingScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work);
}

/** The scope of `consumer`'s handler call this code runs in, if any. */
export function processingScopeOf(consumer: string): ProcessingScope | undefined {
  const scope = storage.getStore();
  return scope?.consumer === consumer ? scope : undefined;
}
