import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ingest, startIngest } from './ingest-harness';

let ingest: Ingest;
beforeAll(async () => {
  ingest = await startIngest();
});
afterAll(() => ingest.close());

async function scrape(): Promise<string> {
  return (await fetch(`${ingest.base}/metrics`)).text();
}

/** The value of one sample, 0 when it is not there yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split('\n')
    .find(
      (candidate) => candidate.startsWith(`${name}{`) && wanted.every((label) => candidate.includes(label)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('GET /metrics', () => {
  it('counts accepted, duplicate, rejected and refused by endpoint and code, with latency and size', async () => {
    const endpoint = { endpoint: '/ingest/erp' };
    const before = await scrape();
    const record = ingest.transaction();
    const body = JSON.stringify([record, record, ingest.transaction({ measure: null })]);
    const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    expect((await ingest.send('/ingest/erp', body, headers)).status).toBe(202);
    // The replay is answered, not counted again.
    expect((await ingest.send('/ingest/erp', body, headers)).headers['idempotent-replayed']).toBe('true');
    await ingest.send('/ingest/erp', '{', { ...headers, 'idempotency-key': randomUUID() });
    await ingest.send('/ingest/nowhere', '[]', headers);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta('meridian_ingest_records_accepted_total', endpoint)).toBe(1);
    expect(delta('meridian_ingest_records_duplicate_total', endpoint)).toBe(1);
    expect(delta('meridian_ingest_records_rejected_total', { ...endpoint, code: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('meridian_ingest_requests_refused_total', { ...endpoint, code: 'BAD_USER_INPUT' })).toBe(1);
    expect(
      delta('meridian_ingest_requests_refused_total', { endpoint: '/ingest/{unknown}', code: 'NOT_FOUND' }),
    ).toBe(1);
    expect(delta('meridian_ingest_accept_duration_seconds_count', { ...endpoint, outcome: 'answered' })).toBe(
      2,
    );
    expect(delta('meridian_ingest_request_size_bytes_count', endpoint)).toBe(3);
    expect(delta('meridian_ingest_request_size_bytes_sum', endpoint)).toBe(2 * Buffer.byteLength(body) + 1);
  });
});
