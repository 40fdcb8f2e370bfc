import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readPublishedSchemas, SCHEMAS_DIR } from '@meridian/canonical/published';
import { createLogger, createMetrics } from '@meridian/observability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthRoute, metricsRoute } from '../src/operations/operations-routes';
import { schemasRoute } from '../src/schemas/schemas-route';
import { createIngestServer } from '../src/server';

let server: Server;
let base: string;

beforeAll(async () => {
  const metrics = createMetrics('ingest');
  server = createIngestServer({
    routes: [healthRoute, metricsRoute(metrics), schemasRoute(readPublishedSchemas())],
    logger: createLogger('ingest', 'silent'),
    metrics,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GET /schemas', () => {
  it('lists every schema with its versions and their URLs', async () => {
    const response = await fetch(`${base}/schemas`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const index = (await response.json()) as {
      schemas: Array<{ name: string; latest: string; versions: Array<{ version: string; url: string }> }>;
    };
    const transaction = index.schemas.find((schema) => schema.name === 'canonical-transaction');
    expect(transaction?.latest).toBe('2.0.0');
    expect(transaction?.versions.map((entry) => entry.url)).toEqual([
      '/schemas/canonical-transaction/1.0.0.json',
      '/schemas/canonical-transaction/2.0.0.json',
    ]);
  });

  it('serves each listed URL', async () => {
    const index = (await (await fetch(`${base}/schemas`)).json()) as {
      schemas: Array<{ versions: Array<{ url: string }> }>;
    };
    for (const { url } of index.schemas.flatMap((schema) => schema.versions)) {
      expect((await fetch(`${base}${url}`)).status, url).toBe(200);
    }
  });
});

describe('GET /schemas/<name>/<version>.json', () => {
  it('answers the committed JSON Schema as application/schema+json, cacheable for good', async () => {
    const response = await fetch(`${base}/schemas/canonical-transaction/1.0.0.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe(
      readFileSync(`${SCHEMAS_DIR}/canonical-transaction/1.0.0.json`, 'utf8'),
    );
  });

  it('answers 304 to a client that already holds the version', async () => {
    const first = await fetch(`${base}/schemas/canonical-transaction/2.0.0.json`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${base}/schemas/canonical-transaction/2.0.0.json`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ['an unknown version', '/schemas/canonical-transaction/9.9.9.json'],
    ['an unknown schema', '/schemas/invoice/1.0.0.json'],
    ['a path without a version', '/schemas/canonical-transaction'],
  ])('answers 404 NOT_FOUND for %s', async (_, path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('NOT_FOUND');
    expect(body.message).toMatch(/\/schemas/);
  });

  it('refuses writes', async () => {
    const response = await fetch(`${base}/schemas/canonical-transaction/1.0.0.json`, { method: 'PUT' });
    expect(response.status).toBe(400);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the rest of the server', () => {
  it('still answers health, and 404 NOT_FOUND with a request id elsewhere', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const response = await fetch(`${base}/nowhere`, { headers: { 'x-request-id': 'test-req-1' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', requestId: 'test-req-1' });
  });
});
