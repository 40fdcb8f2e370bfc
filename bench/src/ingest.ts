/**
 * `pnpm bench ingest`: the ingest service (apps/ingest) and the supply subgraph (whose consumer applies
 * ingested transactions to the stock ledger) as child processes on a throw-away database seeded with the demo
 * world, loaded from another child process (src/support/ingest-load.ts) on loopback with NDJSON batches of
 * fresh stock adjustments on POST /ingest/transactions. Consumer lag is sampled every second from the supply
 * subgraph's /metrics. Afterwards every record answered `accepted` is looked up in backbone."EventLog" and in
 * the stock ledger once the consumer has drained (lost = 0), and on-hand must have grown by exactly the
 * accepted units (duplicate effects = 0).
 * Env: BENCH_CONSUMER (during | after, see CONSUMER_MODE), BENCH_DURATION (s, default 60), BENCH_CONNECTIONS (default 4), BENCH_BATCH (records a request,
 * default 500), BENCH_RESEND_EVERY (re-send every n-th batch, default 10), NATS_URL (the backbone relays to
 * NATS JetStream), BENCH_PROFILE_DIR (V8 CPU profiles of the ingest and supply processes).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeyPair, importSigningKey, issueAccessToken } from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import { repoRoot } from '@meridian/db/embedded';
import { deleteNatsNamespace, relayBacklog } from '@meridian/events';
import { demoTenant, demoUsers, seedDemoWorld } from '@meridian/prisma';
import { startBenchDatabase } from './support/database';
import type { LoadResult } from './support/ingest-load';
import { BENCH_PORTS } from './support/ports';
import {
  answers200,
  type BenchProcess,
  cpuSecondsOf,
  machineCpuSeconds,
  programCpuSeconds,
  startProcess,
} from './support/processes';
import { percentile, printTable, weightedPercentile } from './support/stats';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const RESEND_EVERY = Number(process.env.BENCH_RESEND_EVERY ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 0);
const SOURCE_SYSTEM = 'bench';
const EVENT_SOURCE = `meridian/ingest/${SOURCE_SYSTEM}`;

const DRAIN_TIMEOUT_MS = 300_000;
/** `during` (default): the consumer applies while the load runs, as in production. `after`: the load meets
 * the ingest alone (its capacity), then the consumer drains the backlog alone (its capacity). */
const CONSUMER_MODE = process.env.BENCH_CONSUMER === 'after' ? 'after' : 'during';
const CONSUMER = 'supply-ingested-transactions';

const logDir = join(repoRoot, '.data', 'bench-logs');
const natsUrl = process.env.NATS_URL?.trim() || undefined;
// Streams of the run's own, deleted afterwards: a fresh database must not meet earlier runs' events.
const natsNamespace = natsUrl ? `bench-${Date.now().toString(36)}` : '';
const profileDir = process.env.BENCH_PROFILE_DIR;
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const count = (value: number) => value.toLocaleString('en-US');

/** Runs the load generator in its own process and reads back what it wrote. */
async function runLoad(env: Record<string, string>): Promise<{ result: LoadResult; acceptedIds: string[] }> {
  const output = join(logDir, 'ingest-load.json');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('bench', 'src', 'support', 'ingest-load.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, LOAD_OUTPUT: output },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (exitCode !== 0) throw new Error(`the load generator exited with ${exitCode}`);
  const result = JSON.parse(readFileSync(output, 'utf8')) as LoadResult;
  const acceptedIds = readFileSync(`${output}.ids`, 'utf8').split('\n').filter(Boolean);
  return { result, acceptedIds };
}

/** The consumer's lag gauge from the supply subgraph's Prometheus endpoint, or null when it is absent. */
async function consumerLag(base: string): Promise<number | null> {
  const text = await (await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(900) })).text();
  const line = text
    .split('\n')
    .find(
      (entry) =>
        entry.startsWith('meridian_backbone_consumer_lag{') && entry.includes(`consumer="${CONSUMER}"`),
    );
  return line ? Number(line.split(' ').at(-1)) : null;
}

const totalOnHand = async (prisma: PrismaClient) => {
  const [row] = await prisma.$queryRaw<{ units: bigint }[]>`
    SELECT coalesce(sum("onHand"), 0)::bigint AS "units" FROM "supply"."InventoryPosition"
     WHERE "tenantId" = ${demoTenant.id}::uuid`;
  return Number(row?.units ?? 0);
};

const ledgerRows = async (prisma: PrismaClient) => {
  const [row] = await prisma.$queryRaw<{ rows: number }[]>`
    SELECT count(*)::int AS "rows" FROM "supply"."InventoryMovement"
     WHERE "tenantId" = ${demoTenant.id}::uuid AND "sourceSystem" = ${SOURCE_SYSTEM}`;
  return row?.rows ?? 0;
};

mkdirSync(logDir, { recursive: true });
const database = await startBenchDatabase();
let ingest: BenchProcess | undefined;
let supply: BenchProcess | undefined;
try {
  const { prisma, databaseUrl } = database;
  console.log('Seeding the demo world …');
  await seedDemoWorld(prisma);
  const targets = await prisma.$queryRaw<{ skuCode: string; locationCode: string }[]>`
    SELECT s."code" AS "skuCode", l."code" AS "locationCode" FROM "supply"."InventoryPosition" p
      JOIN "catalog"."Sku" s ON s."id" = p."skuId" JOIN "catalog"."Location" l ON l."id" = p."locationId"
     WHERE p."tenantId" = ${demoTenant.id}::uuid ORDER BY s."code", l."code"`;
  const onHandBefore = await totalOnHand(prisma);
  const keys = await generateSigningKeyPair('bench-ingest');
  const gatewayKeys = await generateSigningKeyPair('bench-gateway');
  const planner = demoUsers.planner;
  const { token } = await issueAccessToken(await importSigningKey(keys.privateJwk), {
    kind: 'user',
    userId: planner.id,
    tenantId: demoTenant.id,
    email: planner.email,
    roles: ['planner'],
  });

  console.log('Starting the ingest service …');
  const base = `http://127.0.0.1:${BENCH_PORTS.ingest}`;
  ingest = await startProcess({
    name: 'ingest',
    entry: join('apps', 'ingest', 'src', 'main.ts'),
    cwd: repoRoot,
    logDir,
    env: {
      INGEST_PORT: String(BENCH_PORTS.ingest),
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl ?? '',
      NATS_NAMESPACE: natsNamespace,
      ACCESS_TOKEN_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    ready: answers200(`${base}/healthz`),
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const ingestPid = ingest.child.pid as number;

  const supplyBase = `http://127.0.0.1:${BENCH_PORTS.subgraphs.supply}`;
  const startSupply = async () => {
    console.log('Starting the supply subgraph (the consumer that applies ingested transactions) …');
    const started = await startProcess({
      name: 'supply',
      entry: join('subgraphs', 'supply', 'src', 'main.ts'),
      cwd: repoRoot,
      logDir,
      env: {
        PORT: String(BENCH_PORTS.subgraphs.supply),
        DATABASE_URL: databaseUrl,
        NATS_URL: natsUrl ?? '',
        NATS_NAMESPACE: natsNamespace,
        GATEWAY_PUBLIC_KEY: JSON.stringify(gatewayKeys.publicJwk),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, 'supply')}`] : [],
      ready: answers200(`${supplyBase}/healthz`),
    });
    return {
      process: started,
      pid: started.child.pid as number,
      cpuBefore: cpuSecondsOf(started.child.pid as number),
    };
  };
  const lagSamples: number[] = [];
  const sampleLag = () =>
    setInterval(() => {
      consumerLag(supplyBase)
        .then((lag) => {
          if (lag !== null) lagSamples.push(lag);
        })
        .catch(() => {});
    }, 1_000);
  // With NATS: the relay's position every 50 ms, to tell when each sampled event reached JetStream.
  const relayPositions: { at: number; xid: bigint; seq: bigint }[] = [];
  const sampleRelay = async () => {
    const [row] = await prisma.$queryRawUnsafe<{ xid: bigint; seq: bigint }[]>(
      `SELECT "xid", "seq" FROM "backbone"."RelayPosition" WHERE "relay" = 'nats'`,
    );
    if (row) relayPositions.push({ at: Date.now(), xid: row.xid, seq: row.seq });
  };
  const relaySampler = natsUrl ? setInterval(() => sampleRelay().catch(() => {}), 50) : undefined;
  let consumer = CONSUMER_MODE === 'during' ? await startSupply() : undefined;
  supply = consumer?.process;
  const lagDuringLoad = CONSUMER_MODE === 'during' ? sampleLag() : undefined;

  console.log(
    `Loading POST /ingest/transactions for ${DURATION_S} s: ${CONNECTIONS} connections, ${BATCH} records a batch, ` +
      `every ${RESEND_EVERY}th batch re-sent; backbone on ${natsUrl ? 'NATS JetStream' : 'PostgreSQL'} …`,
  );
  const cpuBefore = cpuSecondsOf(ingestPid);
  const consumerCpuBefore = consumer ? cpuSecondsOf(consumer.pid) : 0;
  const postgresCpuBefore = programCpuSeconds('postgres');
  const natsCpuBefore = programCpuSeconds('nats-server');
  const machineBefore = machineCpuSeconds();
  const { result, acceptedIds } = await runLoad({
    LOAD_URL: `${base}/ingest/transactions`,
    LOAD_TOKEN: token,
    LOAD_TENANT: demoTenant.id,
    LOAD_SOURCE_SYSTEM: SOURCE_SYSTEM,
    LOAD_DURATION_S: String(DURATION_S),
    LOAD_CONNECTIONS: String(CONNECTIONS),
    LOAD_BATCH: String(BATCH),
    LOAD_RESEND_EVERY: String(RESEND_EVERY),
    LOAD_RATE: String(RATE),
    LOAD_TARGETS: JSON.stringify(targets.map((target) => [target.skuCode, target.locationCode])),
  });
  const ingestCpuSeconds = cpuSecondsOf(ingestPid) - cpuBefore;
  const consumerCpuDuringLoad = consumer ? cpuSecondsOf(consumer.pid) - consumerCpuBefore : 0;
  const postgresCpuDuringLoad = programCpuSeconds('postgres') - postgresCpuBefore;
  const natsCpuDuringLoad = programCpuSeconds('nats-server') - natsCpuBefore;
  const machineAfter = machineCpuSeconds();
  const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  const machineBusySeconds = machineAfter.busy - machineBefore.busy;
  clearInterval(lagDuringLoad);

  const loadEndedAt = Date.now();
  consumer ??= await startSupply();
  supply = consumer.process;
  console.log('Waiting for the consumer to apply every accepted event …');
  let applied = 0;
  while (Date.now() - loadEndedAt < DRAIN_TIMEOUT_MS) {
    applied = await ledgerRows(prisma);
    if (applied >= result.accepted) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drainSeconds = (Date.now() - loadEndedAt) / 1000;
  const supplyCpuSeconds = cpuSecondsOf(consumer.pid) - consumer.cpuBefore;

  // With NATS, wait (up to 30 s) for the relay to publish the sampled rows, so accept → NATS is complete.
  const sampleIds = result.samples.map((sample) => sample.id);
  if (natsUrl) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { waiting } = await relayBacklog({
        query: async (sql, values) => ({ rows: await prisma.$queryRawUnsafe<unknown[]>(sql, ...values) }),
      });
      if (waiting === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  clearInterval(relaySampler);
  await ingest.stop();
  ingest = undefined;
  await supply.stop();
  supply = undefined;

  console.log('Checking the backbone …');
  let found = 0;
  for (let start = 0; start < acceptedIds.length; start += 20_000) {
    const [row] = await prisma.$queryRawUnsafe<{ found: number }[]>(
      `SELECT count(*)::int AS "found" FROM "backbone"."EventLog" WHERE "source" = $1 AND "id" = ANY($2::text[])`,
      EVENT_SOURCE,
      acceptedIds.slice(start, start + 20_000),
    );
    found += row?.found ?? 0;
  }
  const answeredTwice = acceptedIds.length - new Set(acceptedIds).size;
  const [log] = await prisma.$queryRawUnsafe<{ rows: number; ids: number }[]>(
    `SELECT count(*)::int AS "rows", count(DISTINCT "id")::int AS "ids" FROM "backbone"."EventLog"
      WHERE "type" = 'ingest.transaction_received'`,
  );
  const logRows = log?.rows ?? 0;
  const duplicateEffects = logRows - (log?.ids ?? 0) + answeredTwice;
  const lost = acceptedIds.length - found;

  console.log('Checking the stock ledger …');
  let inLedger = 0;
  for (let start = 0; start < acceptedIds.length; start += 20_000) {
    const [row] = await prisma.$queryRawUnsafe<{ found: number }[]>(
      `SELECT count(*)::int AS "found" FROM "supply"."InventoryMovement"
        WHERE "tenantId" = $1::uuid AND "transactionId" = ANY($2::text[])`,
      demoTenant.id,
      acceptedIds.slice(start, start + 20_000),
    );
    inLedger += row?.found ?? 0;
  }
  const notApplied = acceptedIds.length - inLedger;
  const onHandGrowth = (await totalOnHand(prisma)) - onHandBefore;
  const unitsOff = onHandGrowth - result.acceptedUnits;

  const durable = await prisma.$queryRawUnsafe<{ id: string; createdAt: Date; xid: bigint; seq: bigint }[]>(
    `SELECT "id", "createdAt", "xid", "seq" FROM "backbone"."EventLog" WHERE "source" = $1 AND "id" = ANY($2::text[])`,
    EVENT_SOURCE,
    sampleIds,
  );
  const startedAt = new Map(result.samples.map((sample) => [sample.id, sample.startedAt]));
  const applyTimes = await prisma.$queryRawUnsafe<{ transactionId: string; recordedAt: Date }[]>(
    `SELECT "transactionId", "recordedAt" FROM "supply"."InventoryMovement"
      WHERE "tenantId" = $1::uuid AND "transactionId" = ANY($2::text[])`,
    demoTenant.id,
    sampleIds,
  );
  const toAppend: number[] = [];
  const toNats: number[] = [];
  const toApplied = applyTimes.flatMap((row) => {
    const start = startedAt.get(row.transactionId);
    return start === undefined ? [] : [row.recordedAt.getTime() - start];
  });
  for (const row of durable) {
    const start = startedAt.get(row.id);
    if (start === undefined) continue;
    toAppend.push(row.createdAt.getTime() - start);
    // The first sample of the relay's position at or past the row: it was in JetStream by then (± 50 ms).
    const relayed = relayPositions.find(
      (position) => position.xid > row.xid || (position.xid === row.xid && position.seq >= row.seq),
    );
    if (relayed) toNats.push(relayed.at - start);
  }

  const seconds = result.measuredSeconds;
  const { resends } = result;
  const allRequests = result.requests + resends.sameKey + resends.newKey;
  const failures = Object.entries(result.failures)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');
  const notAccepted = Object.entries(result.notAccepted)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const latencies = result.latenciesMs;
  const weights = result.acceptedPerRequest;
  const percentiles = (samples: number[]) => [50, 95, 99].map((q) => ms(percentile(samples, q)));

  console.log(
    `\nPOST /ingest/transactions, NDJSON, ${BATCH} records a batch, ${CONNECTIONS} connections, ${seconds.toFixed(1)} s, ` +
      `${RATE > 0 ? `offered ${count(RATE)} events/s, ` : ''}backbone on ${natsUrl ? 'NATS JetStream' : 'PostgreSQL'}:\n`,
  );
  printTable([
    ['throughput', 'value'],
    ['accepted events/s', count(Math.round(result.accepted / seconds))],
    ['requests/s (incl. re-sends)', (allRequests / seconds).toFixed(1)],
    ['events accepted', count(result.accepted)],
    ['fresh records not accepted', notAccepted || '0'],
    ['failed requests', failures || '0'],
    ['ingest CPU per 1k events', ms((ingestCpuSeconds * 1000 * 1000) / Math.max(1, result.accepted))],
    [
      'supply consumer CPU per 1k events',
      ms((supplyCpuSeconds * 1000 * 1000) / Math.max(1, result.accepted)),
    ],
  ]);
  console.log('');
  printTable([
    ['latency', 'p50', 'p95', 'p99', 'samples'],
    ['request (accept)', ...percentiles(latencies), count(latencies.length)],
    [
      'per event (accept)',
      ...[50, 95, 99].map((q) => ms(weightedPercentile(latencies, weights, q))),
      count(result.accepted),
    ],
    ['request start → EventLog.createdAt', ...percentiles(toAppend), count(toAppend.length)],
    [
      'request start → NATS (relay position)',
      ...(natsUrl ? percentiles(toNats) : ['n/a', 'n/a', 'n/a']),
      `${count(toNats.length)} of ${count(toAppend.length)} relayed`,
    ],
    ['request start → applied (ledger)', ...percentiles(toApplied), count(toApplied.length)],
  ]);
  console.log('');
  printTable([
    ['consumer (supply-ingested-transactions)', 'value'],
    [
      'lag during load p50 / p95 / max (events)',
      lagSamples.length
        ? [50, 95, 100].map((q) => count(percentile(lagSamples, q))).join(' / ')
        : 'n/a (no lag metric)',
    ],
    ['drained after the load stopped', `${drainSeconds.toFixed(1)} s`],
    [
      CONSUMER_MODE === 'during' ? 'applied events/s over load + drain' : 'applied events/s while draining',
      count(Math.round(inLedger / (CONSUMER_MODE === 'during' ? seconds + drainSeconds : drainSeconds))),
    ],
  ]);
  console.log('');
  const perThousand = (cpuSeconds: number) => ms((cpuSeconds * 1000 * 1000) / Math.max(1, result.accepted));
  printTable([
    ['CPU during the load, per 1k accepted events', 'value'],
    ['ingest service', perThousand(ingestCpuSeconds)],
    ['supply consumer', CONSUMER_MODE === 'during' ? perThousand(consumerCpuDuringLoad) : 'not running'],
    ['PostgreSQL (every server process)', perThousand(postgresCpuDuringLoad)],
    ['nats-server (when on this machine)', natsUrl ? perThousand(natsCpuDuringLoad) : 'not used'],
    ['load generator', perThousand(result.cpuSeconds)],
    ['whole machine', perThousand(machineBusySeconds)],
    ['machine busy', `${(machineBusy * 100).toFixed(0)} % of ${availableParallelism()} cores`],
  ]);
  console.log('');
  printTable([
    ['correctness', 'value', 'expected'],
    ['lost (accepted, not in EventLog)', count(lost), '0'],
    ['lost (accepted, not in the stock ledger)', count(notApplied), '0'],
    ['duplicate appends', count(duplicateEffects), '0'],
    ['on-hand growth − accepted units (duplicate effects)', count(unitsOff), '0'],
    ['EventLog rows / accepted', `${count(logRows)} / ${count(acceptedIds.length)}`, 'equal'],
    ['re-sent, same key: replayed', `${resends.sameKeyReplayed} / ${resends.sameKey}`, 'all'],
    [
      're-sent, new key: records duplicate',
      `${count(resends.answeredDuplicate)} / ${count(resends.recordsResent)}`,
      'all',
    ],
    ['re-sent, new key: records accepted', count(resends.answeredAccepted), '0'],
  ]);
  if (result.firstFailure) console.log(`\nFirst failure: ${result.firstFailure}`);
  console.log(
    "\naccept → durable: the append commits in the request's own transaction before the 202 is sent, so an " +
      'accepted event is durable no later than its response (≤ the request latency). EventLog.createdAt is ' +
      "the transaction's start (now()), shown as how long a request waits before its append begins.",
  );
  if (lost > 0 || notApplied > 0 || unitsOff !== 0 || duplicateEffects > 0 || resends.answeredAccepted > 0) {
    process.exitCode = 1;
  }
} finally {
  await supply?.stop();
  await ingest?.stop();
  await database.stop();
  if (natsUrl) await deleteNatsNamespace(natsUrl, natsNamespace);
}
