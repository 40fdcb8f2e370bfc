import { createServer } from 'node:http';
import { DEFAULT_PORTS, loadConfig, onShutdown, port } from '@meridian/config';
import { createLogger, createMetrics } from '@meridian/observability';

/**
 * The machines' front door. This foundation only answers health and metrics; bulk canonical
 * transactions, CloudEvents and EPCIS capture arrive with the ingestion issue.
 */
const config = loadConfig({ INGEST_PORT: port(DEFAULT_PORTS.ingest) });
const logger = createLogger('ingest');
const metrics = createMetrics('ingest');

const server = createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', service: 'ingest' }));
  } else if (path === '/metrics') {
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  } else {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ code: 'NOT_FOUND', message: 'Ingestion endpoints are not built yet; try /healthz.' }),
    );
  }
});

server.listen(config.INGEST_PORT, process.env.HOST ?? '127.0.0.1', () =>
  logger.info({ port: config.INGEST_PORT }, 'ingest listening'),
);
onShutdown(() => new Promise<void>((resolve) => server.close(() => resolve())));
