import { describe, expect, it } from 'vitest';
import { bookingDistributionCentre, type ResolvedOrderLine, sumDemand } from './demand-ledger';
import { SupplyOutcome } from './ingested-transaction';

const line = (overrides: Partial<ResolvedOrderLine>): ResolvedOrderLine => ({
  eventId: 'e',
  tenantId: 't1',
  skuId: 'sku-a',
  locationId: 'dc',
  day: '2026-11-27',
  ordered: 5,
  status: 'active',
  ...overrides,
});

describe('sumDemand', () => {
  it('sums lines per SKU, location and day; a cancelled line takes its units back', () => {
    const { increments, outcomes } = sumDemand([
      line({ ordered: 5 }),
      line({ ordered: 7 }),
      line({ day: '2026-11-28', ordered: 1 }),
      line({ skuId: 'sku-b', ordered: 2 }),
      line({ ordered: 5, status: 'cancelled' }),
    ]);
    expect(increments).toEqual([
      { tenantId: 't1', skuId: 'sku-a', locationId: 'dc', day: '2026-11-27', ordered: 7 },
      { tenantId: 't1', skuId: 'sku-a', locationId: 'dc', day: '2026-11-28', ordered: 1 },
      { tenantId: 't1', skuId: 'sku-b', locationId: 'dc', day: '2026-11-27', ordered: 2 },
    ]);
    expect(outcomes).toEqual([]);
  });

  it('does not apply a corrected line and says why', () => {
    const { increments, outcomes } = sumDemand([line({ eventId: 'fix', status: 'corrected' })]);
    expect(increments).toEqual([]);
    expect(outcomes).toEqual([{ eventId: 'fix', outcome: SupplyOutcome.CORRECTION_NOT_TRACKED }]);
  });
});

describe('bookingDistributionCentre', () => {
  it('picks the DC with the lowest code whatever the order, and nothing without a DC', () => {
    const locations = [
      { id: 'store', code: 'A-STORE', isDc: false },
      { id: 'dc-b', code: 'DC-B', isDc: true },
      { id: 'dc-a', code: 'DC-A', isDc: true },
    ];
    expect(bookingDistributionCentre(locations)).toBe('dc-a');
    expect(bookingDistributionCentre([...locations].reverse())).toBe('dc-a');
    expect(bookingDistributionCentre([locations[0]!])).toBeNull();
  });
});
