import { createMetrics, type ServiceMetrics } from '@meridian/observability';
import { Gauge, Histogram } from 'prom-client';

export interface GatewayMetrics extends ServiceMetrics {
  subgraphDuration: Histogram<'subgraph' | 'outcome'>;
  wsConnections: Gauge;
  subscriptions: Gauge;
}

/** The service metrics every Meridian service has, plus subgraph fetch times and live WebSocket counts. */
export function createGatewayMetrics(): GatewayMetrics {
  const base = createMetrics('gateway');
  const registers = [base.registry];
  return {
    ...base,
    subgraphDuration: new Histogram({
      name: 'meridian_gateway_subgraph_request_duration_seconds',
      help: 'Duration of gateway-to-subgraph requests, by subgraph and outcome (ok, error, unavailable)',
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    }),
    wsConnections: new Gauge({
      name: 'meridian_gateway_websocket_connections',
      help: 'Authenticated graphql-ws connections open now',
      registers,
    }),
    subscriptions: new Gauge({
      name: 'meridian_gateway_subscriptions',
      help: 'Live GraphQL subscriptions now',
      registers,
    }),
  };
}
