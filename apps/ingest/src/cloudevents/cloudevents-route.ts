import { requestHash, type TransactionIngestor } from '@meridian/ingestion';
import type { AccessTokenKey } from '../auth/bearer-identity';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import type { Route } from '../server';
import { readWriteRequest, sendWriteOutcome, type WriteEndpoint } from '../transactions/write-request';
import {
  BATCH_MEDIA_TYPE,
  BINARY_MEDIA_TYPE,
  ceHeadersOf,
  parseCloudEvents,
  STRUCTURED_MEDIA_TYPE,
} from './cloudevent';

export const CLOUDEVENTS_PATH = '/ingest/cloudevents';

const cloudEventMediaTypes = {
  mediaTypes: new Set([STRUCTURED_MEDIA_TYPE, BATCH_MEDIA_TYPE, BINARY_MEDIA_TYPE]),
  message: `Send content-type ${STRUCTURED_MEDIA_TYPE} (one event), ${BATCH_MEDIA_TYPE} (an array) or ${BINARY_MEDIA_TYPE} with ce-* headers (binary mode).`,
};

export interface CloudEventsRouteOptions {
  ingestor: TransactionIngestor;
  accessTokenKey: AccessTokenKey;
  metrics: IngestMetrics;
}

/**
 * `POST /ingest/cloudevents` (CloudEvents 1.0 HTTP binding): each event's data is a canonical transaction,
 * kept on the backbone under the event's own source and id, which are its dedup key. Idempotency-Key is
 * optional here: CloudEvents senders retry with the same ids, and those deduplicate without it.
 */
export function cloudEventsRoute(options: CloudEventsRouteOptions): Route {
  const { ingestor, accessTokenKey, metrics } = options;
  const endpoint: WriteEndpoint = {
    path: CLOUDEVENTS_PATH,
    accessTokenKey,
    metrics,
    idempotencyKey: 'optional',
  };
  const route: Route = {
    name: 'cloudevents',
    matches: (path) => path === CLOUDEVENTS_PATH,
    async handle(req, res) {
      const request = await readWriteRequest(req, res, endpoint, cloudEventMediaTypes);
      const submissions = parseCloudEvents(request.raw, request.mediaType, req.headers);
      const outcome = await ingestor.ingest({
        tenantId: request.identity.tenantId,
        channel: 'cloudevents',
        idempotency: request.idempotency && {
          key: request.idempotency.key,
          // In binary mode the attributes travel in headers: they are part of what makes a request the same.
          requestHash:
            request.mediaType === BINARY_MEDIA_TYPE
              ? requestHash(JSON.stringify(ceHeadersOf(req.headers)), request.raw)
              : request.idempotency.requestHash,
        },
        submissions,
      });
      sendWriteOutcome(res, endpoint, outcome);
    },
  };
  return metrics.instrument(route, () => CLOUDEVENTS_PATH);
}
