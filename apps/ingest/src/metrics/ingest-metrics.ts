import { MeridianError } from '@meridian/errors';
import type { BulkWriteBody } from '@meridian/ingestion';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Route } from '../server';

/**
 * What the write endpoints count, labelled by `endpoint` (the route's path pattern, never the raw path, so
 * that a caller cannot mint label values): records accepted, duplicate, rejected (by the first error's
 * code) and accepted with warnings, whole requests refused (by code), accept latency and request size.
 */
export function createIngestMetrics(registry: Registry) {
  const registers = [registry];
  const accepted = new Counter({
    name: 'meridian_ingest_records_accepted_total',
    help: 'Records appended to the backbone',
    labelNames: ['endpoint'] as const,
    registers,
  });
  const duplicate = new Counter({
    name: 'meridian_ingest_records_duplicate_total',
    help: 'Records answered duplicate (already accepted: same event id within the dedup window or in the log)',
    labelNames: ['endpoint'] as const,
    registers,
  });
  const rejected = new Counter({
    name: 'meridian_ingest_records_rejected_total',
    help: 'Records rejected, by the code of their first error',
    labelNames: ['endpoint', 'code'] as const,
    registers,
  });
  const warned = new Counter({
    name: 'meridian_ingest_records_warned_total',
    help: 'Records accepted with warnings (the tenant validates in fallback mode), by the code of their first warning',
    labelNames: ['endpoint', 'code'] as const,
    registers,
  });
  const refused = new Counter({
    name: 'meridian_ingest_requests_refused_total',
    help: 'Write requests refused as a whole (bad body, no token, key conflicts …), by code',
    labelNames: ['endpoint', 'code'] as const,
    registers,
  });
  const acceptDuration = new Histogram({
    name: 'meridian_ingest_accept_duration_seconds',
    help: 'Time from a write request to its answer (the records are durable when it is answered)',
    labelNames: ['endpoint', 'outcome'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const requestSize = new Histogram({
    name: 'meridian_ingest_request_size_bytes',
    help: 'Size of write request bodies',
    labelNames: ['endpoint'] as const,
    buckets: [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576],
    registers,
  });

  return {
    requestSize,
    /** Counts a fresh outcome's records; a replayed response counts nothing (its records were counted once). */
    countResults(endpoint: string, body: BulkWriteBody): void {
      accepted.inc({ endpoint }, body.summary.accepted);
      duplicate.inc({ endpoint }, body.summary.duplicate);
      for (const result of body.results) {
        if (result.status === 'rejected') {
          rejected.inc({ endpoint, code: result.errors?.[0]?.code ?? 'UNKNOWN' });
        } else if (result.warnings?.length) {
          warned.inc({ endpoint, code: result.warnings[0]?.code ?? 'UNKNOWN' });
        }
      }
    },
    /**
     * The route, timed and with its refusals counted. `endpointOf` names the endpoint of a request path
     * (a feed route serves several).
     */
    instrument(route: Route, endpointOf: (path: string) => string): Route {
      return {
        ...route,
        async handle(req, res, requestId) {
          const endpoint = endpointOf((req.url ?? '/').split('?')[0] ?? '/');
          const stop = acceptDuration.startTimer({ endpoint });
          try {
            await route.handle(req, res, requestId);
            stop({ outcome: res.statusCode < 400 ? 'answered' : 'rejected' });
          } catch (error) {
            refused.inc({ endpoint, code: error instanceof MeridianError ? error.code : 'INTERNAL' });
            stop({ outcome: 'refused' });
            throw error;
          }
        },
      };
    },
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
