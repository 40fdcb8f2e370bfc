import type { QuarantineStatus } from '../../graphql/ingestion';

export const quarantineStatusLabels: Record<QuarantineStatus, string> = {
  QUARANTINED: 'Quarantined',
  REPLAYED: 'Replayed',
  DISCARDED: 'Discarded',
};

export function QuarantineStatusBadge({ status }: { status: QuarantineStatus }) {
  return (
    <span
      className={`badge badge--${status.toLowerCase()}`}
      data-testid="quarantine-status"
      data-status={status}
    >
      {quarantineStatusLabels[status]}
    </span>
  );
}
