import { describe, expect, it } from 'vitest';
import { movementKindLabel, skuPath } from './sku';

describe('skuPath', () => {
  it('links to the SKU by its code, escaping characters a path cannot hold', () => {
    expect(skuPath('TTBLKM01')).toBe('/skus/TTBLKM01');
    expect(skuPath('A/B:1')).toBe('/skus/A%2FB%3A1');
  });
});

describe('movementKindLabel', () => {
  it('names the kinds the stock ledger records', () => {
    expect(movementKindLabel('inventory_adjustment')).toBe('Adjustment');
    expect(movementKindLabel('cycle_count')).toBe('Cycle count');
  });

  it('spells out a kind it does not know', () => {
    expect(movementKindLabel('transfer_out')).toBe('Transfer out');
  });
});
