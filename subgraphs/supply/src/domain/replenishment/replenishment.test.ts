import { describe, expect, it } from 'vitest';
import { addDays, daysOfCover, projectStock, reorderDay, stockoutDay } from './projection';
import { isAutoReleased, proposeOrder } from './proposal';
import { rankStockoutRisks } from './stockout-risk';

const flat = (value: number, days = 28) => Array.from({ length: days }, () => value);
const policy = { reorderPoint: 100, orderQuantity: 120, orderMethod: 'EOQ', demandClass: 'AX' };
const stockNow = { available: 150, inTransit: 30, onOrder: 0, downstream: 0 };

describe('projectStock', () => {
  it('is stock minus the forecast demand so far, day by day', () => {
    const projection = projectStock({
      firstDay: '2026-11-28',
      stock: 180,
      dailyForecast: [10, 20, 30],
      reorderPoint: 100,
    });
    expect(projection).toEqual([
      { day: '2026-11-28', projected: 170, forecast: 10, reorderPoint: 100 },
      { day: '2026-11-29', projected: 150, forecast: 20, reorderPoint: 100 },
      { day: '2026-11-30', projected: 120, forecast: 30, reorderPoint: 100 },
    ]);
  });

  it('finds the day it reaches the reorder point and the day it runs out', () => {
    const projection = projectStock({
      firstDay: '2026-12-30',
      stock: 180,
      dailyForecast: flat(20),
      reorderPoint: 100,
    });
    expect(reorderDay(projection)?.day).toBe('2027-01-02');
    expect(stockoutDay(projection)).toBe(addDays('2026-12-30', 8));
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('gives days of cover only when there is forecast demand', () => {
    expect(daysOfCover(100, flat(20))).toBe(5);
    expect(daysOfCover(-5, flat(20))).toBe(0);
    expect(daysOfCover(100, flat(0))).toBeNull();
    expect(daysOfCover(100, [])).toBeNull();
  });
});

describe('proposeOrder', () => {
  it('proposes nothing while projected stock stays above the reorder point', () => {
    const projection = projectStock({
      firstDay: '2026-11-28',
      stock: 1000,
      dailyForecast: flat(10),
      reorderPoint: 100,
    });
    expect(proposeOrder(projection, policy, stockNow)).toBeNull();
  });

  it('proposes the policy quantity on the day stock reaches the reorder point, and explains it', () => {
    const projection = projectStock({
      firstDay: '2026-11-28',
      stock: 180,
      dailyForecast: flat(20),
      reorderPoint: 100,
    });
    const proposal = proposeOrder(projection, policy, stockNow)!;
    expect(proposal).toMatchObject({
      triggerDay: '2026-12-01',
      projectedStock: 100,
      projectedStockoutOn: '2026-12-06',
      quantity: 120,
    });
    expect(proposal.explanation[0]).toBe('Stock now 180 units: 150 available + 30 in transit + 0 on order.');
    expect(proposal.explanation[1]).toMatch(/to 100 on 2026-12-01, at or below the reorder point of 100/);
    expect(proposal.explanation[2]).toBe('Without an order it runs out on 2026-12-06.');
  });

  it('orders whole multiples of the policy quantity when stock is already far below the reorder point', () => {
    const projection = projectStock({
      firstDay: '2026-11-28',
      stock: -50,
      dailyForecast: flat(20),
      reorderPoint: 100,
    });
    const proposal = proposeOrder(projection, policy, { ...stockNow, available: -80 })!;
    // projected −70 on day 1: 170 short of the reorder point → 2 × 120 lifts it above
    expect(proposal.quantity).toBe(240);
    expect(proposal.quantity % policy.orderQuantity).toBe(0);
    expect(-70 + proposal.quantity).toBeGreaterThan(policy.reorderPoint);
  });
});

describe('isAutoReleased', () => {
  it('matches listed classes exactly or whole ABC classes', () => {
    expect(isAutoReleased('CZ', ['CZ'])).toBe(true);
    expect(isAutoReleased('CY', ['CZ'])).toBe(false);
    expect(isAutoReleased('CY', ['c'])).toBe(true);
    expect(isAutoReleased('AX', ['C', 'BZ'])).toBe(false);
    expect(isAutoReleased('AX', [])).toBe(false);
  });
});

describe('rankStockoutRisks', () => {
  const candidate = (id: string, fields: Partial<Parameters<typeof rankStockoutRisks>[0][number]>) => ({
    skuId: id,
    locationId: 'dc',
    available: 100,
    inTransit: 0,
    reorderPoint: 50,
    daysOfCover: 10,
    projectedStockoutOn: null,
    ...fields,
  });

  it('keeps positions that run out or sit at the reorder point, soonest stock-out first', () => {
    const ranked = rankStockoutRisks([
      candidate('healthy', {}),
      candidate('late', { projectedStockoutOn: '2026-12-20' }),
      candidate('atRop', { available: 40, daysOfCover: 2 }),
      candidate('soon', { projectedStockoutOn: '2026-12-01' }),
    ]);
    expect(ranked.map((risk) => risk.skuId)).toEqual(['soon', 'late', 'atRop']);
  });
});
