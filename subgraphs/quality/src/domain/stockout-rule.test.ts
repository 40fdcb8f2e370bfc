import type { InventoryPositionChangedData } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { stockoutException } from './stockout-rule';

const position = (change: Partial<InventoryPositionChangedData>): InventoryPositionChangedData => ({
  tenantId: '00000000-0000-4000-8000-000000000001',
  positionId: '00000000-0000-4000-8000-000000000002',
  skuId: '00000000-0000-4000-8000-000000000003',
  locationId: '00000000-0000-4000-8000-000000000004',
  onHand: 50,
  allocated: 10,
  inTransit: 0,
  reorderPoint: 60,
  safetyStock: 20,
  atStockoutRisk: true,
  reason: 'count correction',
  ...change,
});

describe('stockoutException', () => {
  it('raises nothing when the position is healthy or an exception is already open', () => {
    expect(stockoutException(position({ atStockoutRisk: false }), false)).toBeNull();
    expect(stockoutException(position({}), true)).toBeNull();
  });

  it('grades severity by how close the shelf is to empty', () => {
    expect(stockoutException(position({ onHand: 10, allocated: 10 }), false)?.severity).toBe('CRITICAL');
    expect(stockoutException(position({ onHand: 25, allocated: 10 }), false)?.severity).toBe('HIGH');
    expect(stockoutException(position({ onHand: 60, allocated: 10 }), false)?.severity).toBe('MEDIUM');
  });

  it('states the figures in the message', () => {
    const raised = stockoutException(position({}), false);
    expect(raised?.title).toContain('reorder point');
    expect(raised?.detail).toContain('reorder point 60');
  });
});
