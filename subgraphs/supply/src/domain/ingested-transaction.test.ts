import { randomUUID } from 'node:crypto';
import { type CanonicalTransactionV2, canonicalTransactionV2, toV1 } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { SupplyOutcome, supplyEffectOf, warningCodesOf } from './ingested-transaction';

type Overrides = Record<string, unknown>;

/** A valid 2.0.0 record of `eventType`; parsed, so a test can't build something ingest would refuse. */
function record(eventType: string, overrides: Overrides = {}): CanonicalTransactionV2 {
  const base = {
    version: '2.0.0',
    transaction_id: randomUUID(),
    correlation_id: 'corr-1',
    source_system: 'wms',
    timestamp: '2026-11-27T23:59:59Z',
    status: 'active',
    tenant_id: randomUUID(),
    idempotency_key: 'key-1',
    lot: null,
    sku_id: 'SKU00001',
    shipment_id: null,
  };
  const parts: Record<string, Overrides> = {
    receipt: {
      measure: { quantity: 12, uom: 'EA' },
      payload: { receipt_id: 'R1', order_id: null, location_id: 'DC-1', condition: 'good' },
    },
    inventory_adjustment: {
      measure: { quantity: -3, uom: 'EA' },
      payload: { location_id: 'DC-1', reason: 'damage', note: null },
    },
    cycle_count: {
      measure: { quantity: 40, uom: 'EA' },
      payload: { count_id: 'C1', location_id: 'DC-1', expected_quantity: 38, counted_by: null },
    },
    order: {
      measure: { quantity: 5, uom: 'EA' },
      payload: {
        order_id: 'SO-1',
        order_type: 'sales',
        line_number: 1,
        counterparty_id: null,
        requested_on: null,
        unit_price_minor: null,
        currency: null,
      },
    },
    promotion: {
      measure: null,
      payload: {
        promotion_id: 'PROMO-1',
        campaign_id: 'XMAS',
        channel: 'online',
        starts_on: '2026-12-01',
        ends_on: '2026-12-24',
        expected_uplift_pct: 12.5,
      },
    },
    tracking_ping: {
      sku_id: null,
      shipment_id: 'SHP-1',
      measure: null,
      payload: {
        kind: 'gps_position',
        device_id: 'D1',
        latitude: 1,
        longitude: 2,
        accuracy_m: null,
        speed_kmh: null,
        heading_deg: null,
      },
    },
  };
  const candidate = { ...base, event_type: eventType, ...parts[eventType], ...overrides };
  return canonicalTransactionV2.parse(candidate);
}

describe('supplyEffectOf', () => {
  it('books a good receipt as + quantity at the payload location, with its provenance', () => {
    const receipt = record('receipt');
    expect(supplyEffectOf(receipt)).toEqual({
      type: 'movement',
      kind: 'receipt',
      transactionId: receipt.transaction_id,
      status: 'active',
      skuCode: 'SKU00001',
      locationCode: 'DC-1',
      occurredAt: new Date('2026-11-27T23:59:59Z'),
      sourceSystem: 'wms',
      correlationId: 'corr-1',
      change: { type: 'delta', units: 12 },
    });
  });

  it('books damaged and rejected receipts with no stock: they are on record but not sellable', () => {
    for (const condition of ['damaged', 'rejected']) {
      const receipt = record('receipt', {
        payload: { receipt_id: 'R1', order_id: null, location_id: 'DC-1', condition },
      });
      expect(supplyEffectOf(receipt)).toMatchObject({
        type: 'movement',
        change: { type: 'delta', units: 0 },
      });
    }
  });

  it('reads a 1.x record like its 2.x form', () => {
    const v2 = record('inventory_adjustment');
    expect(supplyEffectOf(toV1(v2))).toEqual(supplyEffectOf(v2));
    expect(supplyEffectOf(toV1(v2))).toMatchObject({ change: { type: 'delta', units: -3 } });
  });

  it('turns a cycle count into a count of what was found', () => {
    expect(supplyEffectOf(record('cycle_count'))).toMatchObject({
      kind: 'cycle_count',
      change: { type: 'count', counted: 40 },
    });
  });

  it('books a sales order line as demand on the UTC day of its timestamp; other orders do nothing', () => {
    expect(supplyEffectOf(record('order'))).toMatchObject({ type: 'demand', day: '2026-11-27', ordered: 5 });
    const purchase = record('order', {
      payload: { ...record('order').payload, order_type: 'purchase' },
    });
    expect(supplyEffectOf(purchase)).toEqual({ type: 'none', outcome: SupplyOutcome.NOT_APPLICABLE });
  });

  it('turns a promotion into its promotion, the uplift as a fraction and the campaign or promotion id', () => {
    expect(supplyEffectOf(record('promotion'))).toMatchObject({
      type: 'promotion',
      promotionId: 'PROMO-1',
      campaign: 'XMAS',
      channel: 'online',
      startsOn: '2026-12-01',
      endsOn: '2026-12-24',
      expectedUplift: 0.125,
    });
    const withoutCampaign = record('promotion', {
      payload: { ...record('promotion').payload, campaign_id: null },
    });
    expect(supplyEffectOf(withoutCampaign)).toMatchObject({ campaign: 'PROMO-1' });
  });

  it('ignores event types that do not touch supply, and what is not a transaction', () => {
    expect(supplyEffectOf(record('tracking_ping'))).toEqual({
      type: 'none',
      outcome: SupplyOutcome.NOT_APPLICABLE,
    });
    expect(supplyEffectOf('text')).toEqual({ type: 'none', outcome: SupplyOutcome.UNREADABLE_RECORD });
    expect(supplyEffectOf({ event_type: 'receipt', version: '2.0.0' })).toEqual({
      type: 'none',
      outcome: SupplyOutcome.UNREADABLE_RECORD,
    });
  });

  it('refuses a quantity a 32-bit column cannot hold rather than failing the batch', () => {
    const huge = record('inventory_adjustment', { measure: { quantity: -3_000_000_000, uom: 'EA' } });
    expect(supplyEffectOf(huge)).toEqual({ type: 'none', outcome: SupplyOutcome.QUANTITY_OUT_OF_RANGE });
  });

  it('refuses calendar days that do not exist, which would fail the whole batch in SQL', () => {
    const unreadable = { type: 'none', outcome: SupplyOutcome.UNREADABLE_RECORD };
    expect(supplyEffectOf(record('receipt', { timestamp: '2026-13-01T10:00:00Z' }))).toEqual(unreadable);
    const promotion = record('promotion');
    expect(
      supplyEffectOf({ ...promotion, payload: { ...promotion.payload, ends_on: '2026-02-30' } }),
    ).toEqual(unreadable);
  });

  it('reads a marketing signal for a SKU or the whole tenant, its sentiment and its day', () => {
    const payload = {
      channel: 'social',
      platform: 'instagram',
      signal: 'mention',
      count: 340,
      sentiment: 0.35,
      observed_from: '2026-11-26T00:00:00Z',
      observed_to: '2026-11-26T23:59:59Z',
    };
    const forSku = record('marketing_signal', { measure: null, payload });
    expect(supplyEffectOf(forSku)).toEqual({
      type: 'signal',
      skuCode: 'SKU00001',
      day: '2026-11-26',
      metric: 'mentions',
      count: 340,
      sentiment: 0.35,
      source: 'social/instagram',
      transactionId: forSku.transaction_id,
      status: 'active',
      occurredAt: new Date('2026-11-27T23:59:59Z'),
      sourceSystem: 'wms',
      correlationId: 'corr-1',
    });
    const brandWide = record('marketing_signal', {
      sku_id: null,
      measure: null,
      payload: { ...payload, signal: 'click', sentiment: null },
    });
    expect(supplyEffectOf(brandWide)).toMatchObject({
      type: 'signal',
      skuCode: null,
      metric: 'clicks',
      sentiment: null,
    });
  });

  it('keeps the status, so the ledger can correct or cancel', () => {
    expect(supplyEffectOf(record('receipt', { status: 'cancelled' }))).toMatchObject({ status: 'cancelled' });
  });
});

describe('warningCodesOf', () => {
  it('collects codes from the envelope and the record, once each', () => {
    expect(
      warningCodesOf({
        warnings: ['UNKNOWN_SKU', { code: 'UOM_NOT_BASE' }],
        data: { warnings: [{ code: 'UNKNOWN_SKU' }, { code: 'FUTURE_TIMESTAMP', message: 'x' }] },
      }),
    ).toEqual(['UNKNOWN_SKU', 'UOM_NOT_BASE', 'FUTURE_TIMESTAMP']);
    expect(warningCodesOf({ data: record('receipt') })).toEqual([]);
  });
});
