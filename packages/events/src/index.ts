import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { Registry } from 'prom-client';
import { createNatsBackbone, type NatsBackboneOptions } from './nats';
import { relayBacklog } from './nats/relay';
import type { BackboneLogger, EventBackbone } from './port';
import { createPostgresBackbone, type PostgresBackboneOptions } from './postgres';

export * from './envelope';
export { matchesType, parseTypeSelector, type TypeSelector } from './event-types';
export { type ApplyOptions, applyBatchOnce, applyOnce, recordApplyOutcome } from './inbox';
export {
  appendNewToOutbox,
  appendToOutbox,
  logKeyOf,
  type SqlExecutor,
  type SqlQueryExecutor,
  sqlExecutor,
} from './outbox';
export * from './port';
export { defaultLogRetentionDays, maxLogRetentionDays, minLogRetentionDays } from './retention';
export * from './retry';
export type { NatsBackboneOptions, PostgresBackboneOptions };
export { createNatsBackbone, createPostgresBackbone, relayBacklog };

export interface BackboneOptions {
  databaseUrl: string;
  /** When set (NATS_URL), events go through NATS JetStream; otherwise PostgreSQL is the backbone. */
  natsUrl?: string;
  logger?: BackboneLogger;
  /** Where to register the meridian_backbone_* metrics (e.g. the service's `createMetrics(...).registry`). */
  registry?: Registry;
  /**
   * NATS_NAMESPACE: keeps this deployment's streams, subjects and durable consumers apart from other
   * deployments on the same NATS server (test runs, benchmarks), which would otherwise share their events.
   */
  natsNamespace?: string;
}

/** NATS names of a namespace: `meridian-<ns>.…` subjects, `MERIDIAN-<NS>_<DOMAIN>` streams. */
export function natsNamingOf(
  namespace: string | undefined,
): Pick<NatsBackboneOptions, 'subjectPrefix' | 'streamPrefix'> {
  if (!namespace) return {};
  return { subjectPrefix: `meridian-${namespace}`, streamPrefix: `MERIDIAN-${namespace.toUpperCase()}` };
}

/** The backbone this deployment is configured for. */
export async function createBackbone(options: BackboneOptions): Promise<EventBackbone> {
  const { natsUrl, natsNamespace, ...common } = options;
  return natsUrl
    ? createNatsBackbone({ ...common, ...natsNamingOf(natsNamespace), natsUrl })
    : createPostgresBackbone(common);
}

/** Deletes a namespace's streams (and so its durable consumers): the end of a test run or benchmark. */
export async function deleteNatsNamespace(natsUrl: string, namespace: string): Promise<void> {
  const { streamPrefix } = natsNamingOf(namespace);
  const nc = await connect({ servers: natsUrl, name: 'meridian-cleanup' });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
