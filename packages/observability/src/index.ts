import { type Logger, pino } from 'pino';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type { Logger };

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}

export interface ServiceMetrics {
  registry: Registry;
  requestDuration: Histogram<'operation' | 'outcome'>;
  errors: Counter<'code'>;
}

/** One registry per process, with Node's default metrics and the request histogram every service has. */
export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'meridian_request_duration_seconds',
    help: 'Duration of GraphQL operations and HTTP requests',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'meridian_errors_total',
    help: 'Errors returned to callers, by error code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return { registry, requestDuration, errors };
}
