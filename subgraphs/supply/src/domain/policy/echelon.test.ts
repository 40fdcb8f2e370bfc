import { describe, expect, it } from 'vitest';
import {
  echelonDaily,
  echelonDemand,
  echelonPolicy,
  echelonStock,
  STORE_LEAD_TIME_DAYS,
  storesServedBy,
} from './echelon';
import { computePolicy, DEFAULT_SERVICE_LEVELS, type PolicyInputs } from './policy';

const settings = { serviceLevels: DEFAULT_SERVICE_LEVELS, holdingCostRate: 0.25, orderingCostCents: 5000 };
const flat = (value: number) => Array.from({ length: 28 }, () => value);
const dc: PolicyInputs = {
  demandClass: 'AX',
  dailyForecast: flat(10),
  demandStdDev: 3,
  leadTimeDays: 21,
  leadTimeStdDevDays: 2,
  unitCostCents: 700,
  minOrderQty: 100,
  packSize: 12,
};
const store = (daily: number, sd: number) => ({
  demandClass: 'AX',
  dailyForecast: flat(daily),
  demandStdDev: sd,
  unitCostCents: 700,
  packSize: 12,
});

describe('echelon', () => {
  it('finds the stores a DC serves, and none for a store or a DC of other stores', () => {
    const locations = new Map([
      ['dc', { type: 'DC', parentId: null }],
      ['other-dc', { type: 'DC', parentId: null }],
      ['store-a', { type: 'STORE', parentId: 'dc' }],
      ['store-b', { type: 'STORE', parentId: 'other-dc' }],
      ['site', { type: 'SUPPLIER_SITE', parentId: 'dc' }],
    ]);
    const positions = ['dc', 'other-dc', 'store-a', 'store-b', 'site'].map((locationId) => ({ locationId }));
    expect(storesServedBy({ locationId: 'dc' }, positions, locations)).toEqual([{ locationId: 'store-a' }]);
    expect(storesServedBy({ locationId: 'store-a' }, positions, locations)).toEqual([]);
    expect(storesServedBy({ locationId: 'unknown' }, positions, locations)).toEqual([]);
  });

  it('adds daily forecasts day by day over the longest horizon', () => {
    expect(echelonDaily([[10, 10, 10], [6, 6], [4]])).toEqual([20, 16, 10]);
    expect(echelonDaily([])).toEqual([]);
  });

  it('counts the DC’s stock and every store’s as one', () => {
    const figures = (onHand: number) => ({ onHand, allocated: 2, inTransit: 1, onOrder: 5 });
    expect(echelonStock(figures(100), [figures(20), figures(30)])).toBe(104 + 24 + 34);
  });

  it('adds the stores’ forecasts to the DC’s day by day and their error variances', () => {
    const demand = echelonDemand({ dailyForecast: [1, 2], demandStdDev: 3 }, [
      { dailyForecast: [10, 20, 30], demandStdDev: 4 },
    ]);
    expect(demand.dailyForecast).toEqual([11, 22, 30]);
    expect(demand.demandStdDev).toBeCloseTo(5, 10);
  });

  it('sizes the DC on the echelon’s demand and keeps the stores’ safety stock on top', () => {
    const { dc: policy, stores } = echelonPolicy(dc, [store(6, 2), store(4, 2)], settings);
    const alone = computePolicy(
      { ...dc, dailyForecast: flat(20), demandStdDev: Math.sqrt(9 + 4 + 4) },
      settings,
    );
    expect(policy.avgDailyDemand).toBeCloseTo(20, 10);
    expect(policy.reorderPoint).toBe(alone.reorderPoint + stores[0]!.safetyStock + stores[1]!.safetyStock);
    expect(policy.explanation[0]).toMatch(/Echelon of the DC and 2 stores/);
  });

  it('replenishes stores from the DC: short lead time, no supplier minimum', () => {
    const { stores } = echelonPolicy(dc, [store(6, 2)], settings);
    expect(stores[0]!.leadTimeDays).toBe(STORE_LEAD_TIME_DAYS);
    expect(stores[0]!.orderQuantity).toBeLessThan(100);
    expect(stores[0]!.orderQuantity % 12).toBe(0);
    expect(stores[0]!.reorderPoint).toBeLessThan(
      computePolicy({ ...dc, dailyForecast: flat(6) }, settings).reorderPoint,
    );
  });

  it('is the plain policy when the DC serves no stores', () => {
    expect(echelonPolicy(dc, [], settings).dc).toEqual(computePolicy(dc, settings));
  });
});
