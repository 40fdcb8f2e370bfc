'use client';

import { useQuery } from 'urql';
import { CHANGE_REQUESTS_SHOWN, ChangeRequestsQuery } from '../../graphql/master-data';
import { userIdOfToken } from '../../lib/master-data';
import { useSession } from '../../lib/session';
import { useNow } from '../../lib/use-now';
import { FailureState } from '../states/States';
import { ChangeRequestCard } from './ChangeRequestCard';

const variables = { status: 'PENDING' as const, first: CHANGE_REQUESTS_SHOWN };
// An edit that becomes a change request answers with one: re-read even when the list held none before.
const context = { additionalTypenames: ['ChangeRequest'] };

/** The change requests waiting for a decision on one record; nothing is shown when there are none. */
export function PendingChangeRequests({ entityId, onDecided }: { entityId: string; onDecided: () => void }) {
  const session = useSession();
  const signedInUserId = session ? userIdOfToken(session.accessToken) : null;
  const now = useNow(30_000);
  const [result, reexecute] = useQuery({
    query: ChangeRequestsQuery,
    variables,
    context,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const pending = (result.data?.changeRequests ?? []).filter((request) => request.entityId === entityId);
  if (result.error && !result.data) {
    return (
      <FailureState
        error={result.error}
        prefix="Pending change requests could not be read:"
        onRetry={refresh}
      />
    );
  }
  if (pending.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="pending-title" data-testid="pending-change-requests">
      <header className="panel__head">
        <h2 id="pending-title">Waiting for approval</h2>
        <span className="panel__hint">
          {pending.length === 1 ? '1 change request' : `${pending.length} change requests`} on this record
        </span>
      </header>
      {pending.map((request) => (
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
      ))}
    </section>
  );
}
