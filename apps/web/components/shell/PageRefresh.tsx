import { formatClock } from '../../lib/format';

/** A page head's refresh action, with when the figures were last read when the page shows it. */
export function PageRefresh({
  onRefresh,
  busy,
  updatedAt,
  testId,
}: {
  onRefresh: () => void;
  busy: boolean;
  updatedAt?: Date | null;
  /** data-testid of the "Updated …" time. */
  testId?: string;
}) {
  return (
    <>
      {updatedAt && (
        <span className="page-head__updated" data-testid={testId}>
          Updated {formatClock(updatedAt)}
        </span>
      )}
      <button type="button" className="button button--small" onClick={onRefresh} disabled={busy}>
        Refresh
      </button>
    </>
  );
}
