import { describe, expect, it } from 'vitest';
import {
  type PositionLike,
  positionRisk,
  riskCounts,
  sortByUrgency,
  stockoutIndex,
} from './supply-inventory';

const position = (code: string, overrides: Partial<PositionLike> = {}): PositionLike => ({
  sku: { id: `id-${code}`, code },
  location: { id: 'dc', code: 'DC-RNO' },
  available: 100,
  onOrder: 0,
  reorderPoint: 40,
  safetyStock: 20,
  daysOfCover: 10,
  atStockoutRisk: false,
  ...overrides,
});

describe('positionRisk', () => {
  const stockouts = stockoutIndex([
    { sku: { id: 'id-A' }, location: { id: 'dc' }, projectedStockoutOn: '2026-12-02' },
    { sku: { id: 'id-B' }, location: { id: 'dc' }, projectedStockoutOn: null },
  ]);

  it('puts a projected stock-out first, then stock under safety stock, then the reorder point', () => {
    expect(positionRisk(position('A'), stockouts)).toEqual({
      level: 'stockout',
      label: 'Stock-out projected',
      stockoutOn: '2026-12-02',
    });
    expect(positionRisk(position('B', { available: 10, atStockoutRisk: true }), stockouts).level).toBe(
      'below-safety',
    );
    expect(positionRisk(position('C', { available: 30, atStockoutRisk: true }), stockouts).level).toBe(
      'reorder',
    );
    expect(positionRisk(position('D'), stockouts).level).toBe('ok');
  });

  it('looks stock-outs up by SKU and location', () => {
    const elsewhere = position('A', { location: { id: 'store', code: 'ST-1' } });
    expect(positionRisk(elsewhere, stockouts).level).toBe('ok');
  });
});

describe('sortByUrgency', () => {
  it('orders by risk, then by days of cover with no forecast last, then by code', () => {
    const stockouts = stockoutIndex([
      { sku: { id: 'id-Z' }, location: { id: 'dc' }, projectedStockoutOn: '2026-12-05' },
      { sku: { id: 'id-Y' }, location: { id: 'dc' }, projectedStockoutOn: '2026-12-01' },
    ]);
    const sorted = sortByUrgency(
      [
        position('M', { daysOfCover: null }),
        position('Z'),
        position('K', { daysOfCover: 3 }),
        position('L', { daysOfCover: 3 }),
        position('Y'),
        position('R', { available: 30, atStockoutRisk: true }),
      ],
      stockouts,
    );
    expect(sorted.map((entry) => entry.sku.code)).toEqual(['Y', 'Z', 'R', 'K', 'L', 'M']);
    expect(riskCounts(sorted, stockouts)).toEqual({ stockout: 2, 'below-safety': 0, reorder: 1, ok: 3 });
  });
});
