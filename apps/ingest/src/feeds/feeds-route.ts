import { ErrorCode, MeridianError } from '@meridian/errors';
import type { SourceMappings, TransactionIngestor } from '@meridian/ingestion';
import type { AccessTokenKey } from '../auth/bearer-identity';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import type { Route } from '../server';
import { parseRecords } from '../transactions/request-body';
import { bulkMediaTypes } from '../transactions/transactions-route';
import { readWriteRequest, sendWriteOutcome, type WriteEndpoint } from '../transactions/write-request';
import { feedSubmission, type SourceFeed } from './source-feeds';

const FEED_PATH = /^\/ingest\/([^/]+)\/?$/;
/** The metrics label of a path that names no known feed. */
const UNKNOWN_FEED = '/ingest/{unknown}';

export interface FeedsRouteOptions {
  feeds: readonly SourceFeed[];
  ingestor: TransactionIngestor;
  /** The tenants' mapping tables per source system (catalog.SourceMapping). */
  mappings: SourceMappings;
  accessTokenKey: AccessTokenKey;
  metrics: IngestMetrics;
}

/**
 * `POST /ingest/<source>`: a source system's records (JSON array or NDJSON, like the bulk endpoint), mapped
 * to canonical transactions through the tenant's mapping tables for that source. It matches every `/ingest/<segment>`, so it goes after the routes
 * with fixed paths under `/ingest/`.
 */
export function feedsRoute(options: FeedsRouteOptions): Route {
  const { ingestor, accessTokenKey, metrics } = options;
  const feeds = new Map(options.feeds.map((feed) => [feed.name, feed]));
  const endpoints = new Map(
    options.feeds.map((feed): [string, WriteEndpoint] => [
      feed.name,
      { path: `/ingest/${feed.name}`, accessTokenKey, metrics, idempotencyKey: 'required' },
    ]),
  );
  const feedNameOf = (path: string) => FEED_PATH.exec(path)?.[1] ?? '';

  const route: Route = {
    name: 'feeds',
    matches: (path) => FEED_PATH.test(path),
    async handle(req, res) {
      const name = feedNameOf((req.url ?? '/').split('?')[0] ?? '/');
      const feed = feeds.get(name);
      const endpoint = endpoints.get(name);
      if (!feed || !endpoint) {
        const known = [...feeds.keys()];
        throw new MeridianError(
          ErrorCode.NOT_FOUND,
          `There is no feed for "${name.slice(0, 64)}"; known sources: ${known.join(', ')} (or POST /ingest/transactions).`,
          { knownSources: known },
        );
      }
      const request = await readWriteRequest(req, res, endpoint, bulkMediaTypes);
      const records = parseRecords(request.raw, request.mediaType);
      const mappings = await options.mappings.inForce(request.identity.tenantId, feed.name);
      const outcome = await ingestor.ingest({
        tenantId: request.identity.tenantId,
        channel: `feed:${feed.name}`,
        idempotency: request.idempotency,
        submissions: records.map((record) => feedSubmission(feed, record, mappings)),
      });
      sendWriteOutcome(res, endpoint, outcome);
    },
  };
  return metrics.instrument(route, (path) => {
    const name = feedNameOf(path);
    return feeds.has(name) ? `/ingest/${name}` : UNKNOWN_FEED;
  });
}
