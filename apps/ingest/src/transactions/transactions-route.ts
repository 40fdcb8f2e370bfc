import type { TransactionIngestor } from '@meridian/ingestion';
import type { AccessTokenKey } from '../auth/bearer-identity';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import type { Route } from '../server';
import { NDJSON_MEDIA_TYPE, parseRecords } from './request-body';
import { readWriteRequest, sendWriteOutcome, type WriteEndpoint } from './write-request';

export const TRANSACTIONS_PATH = '/ingest/transactions';

export const bulkMediaTypes = {
  mediaTypes: new Set(['application/json', NDJSON_MEDIA_TYPE]),
  message: `Send content-type application/json (an array) or ${NDJSON_MEDIA_TYPE} (one record a line).`,
};

export interface TransactionsRouteOptions {
  ingestor: TransactionIngestor;
  accessTokenKey: AccessTokenKey;
  metrics: IngestMetrics;
}

/** `POST /ingest/transactions`: a JSON array or NDJSON of canonical transactions, answered per record. */
export function transactionsRoute(options: TransactionsRouteOptions): Route {
  const { ingestor, accessTokenKey, metrics } = options;
  const endpoint: WriteEndpoint = {
    path: TRANSACTIONS_PATH,
    accessTokenKey,
    metrics,
    idempotencyKey: 'required',
  };
  const route: Route = {
    name: 'transactions',
    matches: (path) => path === TRANSACTIONS_PATH,
    async handle(req, res) {
      const request = await readWriteRequest(req, res, endpoint, bulkMediaTypes);
      const records = parseRecords(request.raw, request.mediaType);
      const outcome = await ingestor.ingest({
        tenantId: request.identity.tenantId,
        channel: 'transactions',
        idempotency: request.idempotency,
        submissions: records.map((record) => ({ record })),
      });
      sendWriteOutcome(res, endpoint, outcome);
    },
  };
  return metrics.instrument(route, () => TRANSACTIONS_PATH);
}
