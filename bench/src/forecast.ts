import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type ForecastModelName, forecastDemand } from '../../subgraphs/supply/src/domain/forecasting/index';
import { syntheticDemand } from '../../subgraphs/supply/src/domain/forecasting/synthetic';
import { seededRandom } from '../../subgraphs/supply/src/domain/seeded-random';

/**
 * `npm run bench -- forecast`: the rolling-origin backtest (every candidate model from 8 origins) and the
 * 28-day forecast for BENCH_SKUS SKUs × BENCH_DAYS days of seeded synthetic history (smooth weekly, trending
 * and intermittent demand), split over BENCH_WORKERS worker threads (default: one per core). Prints the wall
 * time of the forecasting (histories are made before the clock starts), ms per SKU, and the model mix.
 */
const SKUS = Number(process.env.BENCH_SKUS ?? 1000);
const DAYS = Number(process.env.BENCH_DAYS ?? 730);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());

type Kind = 'weekly' | 'trending' | 'intermittent';

/** SKU i's history: 60 % weekly seasonal, 15 % trending, 25 % intermittent; the same for every run. */
function historyOf(index: number): { kind: Kind; history: number[] } {
  const random = seededRandom(1_000 + index);
  const level = 5 + random() * 195;
  const kind: Kind = index % 20 < 12 ? 'weekly' : index % 20 < 15 ? 'trending' : 'intermittent';
  if (kind === 'intermittent') {
    const demandProbability = 0.05 + random() * 0.45;
    const history = syntheticDemand(
      { days: DAYS, level: 1 + random() * 9, noise: 2, demandProbability },
      random,
    );
    return { kind, history: history.map(Math.round) };
  }
  const season = Array.from({ length: 7 }, () => (random() - 0.5) * 0.6 * level);
  const trend = kind === 'trending' ? ((random() - 0.3) * level) / DAYS : 0;
  const history = syntheticDemand({ days: DAYS, level, trend, season, noise: 0.15 * level }, random);
  return { kind, history: history.map(Math.round) };
}

interface Slice {
  ms: number;
  skus: number;
  models: Partial<Record<ForecastModelName, number>>;
  accuracy: Record<Kind, { sum: number; count: number }>;
}

function forecastSlice(from: number, to: number): Slice {
  const histories = Array.from({ length: to - from }, (_, offset) => historyOf(from + offset));
  const slice: Slice = {
    ms: 0,
    skus: histories.length,
    models: {},
    accuracy: {
      weekly: { sum: 0, count: 0 },
      trending: { sum: 0, count: 0 },
      intermittent: { sum: 0, count: 0 },
    },
  };
  const started = performance.now();
  for (const { kind, history } of histories) {
    const forecast = forecastDemand(history);
    slice.models[forecast.model] = (slice.models[forecast.model] ?? 0) + 1;
    slice.accuracy[kind].sum += forecast.accuracy;
    slice.accuracy[kind].count++;
  }
  slice.ms = performance.now() - started;
  return slice;
}

if (!isMainThread) {
  const { from, to } = workerData as { from: number; to: number };
  // Wait for the go so every worker's histories are made before the clock starts.
  parentPort?.once('message', () => parentPort?.postMessage(forecastSlice(from, to)));
  parentPort?.postMessage('ready');
} else {
  const workers = Array.from({ length: Math.max(1, WORKERS) }, (_, index) => {
    const from = Math.floor((index * SKUS) / WORKERS);
    const to = Math.floor(((index + 1) * SKUS) / WORKERS);
    // A worker does not inherit tsx's loader: it registers it, then loads this file.
    const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    return new Worker(bootstrap, { eval: true, workerData: { from, to } });
  });
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))));
  const started = performance.now();
  const slices = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<Slice>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage('go');
        }),
    ),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.terminate()));

  const cpuMs = slices.reduce((sum, slice) => sum + slice.ms, 0);
  const models: Record<string, number> = {};
  for (const slice of slices) {
    for (const [model, count] of Object.entries(slice.models)) models[model] = (models[model] ?? 0) + count;
  }
  console.log(`forecast bench: ${SKUS} SKUs × ${DAYS} days, ${WORKERS} worker thread(s)`);
  console.log(`  total              ${wallSeconds.toFixed(2)} s`);
  console.log(`  per SKU (wall)     ${((wallSeconds * 1000) / SKUS).toFixed(2)} ms`);
  console.log(`  per SKU (1 thread) ${(cpuMs / SKUS).toFixed(2)} ms`);
  console.log(
    `  models chosen      ${Object.entries(models)
      .map(([model, count]) => `${model} ${count}`)
      .join(', ')}`,
  );
  for (const kind of ['weekly', 'trending', 'intermittent'] as const) {
    const sum = slices.reduce((total, slice) => total + slice.accuracy[kind].sum, 0);
    const count = slices.reduce((total, slice) => total + slice.accuracy[kind].count, 0);
    if (count > 0)
      console.log(`  accuracy ${kind.padEnd(12)} ${(sum / count).toFixed(3)} (1 − WAPE, ${count} SKUs)`);
  }
}
