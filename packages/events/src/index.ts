import type { Registry } from 'prom-client';
import { createNatsBackbone, type NatsBackboneOptions } from './nats';
import type { BackboneLogger, EventBackbone } from './port';
import { createPostgresBackbone, type PostgresBackboneOptions } from './postgres';

export * from './envelope';
export { matchesType, parseTypeSelector, type TypeSelector } from './event-types';
export { type ApplyOptions, applyBatchOnce, applyOnce, recordApplyOutcome } from './inbox';
export { appendToOutbox, type SqlExecutor, type SqlQueryExecutor, sqlExecutor } from './outbox';
export * from './port';
export * from './retry';
export type { NatsBackboneOptions, PostgresBackboneOptions };
export { createNatsBackbone, createPostgresBackbone };

export interface BackboneOptions {
  databaseUrl: string;
  /** When set (NATS_URL), events go through NATS JetStream; otherwise PostgreSQL is the backbone. */
  natsUrl?: string;
  logger?: BackboneLogger;
  /** Where to register the meridian_backbone_* metrics (e.g. the service's `createMetrics(...).registry`). */
  registry?: Registry;
}

/** The backbone this deployment is configured for. */
export async function createBackbone(options: BackboneOptions): Promise<EventBackbone> {
  const { natsUrl, ...common } = options;
  return natsUrl ? createNatsBackbone({ ...common, natsUrl }) : createPostgresBackbone(common);
}
