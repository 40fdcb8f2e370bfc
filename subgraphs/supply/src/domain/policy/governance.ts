/**
 * Which recomputed policies apply on their own and which need an approver: a reorder point that moves by more
 * than 5 % changes how much capital sits in stock, so it goes to the catalog as a change request.
 */
export const POLICY_CHANGE_THRESHOLD = 0.05;

export interface PolicyFigures {
  reorderPoint: number;
  safetyStock: number;
  orderQuantity: number;
}

export type PolicyChangeDecision =
  | { kind: 'APPLY'; variance: number }
  | { kind: 'PROPOSE'; variance: number }
  /** Nothing changes: a proposal is already waiting, or the approver rejected about this very change. */
  | { kind: 'KEEP'; variance: number; reason: 'PENDING_APPROVAL' | 'REJECTED_BEFORE' };

/** |after − before| / before; a move away from a reorder point of 0 is an infinite relative change. */
export function reorderPointVariance(before: number, after: number): number {
  if (before === after) return 0;
  if (before <= 0) return Number.POSITIVE_INFINITY;
  return Math.abs(after - before) / before;
}

export function decidePolicyChange(input: {
  /** The policy in force; null when the position has none yet (the first policy applies directly) */
  current: PolicyFigures | null;
  pendingApproval: boolean;
  /** Reorder point of the last change the approver rejected, if any */
  rejectedReorderPoint: number | null;
  next: PolicyFigures;
}): PolicyChangeDecision {
  const { current, pendingApproval, rejectedReorderPoint, next } = input;
  if (current === null) return { kind: 'APPLY', variance: 0 };
  const variance = reorderPointVariance(current.reorderPoint, next.reorderPoint);
  if (pendingApproval) return { kind: 'KEEP', variance, reason: 'PENDING_APPROVAL' };
  if (variance <= POLICY_CHANGE_THRESHOLD) return { kind: 'APPLY', variance };
  if (
    rejectedReorderPoint !== null &&
    reorderPointVariance(rejectedReorderPoint, next.reorderPoint) <= POLICY_CHANGE_THRESHOLD
  ) {
    return { kind: 'KEEP', variance, reason: 'REJECTED_BEFORE' };
  }
  return { kind: 'PROPOSE', variance };
}
