import { describe, expect, it } from 'vitest';
import {
  averageInventoryValue,
  carryingCost,
  changedKpis,
  inventoryTurns,
  pooledDaysOfCover,
} from './inventory-kpis';

describe('inventory KPIs', () => {
  it('averages stock value over the days with rows and prices holding it', () => {
    expect(averageInventoryValue([100, 200, 300])).toBe(200);
    expect(averageInventoryValue([])).toBe(0);
    expect(carryingCost(0.25, 200_000)).toBe(50_000);
  });

  it('gives yearly turns, scaling up a history shorter than a year', () => {
    expect(inventoryTurns(1_000_000, 365, 250_000)).toBe(4);
    expect(inventoryTurns(250_000, 73, 250_000)).toBe(5);
    expect(inventoryTurns(1_000_000, 365, 0)).toBe(0);
  });

  it('pools days of cover over positions with forecast demand', () => {
    expect(
      pooledDaysOfCover([
        { available: 100, meanDailyForecast: 10 },
        { available: -5, meanDailyForecast: 10 },
      ]),
    ).toBe(5);
    expect(pooledDaysOfCover([{ available: 100, meanDailyForecast: 0 }])).toBeNull();
  });

  it('reports only the figures that changed', () => {
    const before = {
      skusAtStockoutRisk: 1,
      stockoutSkuDays: 3,
      inventoryTurns: 4,
      carryingCostCents: 1000,
      daysOfCover: null,
    };
    expect(changedKpis(before, { ...before, stockoutSkuDays: 4, daysOfCover: 12 })).toEqual([
      ['stockoutSkuDays', 4],
      ['daysOfCover', 12],
    ]);
    expect(changedKpis(before, before)).toEqual([]);
  });
});
