import { ErrorCode, MeridianError } from '@meridian/errors';
import { parseTypeSelector, type TypeSelector } from './event-types';
import type { ConsumeOptions } from './port';

// A consumer name becomes a NATS durable name and subject token.
const consumerNamePattern = /^[A-Za-z0-9_-]{1,100}$/;

export interface ResolvedConsumeOptions extends ConsumeOptions {
  selector: TypeSelector;
  concurrency: number;
}

export function resolveConsumeOptions(options: ConsumeOptions): ResolvedConsumeOptions {
  if (!consumerNamePattern.test(options.consumer)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `Consumer name "${options.consumer}" is invalid: use 1-100 letters, digits, "_" or "-".`,
      { field: 'consumer' },
    );
  }
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'concurrency must be a positive integer.', {
      field: 'concurrency',
    });
  }
  return { ...options, selector: parseTypeSelector(options.types), concurrency };
}
