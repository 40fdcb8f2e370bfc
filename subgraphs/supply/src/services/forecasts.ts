import { type Identity, requireUser } from '@meridian/auth';
import { DOMAIN_EVENT_TYPES, forecastDriftDetectedData } from '@meridian/canonical';
import type { ForecastRun, Prisma, PrismaClient } from '@meridian/db';
import { appendToOutbox, createEvent } from '@meridian/events';
import { z } from 'zod';
import {
  accuracyBySegment,
  classify,
  coefficientOfVariation,
  driftStatus,
  type MadeForecast,
  REALISED_WINDOW_DAYS,
  realisedAccuracy,
} from '../domain/accuracy';
import { DEFAULT_HORIZON, forecastDemand } from '../domain/forecasting';
import { utcDay } from '../domain/kpis';
import {
  addDays,
  daysBetween,
  learnedUplift,
  type PromotionEffect,
  type PromotionTerms,
  REALISED_BASELINE_DAYS,
  realisedUplift,
  type SensedPoint,
  type SignalDay,
  senseDemand,
  signalAdjustment,
  withoutPromotions,
} from '../domain/sensing';
import * as store from '../store/forecasts';
import * as promotionStore from '../store/promotions';

const SOURCE = 'meridian/supply';
/** Two years of daily history: enough for weekly seasons and their drift, bounded for the 1,000-SKU run. */
const HISTORY_DAYS = 730;
/** ABC/XYZ look at the last quarter. */
const CLASSIFICATION_DAYS = 91;
const STABLE_RETRAIN_DAYS = 7;
/** A SKU with a promotion running or coming retrains daily, so sensing follows the campaign. */
const PROMOTED_RETRAIN_DAYS = 1;
/** Signals are read over the week compared and the four weeks before it. */
const SIGNAL_LOOKBACK_DAYS = 35;
/** Runs older than two horizons are never compared with realised demand again. */
const RUN_RETENTION_DAYS = 2 * DEFAULT_HORIZON + 7;
/** SKU-locations one scheduled pass trains at most; the rest are due on the next pass. */
const TRAINING_BATCH = 5000;
const DAY_MS = 86_400_000;

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
const pairKey = (skuId: string, locationId: string) => `${skuId}|${locationId}`;

/** What a stored run's backtest column holds. */
export interface StoredBacktest {
  candidates: Array<{ model: string; wape: number }>;
  /** σ of one day's forecast error: replenishment's σd */
  residualStdDev: number;
  /** Rolling origins measured; 0 for a history too short to backtest */
  origins: number;
}

export function promotionTermsOf(row: {
  campaign: string;
  channel: string;
  startsOn: Date;
  endsOn: Date;
  expectedUplift: Prisma.Decimal | number;
  discount: Prisma.Decimal | number;
  realisedUplift: Prisma.Decimal | number | null;
}): PromotionTerms {
  return {
    campaign: row.campaign,
    channel: row.channel,
    startsOn: utcDay(row.startsOn),
    endsOn: utcDay(row.endsOn),
    expectedUplift: Number(row.expectedUplift),
    discount: Number(row.discount),
    realisedUplift: row.realisedUplift === null ? null : Number(row.realisedUplift),
  };
}

/**
 * The scheduled job: trains every SKU-location whose forecast is due (never trained, or its nextTrainingAt
 * has passed), tenant by tenant. Returns how many were trained.
 */
export async function trainDueForecasts(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const due = await store.findDueSkuLocations(prisma, now, TRAINING_BATCH);
  const byTenant = new Map<string, store.SkuLocation[]>();
  for (const pair of due) {
    const pairs = byTenant.get(pair.tenantId);
    if (pairs) pairs.push(pair);
    else byTenant.set(pair.tenantId, [pair]);
  }
  let trained = 0;
  for (const [tenantId, pairs] of byTenant) trained += await trainInChunks(prisma, tenantId, pairs, now);
  return trained;
}

/** SKU-locations trained per read and write: bounds the history held in memory (250 × 730 days). */
const TRAINING_CHUNK = 250;

async function trainInChunks(
  prisma: PrismaClient,
  tenantId: string,
  pairs: readonly store.SkuLocation[],
  now: Date,
): Promise<number> {
  let trained = 0;
  for (let start = 0; start < pairs.length; start += TRAINING_CHUNK) {
    trained += await trainForecasts(prisma, tenantId, pairs.slice(start, start + TRAINING_CHUNK), now);
  }
  return trained;
}

/** Retrains the forecasts of `skuIds` at every location they have demand (a promotion changed). */
export async function retrainSkus(
  prisma: PrismaClient,
  tenantId: string,
  skuIds: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  const pairs = await store.findSkuLocationsWithDemand(prisma, tenantId, skuIds);
  return trainInChunks(prisma, tenantId, pairs, now);
}

/**
 * Trains and stores one run per SKU-location of the tenant: history up to yesterday cleansed of past
 * promotions, the backtested model's 28 days, sensed with promotions and signals, classed ABC/XYZ.
 * Promotions that ended get their realised uplift measured on the way (sensing learns from it). The
 * computing happens outside the transaction; the runs and the promotions' measurements commit together.
 */
async function trainForecasts(
  prisma: PrismaClient,
  tenantId: string,
  pairs: readonly store.SkuLocation[],
  now: Date,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const today = utcDay(now);
  const origin = addDays(today, -1);
  const historyFrom = addDays(origin, -(HISTORY_DAYS - 1));
  const skuIds = [...new Set(pairs.map((pair) => pair.skuId))];

  const [promotionRows, demand, statistics, costs, signals] = await Promise.all([
    promotionStore.listPromotions(prisma, tenantId),
    store.findDemandSeries(prisma, tenantId, skuIds, dateOf(historyFrom), dateOf(origin)),
    store.demandStatistics(
      prisma,
      tenantId,
      dateOf(addDays(origin, -(CLASSIFICATION_DAYS - 1))),
      dateOf(origin),
    ),
    store.findUnitCosts(prisma, tenantId),
    store.findSignals(
      prisma,
      tenantId,
      dateOf(addDays(origin, -(SIGNAL_LOOKBACK_DAYS - 1))),
      dateOf(origin),
      skuIds,
    ),
  ]);

  const measured = await measureEndedPromotions(prisma, tenantId, promotionRows, today);
  const promotions = promotionRows.map((row) => {
    const terms = promotionTermsOf(row);
    const realised = measured.get(row.id) ?? terms.realisedUplift;
    return { id: row.id, skuIds: row.skuIds, terms: { ...terms, realisedUplift: realised } };
  });
  const effectOf = (promotion: (typeof promotions)[number]): PromotionEffect => ({
    campaign: promotion.terms.campaign,
    startsOn: promotion.terms.startsOn,
    endsOn: promotion.terms.endsOn,
    uplift:
      promotion.terms.realisedUplift ??
      learnedUplift(
        promotion.terms,
        promotions.filter((other) => other.id !== promotion.id).map((other) => other.terms),
      ),
  });
  const effects = new Map(promotions.map((promotion) => [promotion.id, effectOf(promotion)]));

  const unitCost = new Map(costs.map((row) => [row.id, row.unitCostCents]));
  const classes = classify(
    statistics.map((row) => ({
      key: pairKey(row.skuId, row.locationId),
      units: row.units,
      cv: coefficientOfVariation(row.units, row.squares, CLASSIFICATION_DAYS),
      unitCostCents: unitCost.get(row.skuId) ?? 0,
    })),
  );

  // History starts at a SKU-location's first day with demand: a new SKU has no zeros before it.
  const historyOf = new Map<string, number[]>();
  const firstDayOf = new Map<string, string>();
  for (const series of demand) {
    const key = pairKey(series.skuId, series.locationId);
    const start = series.offsets[0] ?? 0;
    const history = new Array<number>(daysBetween(series.firstDay, origin) + 1).fill(0);
    series.offsets.forEach((offset, index) => {
      history[offset - start] = series.ordered[index] as number;
    });
    historyOf.set(key, history);
    firstDayOf.set(key, series.firstDay);
  }

  const runs: store.NewRun[] = [];
  for (const { skuId, locationId } of pairs) {
    const key = pairKey(skuId, locationId);
    const history = historyOf.get(key) ?? [];
    const firstDay = firstDayOf.get(key) ?? addDays(origin, 1);
    const ofSku = promotions.filter((promotion) => promotion.skuIds.includes(skuId));
    const past = ofSku
      .filter((promotion) => promotion.terms.startsOn <= origin)
      .map((p) => effects.get(p.id)!);
    const ahead = ofSku.filter((promotion) => promotion.terms.endsOn > origin).map((p) => effects.get(p.id)!);

    const forecast = forecastDemand(withoutPromotions(history, firstDay, past), { horizon: DEFAULT_HORIZON });
    const signal = signalAdjustment(signalDaysOf(signals, skuId), origin);
    const points: SensedPoint[] = senseDemand(forecast.points, origin, ahead, signal);
    const promoted = ofSku.some((promotion) => promotion.terms.endsOn >= today);
    const backtest: StoredBacktest = {
      candidates: forecast.candidates,
      residualStdDev: forecast.residualStdDev,
      origins: forecast.backtestOrigins,
    };
    runs.push({
      tenantId,
      skuId,
      locationId,
      origin,
      model: forecast.model,
      backtest,
      accuracy: forecast.accuracy,
      mase: forecast.mase,
      bias: forecast.bias,
      points,
      demandClass: classes.get(key) ?? 'CZ',
      trainedAt: now,
      nextTrainingAt: new Date(
        now.getTime() + (promoted ? PROMOTED_RETRAIN_DAYS : STABLE_RETRAIN_DAYS) * DAY_MS,
      ),
    });
  }

  await prisma.$transaction(async (tx) => {
    for (const [id, uplift] of measured) await promotionStore.setRealisedUplift(tx, tenantId, id, uplift);
    await store.createRuns(tx, runs);
  });
  return runs.length;
}

/** A SKU's signals with the tenant-wide ones, one figure per day and metric (sentiment averaged). */
function signalDaysOf(
  signals: ReadonlyArray<{ skuId: string | null; metric: string; day: Date; value: number }>,
  skuId: string,
): SignalDay[] {
  const sums = new Map<string, SignalDay & { count: number }>();
  for (const signal of signals) {
    if (signal.skuId !== null && signal.skuId !== skuId) continue;
    const day = utcDay(signal.day);
    const key = `${day}|${signal.metric}`;
    const sum = sums.get(key);
    if (sum) {
      sum.value += signal.value;
      sum.count++;
    } else {
      sums.set(key, { day, metric: signal.metric, value: signal.value, count: 1 });
    }
  }
  return [...sums.values()].map(({ day, metric, value, count }) => ({
    day,
    metric,
    value: metric === 'sentiment' ? value / count : value,
  }));
}

/** Realised uplift of promotions that ended before today and have none yet (null ones stay unmeasured). */
async function measureEndedPromotions(
  prisma: PrismaClient,
  tenantId: string,
  promotions: ReadonlyArray<{
    id: string;
    skuIds: string[];
    startsOn: Date;
    endsOn: Date;
    realisedUplift: unknown;
  }>,
  today: string,
): Promise<Map<string, number>> {
  const measured = new Map<string, number>();
  for (const promotion of promotions) {
    if (
      promotion.realisedUplift !== null ||
      utcDay(promotion.endsOn) >= today ||
      promotion.skuIds.length === 0
    ) {
      continue;
    }
    const startsOn = utcDay(promotion.startsOn);
    const rows = await store.findDemand(
      prisma,
      tenantId,
      promotion.skuIds,
      dateOf(addDays(startsOn, -REALISED_BASELINE_DAYS)),
      promotion.endsOn,
    );
    const byDay = new Map<string, number>();
    for (const row of rows) byDay.set(utcDay(row.day), (byDay.get(utcDay(row.day)) ?? 0) + row.ordered);
    const uplift = realisedUplift((day) => byDay.get(day) ?? 0, startsOn, utcDay(promotion.endsOn));
    if (uplift !== null) measured.set(promotion.id, uplift);
  }
  return measured;
}

/**
 * The daily drift monitor: for each SKU-location with forecasts, the realised accuracy of the last 28 days
 * up to yesterday against the forecasts made before each day, stored as a ForecastAccuracyDay. When its
 * WAPE first rises more than 12 % above what the backtests promised, `supply.forecast_drift_detected` is
 * appended in the same transaction — once per episode. Returns the number of drift events.
 */
export async function monitorForecastAccuracy(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const day = addDays(utcDay(now), -1);
  const tenants = await store.tenantsToMeasure(prisma, dateOf(day));
  let detected = 0;
  for (const { tenantId } of tenants) detected += await measureTenant(prisma, tenantId, day, now);
  await store.deleteRunsTrainedBefore(prisma, new Date(now.getTime() - RUN_RETENTION_DAYS * DAY_MS));
  return detected;
}

async function measureTenant(
  prisma: PrismaClient,
  tenantId: string,
  day: string,
  now: Date,
): Promise<number> {
  const windowStart = addDays(day, -(REALISED_WINDOW_DAYS - 1));
  const runs = await store.runsWithOriginBetween(
    prisma,
    tenantId,
    dateOf(addDays(windowStart, -DEFAULT_HORIZON)),
    dateOf(addDays(day, -1)),
  );
  const runsOf = new Map<string, MadeForecast[]>();
  for (const run of runs) {
    const key = pairKey(run.skuId, run.locationId);
    const made: MadeForecast = {
      origin: utcDay(run.origin),
      accuracy: run.accuracy,
      points: Array.isArray(run.points) ? (run.points as unknown as MadeForecast['points']) : [],
    };
    const list = runsOf.get(key);
    if (list) list.push(made);
    else runsOf.set(key, [made]);
  }
  const skuIds = [...new Set(runs.map((run) => run.skuId))];
  const [demand, measuredToday, previous] = await Promise.all([
    store.findDemand(prisma, tenantId, skuIds, dateOf(addDays(windowStart, -7)), dateOf(day)),
    store.accuracyDays(prisma, tenantId, dateOf(day)),
    store.lastDriftStates(prisma, tenantId, dateOf(day)),
  ]);
  const actual = new Map(
    demand.map((row) => [`${pairKey(row.skuId, row.locationId)}|${utcDay(row.day)}`, row.ordered]),
  );
  const done = new Set(measuredToday.map((row) => pairKey(row.skuId, row.locationId)));
  const wasDrifting = new Map(previous.map((row) => [pairKey(row.skuId, row.locationId), row.drifted]));

  const rows: Prisma.ForecastAccuracyDayCreateManyInput[] = [];
  const drifts: Array<{ skuId: string; locationId: string; wape: number; baselineWape: number }> = [];
  for (const [key, made] of runsOf) {
    if (done.has(key)) continue;
    const result = realisedAccuracy((target) => actual.get(`${key}|${target}`) ?? 0, made, day);
    if (!result) continue;
    const [skuId, locationId] = key.split('|') as [string, string];
    const status = driftStatus(result.wape, result.baselineWape, wasDrifting.get(key) ?? false);
    rows.push({
      tenantId,
      skuId,
      locationId,
      day: dateOf(day),
      wape: result.wape,
      mase: result.mase,
      bias: result.bias,
      baselineWape: result.baselineWape,
      drifted: status.drifted,
    });
    if (status.episodeStarted)
      drifts.push({ skuId, locationId, wape: result.wape, baselineWape: result.baselineWape });
  }
  if (rows.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    await store.createAccuracyDays(tx, rows);
    if (drifts.length === 0) return;
    await appendToOutbox(
      tx,
      drifts.map((drift) =>
        createEvent({
          source: SOURCE,
          type: DOMAIN_EVENT_TYPES.forecastDriftDetected,
          tenantId,
          partitionKey: drift.skuId,
          data: forecastDriftDetectedData.parse({ tenantId, ...drift, detectedAt: now.toISOString() }),
        }),
      ),
    );
  });
  return drifts.length;
}

/** Forecast fields of the GraphQL type, from a stored run. */
export function forecastOf(run: ForecastRun) {
  const backtest = run.backtest as unknown as Partial<StoredBacktest> | null;
  return {
    id: run.id,
    location: { id: run.locationId },
    origin: utcDay(run.origin),
    model: run.model,
    candidates: Array.isArray(backtest?.candidates) ? backtest.candidates : [],
    accuracy: run.accuracy,
    mase: run.mase,
    bias: run.bias,
    demandClass: run.demandClass,
    points: Array.isArray(run.points) ? run.points : [],
    trainedAt: run.trainedAt,
    nextTrainingAt: run.nextTrainingAt,
  };
}

/** The newest forecast of a SKU at each location, distribution centres first. */
export async function forecastsOfSku(prisma: PrismaClient, identity: Identity, skuId: string) {
  const { tenantId } = requireUser(identity);
  if (!z.guid().safeParse(skuId).success) return [];
  const [runs, dcs] = await Promise.all([
    store.latestRuns(prisma, tenantId, [skuId]),
    store.findDistributionCentreIds(prisma, tenantId),
  ]);
  return runs
    .sort((left, right) => Number(dcs.has(right.locationId)) - Number(dcs.has(left.locationId)))
    .map(forecastOf);
}

/**
 * Forecast accuracy of the tenant's newest runs per segment (CORE, LONG_TAIL with their targets, then each
 * ABC/XYZ class), weighted by the demand each forecasts.
 */
export async function forecastAccuracy(prisma: PrismaClient, identity: Identity) {
  const { tenantId } = requireUser(identity);
  const runs = await store.latestRuns(prisma, tenantId);
  return accuracyBySegment(
    runs.map((run) => {
      const points = (Array.isArray(run.points) ? run.points : []) as Array<{ baseline?: number }>;
      const volume =
        points.reduce((sum, point) => sum + (point.baseline ?? 0), 0) / Math.max(1, points.length);
      return { demandClass: run.demandClass, accuracy: run.accuracy, mase: run.mase, bias: run.bias, volume };
    }),
  );
}

/** Marketing signals of a SKU and the tenant-wide ones over the last `days` days, per day, metric, campaign. */
export async function marketingSignalsOfSku(
  prisma: PrismaClient,
  identity: Identity,
  skuId: string,
  rawDays: unknown,
) {
  const { tenantId } = requireUser(identity);
  const { days } = z
    .object({ days: z.number().int().min(1, 'days must be at least 1').max(730, 'days must be at most 730') })
    .parse({ days: rawDays ?? 60 });
  if (!z.guid().safeParse(skuId).success) return [];
  const to = utcDay(new Date());
  const rows = await store.findSignals(prisma, tenantId, dateOf(addDays(to, -(days - 1))), dateOf(to), [
    skuId,
  ]);
  const grouped = new Map<
    string,
    { day: string; metric: string; campaign: string | null; value: number; count: number }
  >();
  for (const row of rows) {
    const day = utcDay(row.day);
    const key = `${day}|${row.metric}|${row.campaign ?? ''}`;
    const group = grouped.get(key);
    if (group) {
      group.value += row.value;
      group.count++;
    } else {
      grouped.set(key, { day, metric: row.metric, campaign: row.campaign, value: row.value, count: 1 });
    }
  }
  return [...grouped.values()].map(({ count, ...group }) => ({
    ...group,
    value: group.metric === 'sentiment' ? group.value / count : group.value,
  }));
}
