/**
 * `pnpm bench subscriptions`: delivery latency from a backbone event to a graphql-ws client, with 100 open
 * subscriptions (one socket each, each its own user of the demo tenant), through our gateway.
 *   kpiUpdated       the event's own payload, fanned out in the gateway
 *   exceptionRaised  plus `{ id title severity sku { code name } }` fetched through the supergraph per user
 * Latency = the client's receipt minus the moment before `backbone.publish` (same clock: one process).
 * Env: BENCH_SUBSCRIBERS (default 100), BENCH_EVENTS (per kind, default 100), BENCH_EVENT_INTERVAL_MS (default 50),
 * NATS_URL (the backbone is then NATS JetStream, else PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { exceptionRaisedDataOf } from '@meridian/canonical';
import { createBackbone, createEvent } from '@meridian/events';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startBenchPlatform } from './support/platform';
import { percentile, printTable } from './support/stats';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const INTERVAL_MS = Number(process.env.BENCH_EVENT_INTERVAL_MS ?? 50);

interface Kind {
  name: string;
  subscription: string;
  /** The event to publish as number `seq`, and how to read `seq` back off a delivered payload. */
  event(seq: number): { type: string; data: Record<string, unknown>; partitionKey: string };
  seqOf(payload: Record<string, unknown>): number | undefined;
}

const platform = await startBenchPlatform();
const backbone = await createBackbone({
  databaseUrl: platform.databaseUrl,
  natsUrl: platform.natsUrl,
  natsNamespace: platform.natsNamespace,
});
const clients: Client[] = [];
try {
  const tenantId = platform.tenantId;
  const exception = await platform.prisma.exception.findFirstOrThrow({
    where: { tenantId, skuId: { not: null } },
  });
  const gateway = await platform.startOurGateway();
  const wsUrl = gateway.url.replace(/^http/, 'ws');

  const kinds: Kind[] = [
    {
      name: 'kpiUpdated',
      subscription: 'subscription { kpiUpdated { kpi value unit at } }',
      event: (seq) => ({
        type: 'supply.kpi_updated',
        partitionKey: tenantId,
        data: { tenantId, kpi: 'bench_sequence', value: seq, unit: 'count', at: new Date().toISOString() },
      }),
      seqOf: (payload) => (payload.kpiUpdated as { value?: number } | undefined)?.value,
    },
    {
      name: 'exceptionRaised',
      subscription: 'subscription { exceptionRaised { id title severity raisedAt sku { code name } } }',
      event: () => ({
        type: 'quality.exception_raised',
        partitionKey: exception.id,
        data: exceptionRaisedDataOf(exception),
      }),
      // Every event names the same exception; a subscriber's n-th delivery answers the n-th event (in order).
      seqOf: () => undefined,
    },
  ];

  const rows: string[][] = [
    ['subscription', 'subscribers', 'events', 'deliveries', 'p50', 'p95', 'p99', 'max'],
  ];
  for (const kind of kinds) {
    const publishedAt = new Map<number, number>();
    const latencies: number[] = [];
    let received = 0;
    const perClient: number[][] = [];
    let active = 0;
    for (let index = 0; index < SUBSCRIBERS; index += 1) {
      const userId = randomUUID();
      const token = await platform.tokenFor({
        kind: 'user',
        userId,
        tenantId,
        email: `${userId}@bench.meridian.test`,
        roles: ['planner', 'analyst'],
      });
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      clients.push(client);
      const arrivals: number[] = [];
      perClient.push(arrivals);
      client.subscribe<Record<string, unknown>>(
        { query: kind.subscription },
        {
          next: ({ data, errors }) => {
            const now = performance.now();
            if (errors || !data) throw new Error(`delivery with errors: ${JSON.stringify(errors)}`);
            received += 1;
            const seq = kind.seqOf(data) ?? arrivals.length;
            arrivals.push(now);
            const sent = publishedAt.get(seq);
            if (sent !== undefined) latencies.push(now - sent);
          },
          error: (error) => console.error(`${kind.name} subscriber failed:`, error),
          complete: () => {},
        },
      );
      active += 1;
    }
    // Wait until every socket is acknowledged and subscribed: a warm-up event must reach all of them.
    console.log(`${kind.name}: ${active} subscriptions open; warming up …`);
    const warmUp = async () => {
      const before = received;
      const event = kind.event(-1);
      await backbone.publish([createEvent({ source: 'meridian/bench', tenantId, ...event })]);
      const deadline = Date.now() + 15_000;
      while (received - before < SUBSCRIBERS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received - before;
    };
    while ((await warmUp()) < SUBSCRIBERS) console.log('  not every subscriber is live yet; again …');
    for (const arrivals of perClient) arrivals.length = 0;
    received = 0;

    console.log(`${kind.name}: publishing ${EVENTS} events, one every ${INTERVAL_MS} ms …`);
    for (let seq = 0; seq < EVENTS; seq += 1) {
      const event = kind.event(seq);
      publishedAt.set(seq, performance.now());
      await backbone.publish([createEvent({ source: 'meridian/bench', tenantId, ...event })]);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    const deadline = Date.now() + 30_000;
    while (received < EVENTS * SUBSCRIBERS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    rows.push([
      kind.name,
      String(SUBSCRIBERS),
      String(EVENTS),
      `${received}/${EVENTS * SUBSCRIBERS}`,
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 95)),
      ms(percentile(latencies, 99)),
      ms(Math.max(...latencies)),
    ]);
  }
  console.log('\nDelivery latency, backbone publish → graphql-ws client:\n');
  printTable(rows);
  await gateway.stop();
} finally {
  await Promise.all(clients.map((client) => client.dispose()));
  await backbone.close();
  await platform.stop();
}
