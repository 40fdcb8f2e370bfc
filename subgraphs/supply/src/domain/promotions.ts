import type { TransactionStatus } from './ingested-transaction';

/** A promotion record (one per SKU) whose SKU code was resolved to an id. */
export interface ResolvedPromotion {
  tenantId: string;
  skuId: string;
  status: TransactionStatus;
  promotionId: string;
  campaign: string;
  channel: string;
  startsOn: string;
  endsOn: string;
  expectedUplift: number;
}

export interface PromotionUpsert {
  tenantId: string;
  promotionId: string;
  campaign: string;
  channel: string;
  startsOn: string;
  endsOn: string;
  expectedUplift: number;
  /** SKUs the promotion now covers, in addition to those it already did. */
  skuIds: string[];
}

export interface PromotionWithdrawal {
  tenantId: string;
  promotionId: string;
  skuIds: string[];
}

/**
 * A batch's promotion records, one promotion per tenant and promotion_id. The canonical model sends a
 * promotion once per SKU, so a promotion covers every SKU of its records; the latest record sets its
 * terms. A cancelled record withdraws its SKU (the store deletes a promotion left with none). Per SKU the
 * last record of the batch decides whether it is in or out.
 */
export function foldPromotions(records: readonly ResolvedPromotion[]): {
  upserts: PromotionUpsert[];
  withdrawals: PromotionWithdrawal[];
} {
  const terms = new Map<string, PromotionUpsert>();
  const coverage = new Map<string, { tenantId: string; promotionId: string; skuIn: Map<string, boolean> }>();
  for (const record of records) {
    const { tenantId, promotionId, campaign, channel, startsOn, endsOn, expectedUplift } = record;
    const key = `${tenantId}|${promotionId}`;
    let covered = coverage.get(key);
    if (!covered) {
      covered = { tenantId, promotionId, skuIn: new Map() };
      coverage.set(key, covered);
    }
    covered.skuIn.set(record.skuId, record.status !== 'cancelled');
    if (record.status !== 'cancelled') {
      terms.set(key, {
        tenantId,
        promotionId,
        campaign,
        channel,
        startsOn,
        endsOn,
        expectedUplift,
        skuIds: [],
      });
    }
  }

  const upserts: PromotionUpsert[] = [];
  const withdrawals: PromotionWithdrawal[] = [];
  for (const [key, { tenantId, promotionId, skuIn }] of coverage) {
    const skus = [...skuIn];
    const upsert = terms.get(key);
    if (upsert) upserts.push({ ...upsert, skuIds: skus.filter(([, isIn]) => isIn).map(([skuId]) => skuId) });
    const removed = skus.filter(([, isIn]) => !isIn).map(([skuId]) => skuId);
    if (removed.length > 0) withdrawals.push({ tenantId, promotionId, skuIds: removed });
  }
  return { upserts, withdrawals };
}
