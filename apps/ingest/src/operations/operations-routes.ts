import { sendJson } from '@meridian/graphql-http';
import type { ServiceMetrics } from '@meridian/observability';
import type { Route } from '../server';

export const healthRoute: Route = {
  name: 'healthz',
  matches: (path) => path === '/healthz',
  handle: (_req, res) => sendJson(res, 200, { status: 'ok', service: 'ingest' }),
};

export const metricsRoute = (metrics: ServiceMetrics): Route => ({
  name: 'metrics',
  matches: (path) => path === '/metrics',
  async handle(_req, res) {
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  },
});
