import { describe, expect, it } from 'vitest';
import { foldSignals, type ResolvedSignal } from './marketing-signals';

const signal = (overrides: Partial<ResolvedSignal> = {}): ResolvedSignal => ({
  tenantId: 't1',
  transactionId: 'tx-1',
  status: 'active',
  skuId: 'sku-1',
  day: '2026-11-20',
  metric: 'mentions',
  count: 120,
  sentiment: 0.4,
  source: 'social/instagram',
  ...overrides,
});

describe('foldSignals', () => {
  it('writes the count and the sentiment as rows of their own', () => {
    expect(foldSignals([signal()])).toEqual({
      upserts: [
        {
          tenantId: 't1',
          transactionId: 'tx-1',
          skuId: 'sku-1',
          day: '2026-11-20',
          metric: 'mentions',
          value: 120,
          source: 'social/instagram',
        },
        {
          tenantId: 't1',
          transactionId: 'tx-1#sentiment',
          skuId: 'sku-1',
          day: '2026-11-20',
          metric: 'sentiment',
          value: 0.4,
          source: 'social/instagram',
        },
      ],
      deletions: [],
    });
  });

  it('lets the last record of a transaction decide; a correction without sentiment drops it', () => {
    const { upserts, deletions } = foldSignals([
      signal(),
      signal({ status: 'corrected', count: 90, sentiment: null }),
    ]);
    expect(upserts).toEqual([expect.objectContaining({ transactionId: 'tx-1', value: 90 })]);
    expect(deletions).toEqual([{ tenantId: 't1', transactionId: 'tx-1#sentiment' }]);
  });

  it('deletes both rows of a cancelled record', () => {
    expect(foldSignals([signal(), signal({ status: 'cancelled' })])).toEqual({
      upserts: [],
      deletions: [
        { tenantId: 't1', transactionId: 'tx-1' },
        { tenantId: 't1', transactionId: 'tx-1#sentiment' },
      ],
    });
  });
});
