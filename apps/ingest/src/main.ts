import { readPublishedSchemas } from '@meridian/canonical/published';
import { DEFAULT_PORTS, loadConfig, onShutdown, port } from '@meridian/config';
import { createLogger, createMetrics } from '@meridian/observability';
import { healthRoute, metricsRoute } from './operations/operations-routes';
import { schemasRoute } from './schemas/schemas-route';
import { createIngestServer } from './server';

/**
 * The machines' front door: health, metrics and the published canonical schemas. Bulk canonical
 * transactions, CloudEvents and EPCIS capture are further routes in the same list.
 */
const config = loadConfig({ INGEST_PORT: port(DEFAULT_PORTS.ingest) });
const logger = createLogger('ingest');
const metrics = createMetrics('ingest');

const server = createIngestServer({
  routes: [healthRoute, metricsRoute(metrics), schemasRoute(readPublishedSchemas())],
  logger,
  metrics,
});

server.listen(config.INGEST_PORT, process.env.HOST ?? '127.0.0.1', () =>
  logger.info({ port: config.INGEST_PORT }, 'ingest listening'),
);
onShutdown(() => new Promise<void>((resolve) => server.close(() => resolve())));
