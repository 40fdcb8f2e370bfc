/**
 * The ingest bench's load generator, run as its own process (so it never shares the service's event loop):
 * LOAD_CONNECTIONS clients each POST NDJSON batches of LOAD_BATCH fresh canonical transactions to LOAD_URL,
 * one request at a time with a new Idempotency-Key, for LOAD_DURATION_S seconds. Every LOAD_RESEND_EVERY-th
 * batch is sent a second time, alternately with the same key (must be replayed) and with a new key (every
 * record must come back `duplicate`). Records are stock adjustments spread over LOAD_TARGETS (SKU, location)
 * pairs of the tenant's catalog, so the supply consumer applies them. Writes its figures to LOAD_OUTPUT (JSON) and the transaction ids
 * answered `accepted` to LOAD_OUTPUT.ids (one a line).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface LoadResult {
  measuredSeconds: number;
  /** This process's own CPU time during the load (user + system). */
  cpuSeconds: number;
  /** Fresh batches answered 202. */
  requests: number;
  /** Request latency of each fresh batch (ms), and how many of its records were answered `accepted`. */
  latenciesMs: number[];
  acceptedPerRequest: number[];
  accepted: number;
  /** Sum of the quantities of the accepted adjustments: what on-hand must grow by once they are applied. */
  acceptedUnits: number;
  /** Records of fresh batches answered anything but `accepted` (rejected, duplicate). */
  notAccepted: Record<string, number>;
  /** Whole requests that failed: by HTTP status, or `network`. */
  failures: Record<string, number>;
  firstFailure?: string;
  resends: {
    sameKey: number;
    sameKeyReplayed: number;
    newKey: number;
    recordsResent: number;
    answeredDuplicate: number;
    /** A re-sent record answered `accepted` would be a second effect: must stay 0. */
    answeredAccepted: number;
  };
  /** One record per fresh batch: its id and the wall-clock time (epoch ms) its request started. */
  samples: { id: string; startedAt: number }[];
}

interface Answer {
  status: number;
  replayed: boolean;
  body: string;
  startedAt: number;
  latencyMs: number;
}

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const url = new URL(env('LOAD_URL'));
const token = env('LOAD_TOKEN');
const tenantId = env('LOAD_TENANT');
const sourceSystem = env('LOAD_SOURCE_SYSTEM');
const durationMs = Number(env('LOAD_DURATION_S')) * 1000;
const connections = Number(env('LOAD_CONNECTIONS'));
const batchSize = Number(env('LOAD_BATCH'));
const resendEvery = Number(env('LOAD_RESEND_EVERY'));
/** Fresh records a second over all connections (0: each connection sends its next batch at once). */
const offeredRate = Number(process.env.LOAD_RATE ?? 0);
const output = env('LOAD_OUTPUT');
/** [SKU code, location code] pairs of the tenant's catalog to adjust stock at. */
const targets = JSON.parse(env('LOAD_TARGETS')) as [string, string][];

const agent = new Agent({ keepAlive: true, maxSockets: connections });
const wallClock = () => performance.timeOrigin + performance.now();

const quantityOf = (seq: number) => (seq % 50) + 1;

function record(transactionId: string, seq: number): string {
  const [skuCode, locationCode] = targets[seq % targets.length] as [string, string];
  return JSON.stringify({
    transaction_id: transactionId,
    correlation_id: `bench-${seq}`,
    source_system: sourceSystem,
    event_type: 'inventory_adjustment',
    sku_id: skuCode,
    shipment_id: null,
    lot: null,
    measure: { quantity: quantityOf(seq), uom: 'EA' },
    timestamp: new Date().toISOString(),
    version: '2.0.0',
    status: 'active',
    tenant_id: tenantId,
    idempotency_key: transactionId,
    payload: { location_id: locationCode, reason: 'found', note: null },
  });
}

function post(body: string, key: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const startedAt = wallClock();
    const started = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
          'content-type': 'application/x-ndjson',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            replayed: res.headers['idempotent-replayed'] === 'true',
            body: Buffer.concat(chunks).toString('utf8'),
            startedAt,
            latencyMs: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const result: LoadResult = {
  measuredSeconds: 0,
  cpuSeconds: 0,
  requests: 0,
  latenciesMs: [],
  acceptedPerRequest: [],
  accepted: 0,
  acceptedUnits: 0,
  notAccepted: {},
  failures: {},
  resends: {
    sameKey: 0,
    sameKeyReplayed: 0,
    newKey: 0,
    recordsResent: 0,
    answeredDuplicate: 0,
    answeredAccepted: 0,
  },
  samples: [],
};
const acceptedIds = createWriteStream(`${output}.ids`);
let seq = 0;
let batches = 0;

function failed(answer: Answer | Error): void {
  const label = answer instanceof Error ? 'network' : String(answer.status);
  result.failures[label] = (result.failures[label] ?? 0) + 1;
  result.firstFailure ??= answer instanceof Error ? answer.message : answer.body.slice(0, 500);
}

function statusesOf(answer: Answer): { transaction_id: string; status: string }[] {
  return (JSON.parse(answer.body) as { results: { transaction_id: string; status: string }[] }).results;
}

async function resend(body: string, key: string, sameKey: boolean): Promise<void> {
  const answer = await post(body, sameKey ? key : randomUUID()).catch((error: Error) => error);
  if (answer instanceof Error || answer.status !== 202) return failed(answer);
  const { resends } = result;
  if (sameKey) {
    resends.sameKey += 1;
    if (answer.replayed) resends.sameKeyReplayed += 1;
    return;
  }
  resends.newKey += 1;
  for (const { status } of statusesOf(answer)) {
    resends.recordsResent += 1;
    if (status === 'duplicate') resends.answeredDuplicate += 1;
    if (status === 'accepted') resends.answeredAccepted += 1;
  }
}

// With LOAD_RATE, batches leave on one schedule shared by the connections; a connection behind schedule
// sends at once (the service is slower than the offered rate).
let nextSendAt = 0;
async function keepSchedule(): Promise<void> {
  if (offeredRate <= 0) return;
  const at = Math.max(nextSendAt, performance.now());
  nextSendAt = at + (batchSize / offeredRate) * 1000;
  const waitMs = at - performance.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

async function client(deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    await keepSchedule();
    if (performance.now() >= deadline) break;
    const ids = Array.from({ length: batchSize }, () => randomUUID());
    const first = seq;
    seq += batchSize;
    const body = `${ids.map((id, index) => record(id, first + index)).join('\n')}\n`;
    const key = randomUUID();
    const answer = await post(body, key).catch((error: Error) => error);
    if (answer instanceof Error || answer.status !== 202) {
      failed(answer);
      continue;
    }
    let accepted = 0;
    for (const [index, { transaction_id: id, status }] of statusesOf(answer).entries()) {
      if (status === 'accepted') {
        accepted += 1;
        result.acceptedUnits += quantityOf(first + index);
        acceptedIds.write(`${id}\n`);
      } else {
        result.notAccepted[status] = (result.notAccepted[status] ?? 0) + 1;
      }
    }
    result.requests += 1;
    result.accepted += accepted;
    result.latenciesMs.push(answer.latencyMs);
    result.acceptedPerRequest.push(accepted);
    result.samples.push({ id: ids[0] as string, startedAt: answer.startedAt });
    batches += 1;
    if (resendEvery > 0 && batches % resendEvery === 0) {
      await resend(body, key, (batches / resendEvery) % 2 === 1);
    }
  }
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const deadline = started + durationMs;
const progress = setInterval(
  () => console.log(`  ${Math.round((performance.now() - started) / 1000)} s: ${result.accepted} accepted`),
  10_000,
);
await Promise.all(Array.from({ length: connections }, () => client(deadline)));
result.measuredSeconds = (performance.now() - started) / 1000;
const cpuUsed = process.cpuUsage(cpuBefore);
result.cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
clearInterval(progress);
agent.destroy();
await new Promise<void>((resolve, reject) =>
  acceptedIds.end((error?: Error | null) => (error ? reject(error) : resolve())),
);
writeFileSync(output, JSON.stringify(result));
