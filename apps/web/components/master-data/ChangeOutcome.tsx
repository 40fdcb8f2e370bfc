import type { MasterChangeOutcome } from '../../graphql/master-data';
import { formatDateTime } from '../../lib/format';
import { describeApprovalReason } from '../../lib/master-data';

/** What an edit or a rollback did: published as a new version, scheduled, staged for approval, or nothing to change. */
export function ChangeOutcome({ result }: { result: MasterChangeOutcome }) {
  if (result.outcome === 'PENDING_APPROVAL' && result.changeRequest) {
    const { reasons } = result.changeRequest;
    return (
      <div className="notice" role="status" data-testid="change-outcome" data-outcome="PENDING_APPROVAL">
        <p>
          <strong>Waiting for approval.</strong> The change is staged as a change request; another user with
          the right role must approve it before it is published.
        </p>
        {reasons.length > 0 && (
          <ul className="md-cr__reasons" aria-label="Why it needs approval">
            {reasons.map((reason) => (
              <li key={`${reason.rule}/${reason.field}`}>{describeApprovalReason(reason)}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (result.outcome === 'SCHEDULED' && result.changeRequest) {
    return (
      <div className="notice" role="status" data-testid="change-outcome" data-outcome="SCHEDULED">
        <p>
          <strong>Scheduled.</strong> The change is within the approval thresholds and will be published
          {result.changeRequest.effectiveAt ? ` on ${formatDateTime(result.changeRequest.effectiveAt)}` : ''}.
        </p>
      </div>
    );
  }
  if (result.outcome === 'PUBLISHED' && result.version) {
    return (
      <div
        className="outcome outcome--accepted"
        role="status"
        data-testid="change-outcome"
        data-outcome="PUBLISHED"
      >
        <p>
          Published as version {result.version.version} ({result.version.tag}).
        </p>
      </div>
    );
  }
  return (
    <div className="notice" role="status" data-testid="change-outcome" data-outcome={result.outcome}>
      <p>Nothing changed: the values are the ones already published.</p>
    </div>
  );
}
