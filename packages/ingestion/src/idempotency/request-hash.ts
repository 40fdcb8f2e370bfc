import { createHash } from 'node:crypto';

/**
 * What "the same request" means for an Idempotency-Key: the same media type and the same body bytes.
 * The media type counts because the same bytes read as JSON or as NDJSON are different requests.
 */
export function requestHash(mediaType: string, body: string): string {
  return createHash('sha256').update(mediaType).update('\n').update(body).digest('hex');
}
