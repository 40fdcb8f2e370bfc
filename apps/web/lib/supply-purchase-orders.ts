import { daysBetween } from './supply-format';

export type ProposalStatus = 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'RELEASED';

export const proposalStatuses: readonly { status: ProposalStatus; label: string }[] = [
  { status: 'PROPOSED', label: 'Proposed' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'REJECTED', label: 'Rejected' },
  { status: 'RELEASED', label: 'Released' },
];

export function proposalStatusLabel(status: string): string {
  return proposalStatuses.find((entry) => entry.status === status)?.label ?? status;
}

export interface ProposalLike {
  id: string;
  quantity: number;
  unitCostCents: number;
  projectedStockoutOn: string | null;
  triggerDay: string;
  createdAt: string;
}

/** What the order would cost: quantity × unit cost, in cents. */
export function proposalValueCents(proposal: Pick<ProposalLike, 'quantity' | 'unitCostCents'>): number {
  return proposal.quantity * proposal.unitCostCents;
}

/** Days left until the projected stock-out (0 = today, negative = already past); null when none is projected. */
export function daysUntilStockout(
  proposal: Pick<ProposalLike, 'projectedStockoutOn'>,
  today: string,
): number | null {
  return proposal.projectedStockoutOn === null ? null : daysBetween(today, proposal.projectedStockoutOn);
}

/** The queue order: soonest projected stock-out first, then the earliest trigger day, then the oldest proposal. */
export function sortQueue<T extends ProposalLike>(proposals: readonly T[]): T[] {
  return [...proposals].sort(
    (a, b) =>
      (a.projectedStockoutOn ?? '9999-12-31').localeCompare(b.projectedStockoutOn ?? '9999-12-31') ||
      a.triggerDay.localeCompare(b.triggerDay) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/** A reason for rejecting is required and kept short enough to read in the audit trail. */
export function rejectionReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return 'Say why the proposal is rejected; the reason stays with it.';
  if (trimmed.length > 500) return 'Keep the reason to 500 characters.';
  return null;
}
