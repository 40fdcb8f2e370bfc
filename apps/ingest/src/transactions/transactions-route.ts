import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { MAX_BODY_BYTES, readBody, sendJson } from '@meridian/graphql-http';
import { type AccessTokenKey, bearerIdentity } from '../auth/bearer-identity';
import { requestHash } from '../idempotency/request-hash';
import type { Route } from '../server';
import type { TransactionIngestor } from './ingest-transactions';
import { mediaTypeOf, NDJSON_MEDIA_TYPE, parseRecords } from './request-body';

export const TRANSACTIONS_PATH = '/ingest/transactions';
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;
const acceptedMediaTypes = new Set(['application/json', NDJSON_MEDIA_TYPE]);

export interface TransactionsRouteOptions {
  ingestor: TransactionIngestor;
  accessTokenKey: AccessTokenKey;
}

function idempotencyKeyOf(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'Send an Idempotency-Key header (1–255 printable ASCII characters, e.g. a UUID); reuse it when you retry.',
      { field: 'Idempotency-Key' },
    );
  }
  return key;
}

/** `POST /ingest/transactions`: a JSON array or NDJSON of canonical transactions, answered per record. */
export function transactionsRoute(options: TransactionsRouteOptions): Route {
  const { ingestor, accessTokenKey } = options;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      throw new MeridianError(ErrorCode.BAD_USER_INPUT, `Send transactions with POST ${TRANSACTIONS_PATH}.`);
    }
    const identity = await bearerIdentity(req, accessTokenKey).catch((error: unknown) => {
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      throw error;
    });
    const idempotencyKey = idempotencyKeyOf(req);
    const mediaType = mediaTypeOf(req.headers['content-type']);
    if (!acceptedMediaTypes.has(mediaType)) {
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        `Send content-type application/json (an array) or ${NDJSON_MEDIA_TYPE} (one record a line).`,
        { field: 'content-type' },
      );
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      // Refuse before reading: the client learns why instead of seeing the connection cut.
      res.setHeader('connection', 'close');
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; split the batch.`,
        { field: 'body', limitBytes: MAX_BODY_BYTES },
      );
    }
    const raw = await readBody(req);
    const records = parseRecords(raw, mediaType);
    const outcome = await ingestor.ingest({
      tenantId: identity.tenantId,
      idempotencyKey,
      requestHash: requestHash(mediaType, raw),
      records,
    });
    sendJson(res, outcome.status, outcome.body, outcome.replayed ? { 'idempotent-replayed': 'true' } : {});
  }

  return { name: 'transactions', matches: (path) => path === TRANSACTIONS_PATH, handle: serve };
}
