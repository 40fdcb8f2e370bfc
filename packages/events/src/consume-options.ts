import { ErrorCode, MeridianError } from '@meridian/errors';
import { parseTypeSelector, type TypeSelector } from './event-types';
import type { BatchConsumeOptions, ConsumeOptions } from './port';

// A consumer name becomes a NATS durable name and subject token.
const consumerNamePattern = /^[A-Za-z0-9_-]{1,100}$/;

export interface ResolvedConsumeOptions extends ConsumeOptions {
  selector: TypeSelector;
  concurrency: number;
}

export interface ResolvedBatchConsumeOptions extends BatchConsumeOptions {
  selector: TypeSelector;
  maxBatchSize: number;
}

const defaultMaxBatchSize = 500;
const largestBatchSize = 10_000;

function checkConsumerName(consumer: string): void {
  if (!consumerNamePattern.test(consumer)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `Consumer name "${consumer}" is invalid: use 1-100 letters, digits, "_" or "-".`,
      { field: 'consumer' },
    );
  }
}

export function resolveConsumeOptions(options: ConsumeOptions): ResolvedConsumeOptions {
  checkConsumerName(options.consumer);
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'concurrency must be a positive integer.', {
      field: 'concurrency',
    });
  }
  return { ...options, selector: parseTypeSelector(options.types), concurrency };
}

export function resolveBatchConsumeOptions(options: BatchConsumeOptions): ResolvedBatchConsumeOptions {
  checkConsumerName(options.consumer);
  const maxBatchSize = options.maxBatchSize ?? defaultMaxBatchSize;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1 || maxBatchSize > largestBatchSize) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `maxBatchSize must be an integer from 1 to ${largestBatchSize}.`,
      { field: 'maxBatchSize' },
    );
  }
  return { ...options, selector: parseTypeSelector(options.types), maxBatchSize };
}
