import type { ChangeRequestStatus } from '../../graphql/master-data';

const labels: Record<ChangeRequestStatus, string> = {
  PENDING: 'Pending approval',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  LAPSED: 'Lapsed',
};

export function ChangeRequestStatusBadge({ status }: { status: ChangeRequestStatus }) {
  return (
    <span
      className={`badge badge--${status.toLowerCase()}`}
      data-testid="change-request-status"
      data-status={status}
    >
      {labels[status]}
    </span>
  );
}
