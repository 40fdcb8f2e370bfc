import { describe, expect, it } from 'vitest';
import { foldPromotions, type ResolvedPromotion } from './promotions';

const record = (overrides: Partial<ResolvedPromotion>): ResolvedPromotion => ({
  tenantId: 't1',
  skuId: 'sku-a',
  status: 'active',
  promotionId: 'P1',
  campaign: 'XMAS',
  channel: 'online',
  startsOn: '2026-12-01',
  endsOn: '2026-12-24',
  expectedUplift: 0.25,
  ...overrides,
});

describe('foldPromotions', () => {
  it('makes one promotion per promotion id covering its SKUs, with the terms of the latest record', () => {
    const { upserts, withdrawals } = foldPromotions([
      record({}),
      record({ skuId: 'sku-b', status: 'corrected', expectedUplift: 0.3 }),
      record({ promotionId: 'P2', skuId: 'sku-c' }),
    ]);
    expect(upserts).toEqual([
      expect.objectContaining({ promotionId: 'P1', expectedUplift: 0.3, skuIds: ['sku-a', 'sku-b'] }),
      expect.objectContaining({ promotionId: 'P2', skuIds: ['sku-c'] }),
    ]);
    expect(withdrawals).toEqual([]);
  });

  it('withdraws a cancelled SKU; the last record of a SKU decides', () => {
    const { upserts, withdrawals } = foldPromotions([
      record({ skuId: 'sku-a' }),
      record({ skuId: 'sku-b' }),
      record({ skuId: 'sku-a', status: 'cancelled' }),
      record({ skuId: 'sku-c', status: 'cancelled' }),
      record({ skuId: 'sku-c' }),
    ]);
    expect(upserts).toEqual([expect.objectContaining({ skuIds: ['sku-b', 'sku-c'] })]);
    expect(withdrawals).toEqual([{ tenantId: 't1', promotionId: 'P1', skuIds: ['sku-a'] }]);
  });

  it('only withdraws when a promotion has nothing but cancellations', () => {
    const { upserts, withdrawals } = foldPromotions([record({ status: 'cancelled' })]);
    expect(upserts).toEqual([]);
    expect(withdrawals).toEqual([{ tenantId: 't1', promotionId: 'P1', skuIds: ['sku-a'] }]);
  });
});
