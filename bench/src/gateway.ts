/**
 * `pnpm bench gateway`: the three-subgraph SKU query at 50 concurrent clients for ~20 s, through our gateway
 * and through a stock ApolloGateway + @apollo/server standalone over the same subgraphs, in one run.
 * Env: BENCH_DURATION (s, default 20), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 1), DATABASE_URL.
 */
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { type BenchPlatform, startBenchPlatform } from './support/platform';
import { cpuSecondsOf } from './support/processes';
import { percentile, printTable } from './support/stats';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const WARM_UP_S = 3;

const QUERY = `query Sku($id: ID!) {
  sku(id: $id) {
    code
    inventoryPositions { onHand }
    inboundShipments { reference }
    openExceptions { title }
  }
}`;

interface Measurement {
  requestsPerSecond: number;
  /** CPU time the gateway process spent per request (user + system), from /proc. */
  cpuMsPerRequest: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  total: number;
}

/** The demo SKU with the most to join: positions, open inbound shipment lines and open exceptions. */
async function busiestSku(platform: BenchPlatform): Promise<string> {
  const rows = await platform.prisma.$queryRawUnsafe<Array<{ id: string }>>(`
    SELECT s.id FROM catalog."Sku" s
    ORDER BY (SELECT count(*) FROM supply."InventoryPosition" p WHERE p."skuId" = s.id)
           + (SELECT count(*) FROM logistics."ShipmentLine" l WHERE l."skuId" = s.id)
           + (SELECT count(*) FROM quality."Exception" e WHERE e."skuId" = s.id AND e.status = 'OPEN') DESC
    LIMIT 1`);
  const id = rows[0]?.id;
  if (!id) throw new Error('The seed wrote no SKU.');
  return id;
}

async function checkAnswer(url: string, body: string, token: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const result = (await response.json()) as {
    data?: { sku?: Record<string, unknown[]> | null };
    errors?: unknown;
  };
  const sku = result.data?.sku;
  if (result.errors || !sku)
    throw new Error(`${url} answered badly: ${JSON.stringify(result).slice(0, 500)}`);
  return `${sku.inventoryPositions?.length} positions, ${sku.inboundShipments?.length} inbound shipments, ${sku.openExceptions?.length} open exceptions`;
}

function load(url: string, body: string, token: string, durationS: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let failures = 0;
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: durationS,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.total / durationS,
          cpuMsPerRequest: Number.NaN,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          failures: failures + result.errors + result.timeouts,
          total: result.requests.total,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) failures += 1;
    });
  });
}

async function measure(
  name: string,
  start: () => Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }>,
  body: string,
  token: string,
): Promise<Measurement> {
  const gateway = await start();
  try {
    console.log(`  ${name}: ${await checkAnswer(gateway.url, body, token)}; warming up ${WARM_UP_S} s …`);
    await load(gateway.url, body, token, WARM_UP_S);
    console.log(`  ${name}: measuring ${DURATION_S} s at ${CONNECTIONS} connections …`);
    const pid = gateway.child.pid as number;
    const cpuBefore = cpuSecondsOf(pid);
    const measurement = await load(gateway.url, body, token, DURATION_S);
    measurement.cpuMsPerRequest = ((cpuSecondsOf(pid) - cpuBefore) * 1000) / measurement.total;
    return measurement;
  } finally {
    await gateway.stop();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const platform = await startBenchPlatform();
try {
  const token = await platform.plannerToken();
  const body = JSON.stringify({ query: QUERY, variables: { id: await busiestSku(platform) } });
  const ours: Measurement[] = [];
  const stock: Measurement[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    if (ROUNDS > 1) console.log(`Round ${round} of ${ROUNDS}`);
    ours.push(await measure('Meridian gateway', () => platform.startOurGateway(), body, token));
    stock.push(await measure('stock ApolloGateway', () => platform.startStockGateway(), body, token));
  }
  const best = (runs: Measurement[]) =>
    runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  const [a, b] = [best(ours), best(stock)];
  console.log(
    `\nThree-subgraph SKU query, ${CONNECTIONS} connections, ${DURATION_S} s${ROUNDS > 1 ? `, best of ${ROUNDS}` : ''}:\n`,
  );
  printTable([
    ['gateway', 'req/s', 'p50', 'p95', 'p99', 'gateway CPU/req', 'requests', 'failed'],
    [
      'Meridian gateway',
      a.requestsPerSecond.toFixed(0),
      ms(a.p50),
      ms(a.p95),
      ms(a.p99),
      ms(a.cpuMsPerRequest),
      String(a.total),
      String(a.failures),
    ],
    [
      'stock ApolloGateway',
      b.requestsPerSecond.toFixed(0),
      ms(b.p50),
      ms(b.p95),
      ms(b.p99),
      ms(b.cpuMsPerRequest),
      String(b.total),
      String(b.failures),
    ],
    [
      'ratio (ours / stock)',
      `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×`,
      `${(a.p50 / b.p50).toFixed(2)}×`,
      `${(a.p95 / b.p95).toFixed(2)}×`,
      `${(a.p99 / b.p99).toFixed(2)}×`,
      `${(a.cpuMsPerRequest / b.cpuMsPerRequest).toFixed(2)}×`,
      '',
      '',
    ],
  ]);
} finally {
  await platform.stop();
}
