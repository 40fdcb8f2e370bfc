import { describe, expect, it } from 'vitest';
import { available, isAtStockoutRisk, onHandAfter } from './position';

const position = { onHand: 100, allocated: 30, inTransit: 20, reorderPoint: 50 };

describe('available', () => {
  it('is on hand minus allocated, and may go negative when over-allocated', () => {
    expect(available(position)).toBe(70);
    expect(available({ onHand: 5, allocated: 8 })).toBe(-3);
  });
});

describe('isAtStockoutRisk', () => {
  it('counts what is in transit towards cover', () => {
    expect(isAtStockoutRisk({ ...position, onHand: 70, inTransit: 0 })).toBe(true); // cover 40
    expect(isAtStockoutRisk({ ...position, onHand: 70, inTransit: 20 })).toBe(false); // cover 60
  });

  it('is at risk exactly at the reorder point and below it, not above', () => {
    expect(isAtStockoutRisk({ ...position, onHand: 59 })).toBe(true); // cover 49
    expect(isAtStockoutRisk({ ...position, onHand: 60 })).toBe(true); // cover 50 = reorder point
    expect(isAtStockoutRisk({ ...position, onHand: 61 })).toBe(false); // cover 51
  });

  it('flags an empty shelf with nothing coming even when the reorder point is zero', () => {
    expect(isAtStockoutRisk({ onHand: 0, allocated: 0, inTransit: 0, reorderPoint: 0 })).toBe(true);
    expect(isAtStockoutRisk({ onHand: 1, allocated: 0, inTransit: 0, reorderPoint: 0 })).toBe(false);
  });

  it('only ever gets riskier as allocations grow', () => {
    for (let allocated = 0; allocated < 120; allocated += 7) {
      if (isAtStockoutRisk({ ...position, allocated })) {
        expect(isAtStockoutRisk({ ...position, allocated: allocated + 1 })).toBe(true);
      }
    }
  });
});

describe('onHandAfter', () => {
  it('applies signed adjustments', () => {
    expect(onHandAfter(10, 5)).toBe(15);
    expect(onHandAfter(10, -10)).toBe(0);
  });

  it('refuses to go below zero', () => {
    expect(onHandAfter(10, -11)).toBeNull();
  });
});
