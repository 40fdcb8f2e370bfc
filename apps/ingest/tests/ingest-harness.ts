import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeyPair, importSigningKey, issueAccessToken } from '@meridian/auth';
import { canonicalTransactionFixture } from '@meridian/canonical/testing';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import { createTransactionIngestor, SourceMappings, sourceMappingLookup } from '@meridian/ingestion';
import { seedCatalog } from '@meridian/ingestion/testing';
import { createLogger, createMetrics } from '@meridian/observability';
import { cloudEventsRoute } from '../src/cloudevents/cloudevents-route';
import { feedsRoute } from '../src/feeds/feeds-route';
import { sourceFeeds } from '../src/feeds/source-feeds';
import { createIngestMetrics } from '../src/metrics/ingest-metrics';
import { healthRoute, metricsRoute } from '../src/operations/operations-routes';
import { createIngestServer } from '../src/server';
import { transactionsRoute } from '../src/transactions/transactions-route';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON freely
  body: any;
}

/** The ingest server with every write route, as main.ts mounts them, on a random port, and a tenant's token. */
export async function startIngest() {
  const prisma = createTestPrismaClient();
  const tenantId = randomUUID();
  const keys = await generateSigningKeyPair('ingest-test');
  const user = {
    kind: 'user' as const,
    userId: randomUUID(),
    tenantId,
    email: 'feed@example.com',
    roles: [],
  };
  const token = (await issueAccessToken(await importSigningKey(keys.privateJwk), user)).token;
  const logger = createLogger('ingest-test', 'silent');
  const metrics = createMetrics('ingest');
  const ingestMetrics = createIngestMetrics(metrics.registry);
  await seedCatalog(prisma, tenantId, { skus: ['SKU-1'], locations: ['DC-1'] });
  // Tests switch a tenant's validation mode and read the minute counts soon after.
  const ingestor = createTransactionIngestor({
    prisma,
    logger,
    databaseUrl: testDatabaseUrl(),
    policyTtlMs: 0,
    countsFlushMs: 200,
  });
  const accessTokenKey = await importSigningKey(keys.publicJwk);
  const writes = { ingestor, accessTokenKey, metrics: ingestMetrics };
  const server: Server = createIngestServer({
    routes: [
      healthRoute,
      metricsRoute(metrics),
      transactionsRoute(writes),
      cloudEventsRoute(writes),
      // Mappings read on every request: a test's saved mapping applies at once.
      feedsRoute({
        feeds: sourceFeeds,
        mappings: new SourceMappings(sourceMappingLookup(prisma), { ttlMs: 0 }),
        ...writes,
      }),
    ],
    logger,
    metrics,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  /** A raw HTTP request (node:http, so that bodies may be invalid UTF-8, chunked or cut off). */
  function send(
    path: string,
    body: string | Buffer | Buffer[],
    headers: Record<string, string> = {},
    options: { auth?: boolean } = {},
  ): Promise<Answer> {
    const allHeaders: Record<string, string> = { ...headers };
    if (options.auth !== false) allHeaders.authorization = `Bearer ${token}`;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: allHeaders });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
        });
      });
      // Writing an oversized body may fail once the server has answered and closed; the answer counts.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      if (Array.isArray(body)) {
        for (const chunk of body) req.write(chunk);
        req.end();
      } else {
        req.end(body);
      }
    });
  }

  function transaction(overrides: Record<string, unknown> = {}) {
    return canonicalTransactionFixture(tenantId, overrides);
  }

  async function close() {
    await new Promise((resolve) => server.close(resolve));
    await ingestor.close();
    await prisma.$disconnect();
  }

  return {
    prisma,
    ingestor,
    tenantId,
    token,
    port,
    send,
    transaction,
    close,
    base: `http://127.0.0.1:${port}`,
  };
}

export type Ingest = Awaited<ReturnType<typeof startIngest>>;
