'use client';

import { useQuery } from 'urql';
import { CHANGE_REQUESTS_SHOWN, ChangeRequestsQuery } from '../../graphql/master-data';
import { userIdOfToken } from '../../lib/master-data';
import { useSession } from '../../lib/session';
import { useNow } from '../../lib/use-now';
import { FailureState } from '../states/States';
import { ChangeRequestCard } from './ChangeRequestCard';

const pendingVariables = { status: 'PENDING' as const, first: CHANGE_REQUESTS_SHOWN };
const approvedVariables = { status: 'APPROVED' as const, first: CHANGE_REQUESTS_SHOWN };
// An edit that becomes a change request answers with one: re-read even when the list held none before.
const context = { additionalTypenames: ['ChangeRequest'] };

/**
 * The change requests waiting on one record: for a decision, and approved ones waiting for their effective
 * date. Nothing is shown when there are none.
 */
export function PendingChangeRequests({ entityId, onDecided }: { entityId: string; onDecided: () => void }) {
  const session = useSession();
  const signedInUserId = session ? userIdOfToken(session.accessToken) : null;
  const now = useNow(30_000);
  const [result, reexecute] = useQuery({
    query: ChangeRequestsQuery,
    variables: pendingVariables,
    context,
    requestPolicy: 'cache-and-network',
  });
  const [approved, reexecuteApproved] = useQuery({
    query: ChangeRequestsQuery,
    variables: approvedVariables,
    context,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteApproved({ requestPolicy: 'network-only' });
  };
  const pending = (result.data?.changeRequests ?? []).filter((request) => request.entityId === entityId);
  const scheduled = (approved.data?.changeRequests ?? []).filter(
    (request) => request.entityId === entityId && request.publishedVersion === null && request.effectiveAt,
  );
  if (result.error && !result.data) {
    return (
      <FailureState
        error={result.error}
        prefix="Pending change requests could not be read:"
        onRetry={refresh}
      />
    );
  }
  const cardOf = (request: (typeof pending)[number]) => (
    <ChangeRequestCard
      key={request.id}
      request={request}
      signedInUserId={signedInUserId}
      now={now}
      showRecordLink={false}
      onDecided={() => {
        refresh();
        onDecided();
      }}
    />
  );
  return (
    <>
      {pending.length > 0 && (
        <section className="panel" aria-labelledby="pending-title" data-testid="pending-change-requests">
          <header className="panel__head">
            <h2 id="pending-title">Waiting for approval</h2>
            <span className="panel__hint">
              {pending.length === 1 ? '1 change request' : `${pending.length} change requests`} on this record
            </span>
          </header>
          {pending.map(cardOf)}
        </section>
      )}
      {scheduled.length > 0 && (
        <section className="panel" aria-labelledby="scheduled-title" data-testid="scheduled-change-requests">
          <header className="panel__head">
            <h2 id="scheduled-title">Scheduled</h2>
            <span className="panel__hint">approved, published at their effective date</span>
          </header>
          {scheduled.map(cardOf)}
        </section>
      )}
    </>
  );
}
