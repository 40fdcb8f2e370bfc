import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import type { EventBackbone } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForecastSchedule } from '../src/consumers/forecast-schedule';
import { addDays } from '../src/domain/sensing';
import { monitorForecastAccuracy, trainDueForecasts } from '../src/services/forecasts';
import { applyIngestedTransactions } from '../src/services/ingested-transactions';
import { LIVE_SCHEMA } from '../src/store/ledger';
import { supplySubgraph } from '../src/subgraph';
import { canonicalRecord, createCatalog, receivedEvent, SKU_A, SKU_B } from './support';

const DAY_MS = 86_400_000;
const WEEKDAY = [1.2, 1, 0.9, 0.9, 1, 1.3, 0.7];

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(supplySubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const today = () => new Date().toISOString().slice(0, 10);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

async function catalogWithHistory(days: number) {
  const catalog = await createCatalog(prisma, [SKU_A, SKU_B], [{ code: 'DC-1', type: 'DC' }]);
  const dc = catalog.locations['DC-1']!;
  const rows = [];
  for (let daysAgo = days; daysAgo >= 1; daysAgo--) {
    const day = dateOf(addDays(today(), -daysAgo));
    const ordered = Math.round(50 * WEEKDAY[day.getUTCDay()]! + ((daysAgo * 7) % 5) - 2);
    rows.push({
      tenantId: catalog.tenantId,
      skuId: catalog.skus[SKU_A]!,
      locationId: dc,
      day,
      ordered,
      shipped: ordered,
    });
  }
  await prisma.dailyDemand.createMany({ data: rows });
  return { ...catalog, dc };
}

const FORECASTS = `query Forecasts($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Sku {
      forecasts {
        id model accuracy mase bias demandClass origin trainedAt nextTrainingAt
        candidates { model wape }
        location { id }
        points { day baseline forecast lower upper drivers { label uplift explanation } }
      }
      promotions { id campaign }
    }
  }
}`;

const CREATE = `mutation Create($input: PromotionInput!) {
  createPromotion(input: $input) { id campaign expectedUplift learnedUplift discount startsOn endsOn skus { id } }
}`;

interface ForecastResult {
  id: string;
  model: string;
  accuracy: number;
  trainedAt: string;
  nextTrainingAt: string;
  candidates: Array<{ model: string; wape: number }>;
  points: Array<{
    day: string;
    baseline: number;
    forecast: number;
    lower: number;
    upper: number;
    drivers: Array<{ label: string; uplift: number; explanation: string }>;
  }>;
}

async function forecastsOf(tenantId: string, skuId: string) {
  const { data, errors } = await subgraph.request<{
    _entities: Array<{ forecasts: ForecastResult[]; promotions: Array<{ id: string }> }>;
  }>(FORECASTS, {
    as: testUser(tenantId, ['analyst']),
    variables: { reps: [{ __typename: 'Sku', id: skuId }] },
  });
  expect(errors).toBeUndefined();
  return data!._entities[0]!;
}

describe('forecast training and promotions', () => {
  it('trains due SKU-locations once, and a saved promotion retrains them raised on its days only', async () => {
    const catalog = await catalogWithHistory(120);
    const skuId = catalog.skus[SKU_A]!;
    const now = new Date();
    expect(await trainDueForecasts(prisma, now)).toBeGreaterThanOrEqual(1);
    const before = (await forecastsOf(catalog.tenantId, skuId)).forecasts;
    expect(before).toHaveLength(1);
    const [trained] = before;
    expect(trained!.points).toHaveLength(28);
    expect(trained!.points[0]!.day).toBe(addDays(today(), 0));
    expect(trained!.candidates.length).toBeGreaterThan(1);
    expect(trained!.accuracy).toBeGreaterThan(0.8);
    // Stable demand retrains weekly.
    expect(Date.parse(trained!.nextTrainingAt) - now.getTime()).toBe(7 * DAY_MS);
    for (const point of trained!.points) expect(point.forecast).toBeCloseTo(point.baseline, 9);

    // Not due again until next week: another pass leaves this SKU alone.
    await trainDueForecasts(prisma, new Date(now.getTime() + 60_000));
    expect(await prisma.forecastRun.count({ where: { tenantId: catalog.tenantId } })).toBe(1);

    const startsOn = addDays(today(), 5);
    const endsOn = addDays(today(), 9);
    const { data, errors } = await subgraph.request<{
      createPromotion: { id: string; learnedUplift: number };
    }>(CREATE, {
      as: testUser(catalog.tenantId, ['marketing']),
      variables: {
        input: {
          campaign: 'Spring Trail Days',
          channel: 'online',
          skuIds: [skuId],
          startsOn,
          endsOn,
          expectedUplift: 0.3,
          discount: 0.15,
        },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createPromotion.learnedUplift).toBe(0.3);

    const after = await forecastsOf(catalog.tenantId, skuId);
    expect(after.promotions.map((promotion) => promotion.id)).toEqual([data!.createPromotion.id]);
    const [retrained] = after.forecasts;
    expect(retrained!.id).not.toBe(trained!.id);
    // A promoted SKU retrains daily.
    expect(Date.parse(retrained!.nextTrainingAt) - Date.parse(retrained!.trainedAt)).toBe(DAY_MS);
    for (const point of retrained!.points) {
      const during = point.day >= startsOn && point.day <= endsOn;
      expect(point.forecast).toBeCloseTo(point.baseline * (during ? 1.3 : 1), 6);
      expect(point.drivers.map((driver) => driver.explanation)).toEqual(
        during ? ['+30% from the Spring Trail Days promotion'] : [],
      );
    }
  });

  it('retrains on the next pass when a promotion comes in through the ingest', async () => {
    const catalog = await catalogWithHistory(60);
    const skuId = catalog.skus[SKU_A]!;
    const now = new Date();
    await trainDueForecasts(prisma, now);
    const promotion = canonicalRecord(catalog.tenantId, 'promotion', { sku: SKU_A, upliftPct: 25 });
    const startsOn = addDays(today(), 3);
    const endsOn = addDays(today(), 5);
    const dated = { ...promotion, payload: { ...promotion.payload, starts_on: startsOn, ends_on: endsOn } };
    await prisma.$transaction((tx) => applyIngestedTransactions(tx, LIVE_SCHEMA, [receivedEvent(dated)]));
    expect(await trainDueForecasts(prisma, new Date(now.getTime() + 60_000))).toBe(1);
    const [forecast] = (await forecastsOf(catalog.tenantId, skuId)).forecasts;
    const during = forecast!.points.find((point) => point.day === addDays(today(), 4))!;
    expect(during.forecast).toBeCloseTo(during.baseline * 1.25, 6);
    expect(await trainDueForecasts(prisma, new Date(now.getTime() + 120_000))).toBe(0);
  });

  it('refuses a promotion naming the field that is wrong, and callers without the role', async () => {
    const catalog = await createCatalog(prisma, [SKU_A], [{ code: 'DC-1', type: 'DC' }]);
    const valid = {
      campaign: 'Autumn',
      channel: 'email',
      skuIds: [catalog.skus[SKU_A]!],
      startsOn: addDays(today(), 3),
      endsOn: addDays(today(), 6),
      expectedUplift: 0.2,
    };
    const attempt = (input: Record<string, unknown>, roles: Array<'marketing' | 'analyst'> = ['marketing']) =>
      subgraph.request(CREATE, {
        as: testUser(catalog.tenantId, roles),
        variables: { input: { ...valid, ...input } },
      });

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endsOn: addDays(today(), 1) }, 'endsOn'],
      [{ startsOn: '2026-02-30' }, 'startsOn'],
      [{ expectedUplift: 6 }, 'expectedUplift'],
      [{ expectedUplift: -0.95 }, 'expectedUplift'],
      [{ discount: 0.99 }, 'discount'],
      [{ skuIds: [randomUUID()] }, 'skuIds'],
      [{ skuIds: [] }, 'skuIds'],
      [{ channel: 'billboard' }, 'channel'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await attempt(input);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const forbidden = await attempt({}, ['analyst']);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma.promotion.count({ where: { tenantId: catalog.tenantId } })).toBe(0);

    const { errors } = await attempt({});
    expect(errors).toBeUndefined();
  });
});

describe('forecast schedule', () => {
  it('trains what is due as soon as it starts, so a fresh demo has forecasts', async () => {
    const catalog = await catalogWithHistory(60);
    const schedule = await startForecastSchedule({
      prisma,
      backbone: {} as EventBackbone,
      logger: createLogger('test-forecast-schedule', 'warn'),
    });
    try {
      await expect
        .poll(() => prisma.forecastRun.count({ where: { tenantId: catalog.tenantId } }), { timeout: 20_000 })
        .toBe(1);
    } finally {
      await schedule.stop();
    }
  });
});

describe('learning from ended promotions', () => {
  it('measures a promotion that ended, keeps it out of the baseline, and corrects the next expectation by it', async () => {
    const catalog = await createCatalog(prisma, [SKU_A], [{ code: 'DC-1', type: 'DC' }]);
    const skuId = catalog.skus[SKU_A]!;
    const startsOn = addDays(today(), -50);
    const endsOn = addDays(today(), -41);
    // 40 a day, 60 while the promotion ran: it realised +50 % against the +30 % marketing expected.
    await prisma.dailyDemand.createMany({
      data: Array.from({ length: 120 }, (_, index) => {
        const day = addDays(today(), -120 + index);
        const ordered = day >= startsOn && day <= endsOn ? 60 : 40;
        return {
          tenantId: catalog.tenantId,
          skuId,
          locationId: catalog.locations['DC-1']!,
          day: dateOf(day),
          ordered,
          shipped: ordered,
        };
      }),
    });
    const past = await prisma.promotion.create({
      data: {
        tenantId: catalog.tenantId,
        campaign: 'Winter',
        channel: 'online',
        skuIds: [skuId],
        startsOn: dateOf(startsOn),
        endsOn: dateOf(endsOn),
        expectedUplift: 0.3,
      },
    });

    await trainDueForecasts(prisma);
    const measured = await prisma.promotion.findUniqueOrThrow({ where: { id: past.id } });
    expect(Number(measured.realisedUplift)).toBe(0.5);
    const [forecast] = (await forecastsOf(catalog.tenantId, skuId)).forecasts;
    for (const point of forecast!.points) expect(point.baseline).toBeCloseTo(40, 6);

    const { data, errors } = await subgraph.request<{ createPromotion: { learnedUplift: number } }>(CREATE, {
      as: testUser(catalog.tenantId, ['planner']),
      variables: {
        input: {
          campaign: 'Spring',
          channel: 'online',
          skuIds: [skuId],
          startsOn: addDays(today(), 2),
          endsOn: addDays(today(), 4),
          expectedUplift: 0.3,
        },
      },
    });
    expect(errors).toBeUndefined();
    // One measured promotion that beat its expectation by 0.2 weighs 1 / (1 + 2).
    expect(data!.createPromotion.learnedUplift).toBeCloseTo(0.3 + 0.2 / 3, 9);
    const [sensed] = (await forecastsOf(catalog.tenantId, skuId)).forecasts;
    expect(sensed!.points.find((point) => point.day === addDays(today(), 3))?.forecast).toBeCloseTo(
      40 * (1.3 + 0.2 / 3),
      6,
    );
  });
});

describe('signals and accuracy classes', () => {
  it('lifts days 1–14 when mentions of the SKU doubled last week, and explains it', async () => {
    const catalog = await catalogWithHistory(90);
    const skuId = catalog.skus[SKU_A]!;
    // 100 mentions a day for four weeks, then 200 a day for the last week; a tenant-wide series stays flat.
    await prisma.marketingSignal.createMany({
      data: Array.from({ length: 35 }, (_, index) => {
        const day = addDays(today(), -35 + index);
        return [
          { skuId, value: index >= 28 ? 200 : 100, transactionId: `m-${index}` },
          { skuId: null, value: 1_000, transactionId: `b-${index}` },
        ].map((row) => ({
          tenantId: catalog.tenantId,
          day: dateOf(day),
          metric: 'mentions',
          source: 'social/x',
          ...row,
        }));
      }).flat(),
    });
    await trainDueForecasts(prisma);
    const [forecast] = (await forecastsOf(catalog.tenantId, skuId)).forecasts;
    const [first] = forecast!.points;
    // Mentions of SKU + tenant: 1,100 → 1,200 a day; demand moves by 0.1 × ln(1,200 / 1,100).
    const uplift = 0.1 * Math.log(1200 / 1100);
    expect(first!.drivers).toEqual([
      {
        label: 'marketing signals',
        uplift: expect.closeTo(uplift, 9),
        explanation: expect.stringContaining('mentions +9%'),
      },
    ]);
    expect(first!.forecast).toBeCloseTo(first!.baseline * (1 + uplift), 6);
    expect(forecast!.points[20]!.forecast).toBeCloseTo(forecast!.points[20]!.baseline, 9);
  });

  it('reports accuracy for core and long tail against their targets, and per class', async () => {
    const tenantId = randomUUID();
    const run = (demandClass: string, accuracy: number, level: number) => ({
      tenantId,
      skuId: randomUUID(),
      locationId: randomUUID(),
      origin: dateOf(addDays(today(), -1)),
      model: 'ses',
      backtest: {},
      accuracy,
      mase: 0.8,
      bias: 0,
      demandClass,
      points: [{ day: today(), baseline: level, forecast: level, lower: level, upper: level, drivers: [] }],
      nextTrainingAt: new Date(Date.now() + 7 * DAY_MS),
    });
    await prisma.forecastRun.createMany({
      data: [run('AX', 0.95, 90), run('BY', 0.85, 10), run('CZ', 0.6, 5)],
    });
    const { data, errors } = await subgraph.request<{
      _entities: Array<{ inventoryKpis: { forecastAccuracy: Array<Record<string, unknown>> } }>;
    }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Tenant { inventoryKpis {
        forecastAccuracy { segment skuCount accuracy mase bias target } } } } }`,
      { as: testUser(tenantId, ['planner']), variables: { reps: [{ __typename: 'Tenant', id: tenantId }] } },
    );
    expect(errors).toBeUndefined();
    const rows = data!._entities[0]!.inventoryKpis.forecastAccuracy;
    expect(rows.map((row) => row.segment)).toEqual(['CORE', 'LONG_TAIL', 'AX', 'BY', 'CZ']);
    expect(rows[0]).toMatchObject({ skuCount: 2, accuracy: expect.closeTo(0.94, 9), target: 0.9 });
    expect(rows[1]).toMatchObject({ skuCount: 1, accuracy: 0.6, target: 0.75 });
    expect(rows[2]?.target).toBeNull();
  });
});

describe('drift monitor', () => {
  it('stores a day of realised accuracy and emits forecast_drift_detected once per episode', async () => {
    const tenantId = randomUUID();
    const [skuId, locationId] = [randomUUID(), randomUUID()];
    const day = addDays(today(), -1);
    // Two runs that each promised 90 % accuracy at 100 a day; demand has been 140 a day.
    const runOf = (origin: string) => ({
      tenantId,
      skuId,
      locationId,
      origin: dateOf(origin),
      model: 'ses',
      backtest: { candidates: [{ model: 'ses', wape: 0.1 }], residualStdDev: 10, origins: 8 },
      accuracy: 0.9,
      mase: 0.7,
      bias: 0,
      demandClass: 'AX',
      points: Array.from({ length: 28 }, (_, index) => ({
        day: addDays(origin, index + 1),
        baseline: 100,
        forecast: 100,
        lower: 85,
        upper: 115,
        drivers: [],
      })),
      trainedAt: dateOf(addDays(origin, 1)),
      nextTrainingAt: dateOf(addDays(origin, 8)),
    });
    await prisma.forecastRun.createMany({ data: [runOf(addDays(day, -35)), runOf(addDays(day, -14))] });
    await prisma.dailyDemand.createMany({
      data: Array.from({ length: 45 }, (_, index) => ({
        tenantId,
        skuId,
        locationId,
        day: dateOf(addDays(day, -index + 1)),
        ordered: 140,
        shipped: 140,
      })),
    });
    const driftEvents = () =>
      prisma.eventLog.count({ where: { tenantId, type: 'supply.forecast_drift_detected' } });

    const now = new Date();
    expect(await monitorForecastAccuracy(prisma, now)).toBe(1);
    const [measured] = await prisma.forecastAccuracyDay.findMany({ where: { tenantId } });
    expect(measured).toMatchObject({ day: dateOf(day), drifted: true });
    expect(measured!.wape).toBeCloseTo(40 / 140, 9);
    expect(measured!.baselineWape).toBeCloseTo(0.1, 9);
    expect(measured!.bias).toBeCloseTo(-40 / 140, 9);
    const [event] = await prisma.eventLog.findMany({
      where: { tenantId, type: 'supply.forecast_drift_detected' },
    });
    expect((event?.envelope as { data?: unknown } | undefined)?.data).toMatchObject({
      tenantId,
      skuId,
      locationId,
      baselineWape: expect.closeTo(0.1, 9),
    });

    // The same day again, and the next day still drifting: no second event.
    expect(await monitorForecastAccuracy(prisma, now)).toBe(0);
    expect(await monitorForecastAccuracy(prisma, new Date(now.getTime() + DAY_MS))).toBe(0);
    expect(await prisma.forecastAccuracyDay.count({ where: { tenantId, drifted: true } })).toBe(2);
    expect(await driftEvents()).toBe(1);
  });
});
