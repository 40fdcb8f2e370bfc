import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the backbone reports about its durable consumers (prom-client metrics when given a registry). */
export interface BackboneMetrics {
  handled(consumer: string, events: number): void;
  retried(consumer: string, events: number): void;
  deadLettered(consumer: string): void;
  duplicates(consumer: string, events: number): void;
  lag(consumer: string, events: number): void;
  batchDuration(consumer: string, seconds: number): void;
}

export const noMetrics: BackboneMetrics = {
  handled: () => {},
  retried: () => {},
  deadLettered: () => {},
  duplicates: () => {},
  lag: () => {},
  batchDuration: () => {},
};

type Metric = Counter<'consumer'> | Gauge<'consumer'> | Histogram<'consumer'>;

/**
 * Registers the backbone's metrics in `registry`, or reuses them when another backbone of this process
 * registered them there already (prom-client refuses a second metric of the same name).
 */
export function createBackboneMetrics(registry: Registry | undefined): BackboneMetrics {
  if (!registry) return noMetrics;
  const reuse = <T extends Metric>(name: string, create: () => T): T =>
    (registry.getSingleMetric(name) as T | undefined) ?? create();
  const counter = (name: string, help: string) =>
    reuse(name, () => new Counter({ name, help, labelNames: ['consumer'] as const, registers: [registry] }));
  const handled = counter(
    'meridian_backbone_events_handled_total',
    'Events a durable consumer handled successfully (batch consumers: events in successful batches)',
  );
  const retries = counter(
    'meridian_backbone_retries_total',
    'Failed deliveries (of one event, or of one batch) that will be attempted again',
  );
  const deadLetters = counter('meridian_backbone_dead_letters_total', 'Events a consumer gave up on');
  const duplicates = counter(
    'meridian_backbone_duplicates_total',
    'Events applyOnce/applyBatchOnce found already applied (redeliveries absorbed by the inbox)',
  );
  const lag = reuse(
    'meridian_backbone_consumer_lag',
    () =>
      new Gauge({
        name: 'meridian_backbone_consumer_lag',
        help: 'Events appended but not yet handled by the consumer (approximate; updated every round)',
        labelNames: ['consumer'] as const,
        registers: [registry],
      }),
  );
  const batchDuration = reuse(
    'meridian_backbone_batch_duration_seconds',
    () =>
      new Histogram({
        name: 'meridian_backbone_batch_duration_seconds',
        help: 'Duration of handleBatch calls of batch consumers',
        labelNames: ['consumer'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
  );
  return {
    handled: (consumer, events) => handled.inc({ consumer }, events),
    retried: (consumer, events) => retries.inc({ consumer }, events),
    deadLettered: (consumer) => deadLetters.inc({ consumer }),
    duplicates: (consumer, events) => {
      if (events > 0) duplicates.inc({ consumer }, events);
    },
    lag: (consumer, events) => lag.set({ consumer }, events),
    batchDuration: (consumer, seconds) => batchDuration.observe({ consumer }, seconds),
  };
}
