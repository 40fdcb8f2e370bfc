import type { EntityType, JsonValue, MasterRecord } from './records';

/** Why a change needs a second pair of eyes. */
export interface ApprovalReason {
  rule: 'DIMENSION_VARIANCE' | 'PRICE_CHANGE' | 'LEAD_TIME_CHANGE' | 'REORDER_POINT_CHANGE';
  field: string;
  before: JsonValue;
  after: JsonValue;
  /** Relative change (0.03 = 3 %) or, for lead time, hours. */
  variance: number;
  threshold: number;
}

/** Beyond these a change becomes a change request; at or below them it is published at once. */
export const APPROVAL_THRESHOLDS = {
  /** Relative change of a SKU's length, width, height or weight. */
  dimensionVariance: 0.02,
  /** Relative change of a SKU's list price. */
  priceChange: 0.01,
  /** Absolute change of a supplier's lead time, hours. */
  leadTimeHours: 24,
  /** Relative change of a replenishment policy's reorder point. */
  reorderPointChange: 0.05,
} as const;

const DIMENSION_FIELDS = ['lengthMm', 'widthMm', 'heightMm', 'weightGrams'] as const;

/**
 * |after − before| / before. A value set for the first time, or cleared, has no variance to measure: the
 * record's schema already bounds the new value, and a first measurement is not a drift.
 */
export function relativeChange(before: JsonValue, after: JsonValue): number | null {
  if (typeof before !== 'number' || typeof after !== 'number') return null;
  if (before === 0) return after === 0 ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(after - before) / Math.abs(before);
}

function relativeReason(
  rule: ApprovalReason['rule'],
  field: string,
  before: JsonValue,
  after: JsonValue,
  threshold: number,
): ApprovalReason | null {
  const variance = relativeChange(before, after);
  return variance !== null && variance > threshold
    ? { rule, field, before, after, variance, threshold }
    : null;
}

/** The thresholds an edit of an existing record crosses (none: publish at once). New records need none. */
export function approvalReasons(
  entityType: EntityType,
  before: MasterRecord | null,
  after: MasterRecord,
): ApprovalReason[] {
  if (!before) return [];
  const reasons: Array<ApprovalReason | null> = [];
  if (entityType === 'SKU') {
    for (const field of DIMENSION_FIELDS) {
      reasons.push(
        relativeReason(
          'DIMENSION_VARIANCE',
          field,
          before[field] ?? null,
          after[field] ?? null,
          APPROVAL_THRESHOLDS.dimensionVariance,
        ),
      );
    }
    reasons.push(
      relativeReason(
        'PRICE_CHANGE',
        'priceCents',
        before.priceCents ?? null,
        after.priceCents ?? null,
        APPROVAL_THRESHOLDS.priceChange,
      ),
    );
  }
  if (entityType === 'SUPPLIER') {
    const hours = Math.abs(Number(after.leadTimeHours) - Number(before.leadTimeHours));
    if (hours > APPROVAL_THRESHOLDS.leadTimeHours) {
      reasons.push({
        rule: 'LEAD_TIME_CHANGE',
        field: 'leadTimeHours',
        before: before.leadTimeHours ?? null,
        after: after.leadTimeHours ?? null,
        variance: hours,
        threshold: APPROVAL_THRESHOLDS.leadTimeHours,
      });
    }
  }
  return reasons.filter((reason) => reason !== null);
}

/** The reason a proposed replenishment policy needs approval, or null within the threshold. */
export function reorderPointReason(before: number, after: number): ApprovalReason | null {
  return relativeReason(
    'REORDER_POINT_CHANGE',
    'reorderPoint',
    before,
    after,
    APPROVAL_THRESHOLDS.reorderPointChange,
  );
}
