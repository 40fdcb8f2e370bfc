import { describe, expect, it } from 'vitest';
import {
  defaultDailySeries,
  describeParameters,
  type PilotKpiValues,
  parsePilotDaily,
  pilotKpis,
  seedsWon,
  seriesLabel,
  spreadOf,
  verdictOf,
} from './supply-pilot';

const kpis = (overrides: Partial<PilotKpiValues>): PilotKpiValues => ({
  stockoutSkuDays: 10,
  fillRate: 0.9,
  averageInventoryUnits: 1000,
  carryingCostCents: 50_000,
  forecastWape: 0.3,
  purchaseOrders: 12,
  ...overrides,
});

describe('spreadOf', () => {
  it('gives the mean, sample standard deviation and range', () => {
    const spread = spreadOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(spread?.mean).toBe(5);
    expect(spread?.stdDev).toBeCloseTo(2.138, 3);
    expect(spread).toMatchObject({ min: 2, max: 9, count: 8 });
  });

  it('has no spread for one seed and nothing for none', () => {
    expect(spreadOf([3])).toMatchObject({ mean: 3, stdDev: 0 });
    expect(spreadOf([])).toBeNull();
  });
});

describe('verdictOf', () => {
  const stockouts = pilotKpis.find((kpi) => kpi.key === 'stockoutSkuDays')!;
  const fillRate = pilotKpis.find((kpi) => kpi.key === 'fillRate')!;
  const orders = pilotKpis.find((kpi) => kpi.key === 'purchaseOrders')!;

  it('judges a change by the direction that is better for the KPI', () => {
    expect(verdictOf(stockouts, -0.4)).toBe('better');
    expect(verdictOf(stockouts, 0.1)).toBe('worse');
    expect(verdictOf(fillRate, 0.03)).toBe('better');
    expect(verdictOf(fillRate, -0.03)).toBe('worse');
  });

  it('calls tiny changes unchanged and does not judge purchase orders', () => {
    expect(verdictOf(fillRate, 0.004)).toBe('unchanged');
    expect(verdictOf(orders, 0.5)).toBe('neutral');
  });
});

describe('seedsWon', () => {
  it('counts the seeds where Meridian beat the baseline', () => {
    const seeds = [
      { baseline: kpis({ stockoutSkuDays: 10 }), meridian: kpis({ stockoutSkuDays: 4 }) },
      { baseline: kpis({ stockoutSkuDays: 8 }), meridian: kpis({ stockoutSkuDays: 8 }) },
      { baseline: kpis({ stockoutSkuDays: 3 }), meridian: kpis({ stockoutSkuDays: 5 }) },
    ];
    expect(seedsWon(seeds, { key: 'stockoutSkuDays', better: 'lower' })).toBe(1);
  });
});

describe('parsePilotDaily', () => {
  it('keeps days and their numeric series, skipping what is not a number', () => {
    const { days, series } = parsePilotDaily([
      { day: 1, baselineOnHand: 120, meridianOnHand: 90, demand: 14, note: 'x' },
      { baselineOnHand: 3 },
      'junk',
      { day: '2', baselineOnHand: 100, meridianOnHand: Number.NaN, demand: 15 },
    ]);
    expect(days).toEqual([
      { day: '1', baselineOnHand: 120, meridianOnHand: 90, demand: 14 },
      { day: '2', baselineOnHand: 100, demand: 15 },
    ]);
    expect(series).toEqual(['baselineOnHand', 'meridianOnHand', 'demand']);
  });

  it('reads anything but an array as no days', () => {
    expect(parsePilotDaily({ day: 1 })).toEqual({ days: [], series: [] });
  });
});

describe('labels', () => {
  it('spells series and parameter names in words', () => {
    expect(seriesLabel('baselineOnHand')).toBe('Baseline on hand');
    expect(seriesLabel('lead_time_days')).toBe('Lead time days');
    expect(
      describeParameters({
        horizonDays: 30,
        seeds: [1, 2],
        serviceLevel: 0.95,
        policy: 'min-max',
        baseline: 'static reorder point = 90-day average × lead time + z × sd',
        settings: { holdingCostRate: 0.25 },
      }),
    ).toEqual([
      { label: 'Horizon days', value: '30', long: false },
      { label: 'Seeds', value: '1, 2', long: false },
      { label: 'Service level', value: '0.95', long: false },
      { label: 'Policy', value: 'min-max', long: false },
      { label: 'Baseline', value: 'static reorder point = 90-day average × lead time + z × sd', long: true },
      { label: 'Settings', value: '{\n  "holdingCostRate": 0.25\n}', long: true },
    ]);
  });

  it('starts the daily chart with stock on hand of both sides', () => {
    expect(defaultDailySeries(['demand', 'baselineOnHand', 'meridianOnHand'])).toEqual([
      'baselineOnHand',
      'meridianOnHand',
    ]);
    expect(defaultDailySeries(['demand', 'orders', 'stockouts'])).toEqual(['demand', 'orders']);
  });
});
