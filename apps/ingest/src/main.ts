import { importSigningKey } from '@meridian/auth';
import { readPublishedSchemas } from '@meridian/canonical/published';
import { commonEnv, DEFAULT_PORTS, loadConfig, onShutdown, port } from '@meridian/config';
import { createPrismaClient } from '@meridian/db';
import { createBackbone } from '@meridian/events';
import { createTransactionIngestor, SourceMappings, sourceMappingLookup } from '@meridian/ingestion';
import { createLogger, createMetrics } from '@meridian/observability';
import { z } from 'zod';
import { cloudEventsRoute } from './cloudevents/cloudevents-route';
import { captureRoute } from './epcis/capture-route';
import { createCaptureService } from './epcis/capture-service';
import { feedsRoute } from './feeds/feeds-route';
import { sourceFeeds } from './feeds/source-feeds';
import { createIngestMetrics } from './metrics/ingest-metrics';
import { healthRoute, metricsRoute } from './operations/operations-routes';
import { schemasRoute } from './schemas/schemas-route';
import { createIngestServer } from './server';
import { transactionsRoute } from './transactions/transactions-route';

/**
 * The machines' front door: health, metrics, the published canonical schemas and bulk canonical
 * transactions. CloudEvents and EPCIS capture are further routes in the same list.
 */
const config = loadConfig({
  ...commonEnv,
  INGEST_PORT: port(DEFAULT_PORTS.ingest),
  ACCESS_TOKEN_PUBLIC_KEY: z
    .string()
    .min(1, 'set ACCESS_TOKEN_PUBLIC_KEY (JWK JSON that verifies access tokens)'),
});
const logger = createLogger('ingest');
const metrics = createMetrics('ingest');
const ingestMetrics = createIngestMetrics(metrics.registry);
const prisma = createPrismaClient(config.DATABASE_URL);
// Appends go through the outbox; the backbone also runs the NATS relay when NATS_URL is set.
const backbone = await createBackbone({
  databaseUrl: config.DATABASE_URL,
  natsUrl: config.NATS_URL,
  natsNamespace: config.NATS_NAMESPACE,
  logger,
  registry: metrics.registry,
});
const ingestor = createTransactionIngestor({ prisma, logger, databaseUrl: config.DATABASE_URL });
const accessTokenKey = await importSigningKey(config.ACCESS_TOKEN_PUBLIC_KEY);
// One cache of the tenants' mapping rules for the feeds and the EPCIS capture.
const mappings = new SourceMappings(sourceMappingLookup(prisma));
const captureService = createCaptureService({ prisma, ingestor, logger, mappings });
// EPCIS capture jobs a crash (or a lost database) left running are finished here, now and every minute.
const resumeCaptures = () =>
  captureService
    .resumeUnfinished()
    .catch((error: unknown) => logger.warn({ err: error }, 'resuming capture jobs failed'));
void resumeCaptures();
const captureResumer = setInterval(resumeCaptures, 60_000);
captureResumer.unref();

const server = createIngestServer({
  routes: [
    healthRoute,
    metricsRoute(metrics),
    schemasRoute(readPublishedSchemas()),
    transactionsRoute({ ingestor, accessTokenKey, metrics: ingestMetrics }),
    cloudEventsRoute({ ingestor, accessTokenKey, metrics: ingestMetrics }),
    captureRoute({ captureService, accessTokenKey }),
    // Matches every /ingest/<segment>: after the fixed /ingest/ paths.
    feedsRoute({
      feeds: sourceFeeds,
      ingestor,
      mappings,
      accessTokenKey,
      metrics: ingestMetrics,
    }),
  ],
  logger,
  metrics,
});

server.listen(config.INGEST_PORT, process.env.HOST ?? '127.0.0.1', () =>
  logger.info({ port: config.INGEST_PORT }, 'ingest listening'),
);
onShutdown(async () => {
  clearInterval(captureResumer);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // The per-minute counts still in memory.
  await ingestor.close();
  await backbone.close();
  await prisma.$disconnect();
});
