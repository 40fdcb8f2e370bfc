import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserIdentity } from '@meridian/auth';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { MAX_BODY_BYTES, readBody, sendJson } from '@meridian/graphql-http';
import { type BulkWriteOutcome, requestHash } from '@meridian/ingestion';
import { type AccessTokenKey, bearerIdentity } from '../auth/bearer-identity';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import { mediaTypeOf } from './request-body';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

export interface WriteEndpoint {
  /** The endpoint's path, for messages and the metrics label. */
  path: string;
  accessTokenKey: AccessTokenKey;
  metrics: IngestMetrics;
  /** Whether Idempotency-Key must be sent (CloudEvents deduplicate by source and id without one). */
  idempotencyKey: 'required' | 'optional';
}

export interface WriteRequest {
  identity: UserIdentity;
  idempotency?: { key: string; requestHash: string };
  mediaType: string;
  raw: string;
}

function idempotencyKeyOf(req: IncomingMessage, required: boolean): string | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined && !required) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'Send an Idempotency-Key header (1–255 printable ASCII characters, e.g. a UUID); reuse it when you retry.',
      { field: 'Idempotency-Key' },
    );
  }
  return key;
}

/**
 * What every write endpoint checks before it reads records, in this order: POST, the bearer token, the
 * Idempotency-Key, the media type (`accepts` decides; its message says what to send), then the body (at
 * most 1 MiB, answered with a code even when chunked).
 */
export async function readWriteRequest(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: WriteEndpoint,
  accepts: { mediaTypes: ReadonlySet<string>; message: string },
): Promise<WriteRequest> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, `Send records with POST ${endpoint.path}.`);
  }
  const identity = await bearerIdentity(req, endpoint.accessTokenKey).catch((error: unknown) => {
    res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
    throw error;
  });
  const key = idempotencyKeyOf(req, endpoint.idempotencyKey === 'required');
  const mediaType = mediaTypeOf(req.headers['content-type']);
  if (!accepts.mediaTypes.has(mediaType)) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, accepts.message, { field: 'content-type' });
  }
  const raw = await readBody(req, MAX_BODY_BYTES, res);
  endpoint.metrics.requestSize.observe({ endpoint: endpoint.path }, Buffer.byteLength(raw));
  return {
    identity,
    mediaType,
    raw,
    ...(key === undefined ? {} : { idempotency: { key, requestHash: requestHash(mediaType, raw) } }),
  };
}

/** Answers a write's outcome and counts its records (a replayed response is not counted again). */
export function sendWriteOutcome(
  res: ServerResponse,
  endpoint: WriteEndpoint,
  outcome: BulkWriteOutcome,
): void {
  if (!outcome.replayed) endpoint.metrics.countResults(endpoint.path, outcome.body);
  sendJson(res, outcome.status, outcome.body, outcome.replayed ? { 'idempotent-replayed': 'true' } : {});
}
