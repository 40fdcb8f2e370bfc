import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_LEVELS } from '../policy/policy';
import { formatPilotTable } from './report';
import type { PilotScenario } from './scenario';
import { simulatePilot, simulatePilotSeed } from './simulate';

/** A short pilot of three SKUs, one promoted, with a long and a short lead time. */
const scenario: PilotScenario = {
  family: 'TEST',
  location: 'DC-1',
  firstDay: '2026-03-02',
  pilotDays: 12,
  historyDays: 60,
  baselineWindowDays: 56,
  weekdayFactor: [0.62, 1.05, 1.0, 1.0, 1.04, 1.12, 0.72],
  dailyTrend: 0.0008,
  noiseCv: 0.12,
  pastPromotion: {
    campaign: 'Past',
    channel: 'online',
    startsOn: '2026-01-20',
    endsOn: '2026-01-29',
    expectedUplift: 0.35,
    trueUplift: 0.42,
  },
  pilotPromotion: {
    campaign: 'Pilot',
    channel: 'online',
    startsOn: '2026-03-06',
    endsOn: '2026-03-10',
    expectedUplift: 0.35,
    trueUplift: 0.42,
  },
  leadTimeVariability: 0.2,
  baselineServiceLevel: 0.95,
  settings: { serviceLevels: DEFAULT_SERVICE_LEVELS, holdingCostRate: 0.25, orderingCostCents: 5000 },
  retrainEveryDays: 7,
  skus: [
    {
      code: 'A',
      meanDailyDemand: 30,
      unitCostCents: 700,
      minOrderQty: 50,
      packSize: 12,
      leadTimeDays: 7,
      leadTimeStdDevDays: 1.4,
      promoted: true,
      onHand: 260,
      arrivals: [],
    },
    {
      code: 'B',
      meanDailyDemand: 8,
      unitCostCents: 800,
      minOrderQty: 1,
      packSize: 6,
      leadTimeDays: 3,
      leadTimeStdDevDays: 0.6,
      promoted: false,
      onHand: 10,
      arrivals: [{ day: 2, units: 30 }],
    },
    {
      code: 'C',
      meanDailyDemand: 2,
      unitCostCents: 900,
      minOrderQty: 1,
      packSize: 1,
      leadTimeDays: 14,
      leadTimeStdDevDays: 2.8,
      promoted: false,
      onHand: 40,
      arrivals: [],
    },
  ],
};

describe('pilot simulator', () => {
  it('replays a seed exactly and another seed differently', () => {
    const first = simulatePilotSeed(scenario, 7);
    expect(simulatePilotSeed(scenario, 7)).toEqual(first);
    expect(simulatePilotSeed(scenario, 8).daily.map((day) => day.demand)).not.toEqual(
      first.daily.map((day) => day.demand),
    );
  });

  it('serves the same demand under both policies and keeps the KPIs in range', () => {
    const { daily, baseline, meridian } = simulatePilotSeed(scenario, 3);
    expect(daily).toHaveLength(12);
    for (const kpis of [baseline, meridian]) {
      expect(kpis.fillRate).toBeGreaterThan(0);
      expect(kpis.fillRate).toBeLessThanOrEqual(1);
      expect(kpis.stockoutSkuDays).toBeLessThanOrEqual(3 * 12);
      expect(kpis.carryingCostCents).toBeGreaterThan(0);
    }
    // The baseline's forecast is its flat 56-day average; Meridian's moves with weekdays and the promotion.
    const baselineForecasts = new Set(daily.map((day) => day.baselineForecast.toFixed(6)));
    expect(baselineForecasts.size).toBe(1);
    expect(new Set(daily.map((day) => day.meridianForecast.toFixed(6))).size).toBeGreaterThan(3);
    // B starts with 10 units and 30 arriving on day 2: both policies receive the same arrival.
    expect(daily[0]!.baselineOnHand).toBe(daily[0]!.meridianOnHand);
  });

  it('summarises seeds into means, spread and relative change, and prints them', () => {
    const result = simulatePilot(scenario, [1, 2]);
    expect(result.seeds.map((seed) => seed.seed)).toEqual([1, 2]);
    const [one, two] = result.seeds;
    expect(result.meridianMean.fillRate).toBeCloseTo(
      (one!.meridian.fillRate + two!.meridian.fillRate) / 2,
      12,
    );
    expect(result.relativeChange.averageInventoryUnits).toBeCloseTo(
      (result.meridianMean.averageInventoryUnits - result.baselineMean.averageInventoryUnits) /
        result.baselineMean.averageInventoryUnits,
      12,
    );
    expect(result.daily).toEqual(simulatePilotSeed(scenario, 1).daily);
    const table = formatPilotTable(result);
    expect(table).toMatch(/Stock-out SKU-days/);
    expect(table.split('\n')).toHaveLength(8);
  });
});
