import { describe, expect, it } from 'vitest';
import { approvalReasons, relativeChange, reorderPointReason } from './approval';
import type { MasterRecord } from './records';

const sku: MasterRecord = {
  lengthMm: 1000,
  widthMm: 200,
  heightMm: null,
  weightGrams: 500,
  priceCents: 10_000,
};

describe('approval thresholds', () => {
  it('needs approval for a dimension variance above 2 % but not at 2 %', () => {
    expect(approvalReasons('SKU', sku, { ...sku, lengthMm: 1020 })).toEqual([]);
    expect(approvalReasons('SKU', sku, { ...sku, lengthMm: 1021, weightGrams: 495 })).toEqual([
      {
        rule: 'DIMENSION_VARIANCE',
        field: 'lengthMm',
        before: 1000,
        after: 1021,
        variance: 0.021,
        threshold: 0.02,
      },
    ]);
    expect(approvalReasons('SKU', sku, { ...sku, weightGrams: 489 })[0]).toMatchObject({
      field: 'weightGrams',
    });
  });

  it('measures no variance for a dimension set for the first time or cleared', () => {
    expect(approvalReasons('SKU', sku, { ...sku, heightMm: 40, widthMm: null })).toEqual([]);
  });

  it('needs approval for a price change above 1 %', () => {
    expect(approvalReasons('SKU', sku, { ...sku, priceCents: 10_100 })).toEqual([]);
    expect(approvalReasons('SKU', sku, { ...sku, priceCents: 9_899 })[0]).toMatchObject({
      rule: 'PRICE_CHANGE',
      variance: 0.0101,
    });
    expect(approvalReasons('SKU', { ...sku, priceCents: 0 }, { ...sku, priceCents: 1 })[0]?.rule).toBe(
      'PRICE_CHANGE',
    );
  });

  it('needs approval for a lead-time change of more than 24 hours either way', () => {
    const supplier = { leadTimeHours: 100 };
    expect(approvalReasons('SUPPLIER', supplier, { leadTimeHours: 124 })).toEqual([]);
    expect(approvalReasons('SUPPLIER', supplier, { leadTimeHours: 75 })).toEqual([
      {
        rule: 'LEAD_TIME_CHANGE',
        field: 'leadTimeHours',
        before: 100,
        after: 75,
        variance: 25,
        threshold: 24,
      },
    ]);
  });

  it('never stages a new record', () => {
    expect(approvalReasons('SKU', null, sku)).toEqual([]);
  });

  it('needs approval for a reorder point moved more than 5 %', () => {
    expect(reorderPointReason(100, 105)).toBeNull();
    expect(reorderPointReason(100, 94)).toMatchObject({ rule: 'REORDER_POINT_CHANGE', variance: 0.06 });
    expect(relativeChange(0, 0)).toBe(0);
  });
});
