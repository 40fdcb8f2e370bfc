'use client';

import { useState } from 'react';
import { useQuery } from 'urql';
import {
  CHANGE_REQUESTS_SHOWN,
  type ChangeRequestEntry,
  type ChangeRequestStatus,
  ChangeRequestsQuery,
} from '../../graphql/master-data';
import { formatCount } from '../../lib/format';
import { userIdOfToken } from '../../lib/master-data';
import { useSession } from '../../lib/session';
import { useNow } from '../../lib/use-now';
import { usePolling } from '../../lib/use-polling';
import { PageHead } from '../shell/PageHead';
import { PageRefresh } from '../shell/PageRefresh';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { ChangeRequestCard } from './ChangeRequestCard';
import { ToggleGroup } from './ToggleGroup';

/** Requests are made in other sessions and the gateway pushes none: the queue is re-read this often. */
const POLL_MS = 10_000;
const context = { additionalTypenames: ['ChangeRequest'] };

const filters: readonly { status: ChangeRequestStatus | null; label: string }[] = [
  { status: 'PENDING', label: 'Pending' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'REJECTED', label: 'Rejected' },
  { status: 'WITHDRAWN', label: 'Withdrawn' },
  { status: 'LAPSED', label: 'Lapsed' },
  { status: null, label: 'All' },
];

/** Changes beyond the approval thresholds, oldest decisions last: approve, reject, acknowledge or withdraw. */
export function ChangeRequestQueue() {
  const session = useSession();
  const signedInUserId = session ? userIdOfToken(session.accessToken) : null;
  const now = useNow(30_000);
  const [status, setStatus] = useState<ChangeRequestStatus | null>('PENDING');
  const [result, reexecute] = useQuery({
    query: ChangeRequestsQuery,
    variables: { status, first: CHANGE_REQUESTS_SHOWN },
    context,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  // Decisions made here stay in view after the re-read drops them from the filtered list.
  const [decided, setDecided] = useState<readonly ChangeRequestEntry[]>([]);
  const onDecided = (updated: ChangeRequestEntry) => {
    setDecided((current) => [updated, ...current.filter((entry) => entry.id !== updated.id)]);
    refresh();
  };
  const decidedIds = new Set(decided.map((entry) => entry.id));
  const requests = result.data?.changeRequests.filter((request) => !decidedIds.has(request.id));
  const filterLabel = filters.find((entry) => entry.status === status)?.label ?? 'All';

  return (
    <div className="md-stack">
      <PageHead
        title="Change requests"
        subtitle="Edits beyond the approval thresholds, staged until a user other than the requester decides"
      >
        <PageRefresh onRefresh={refresh} busy={result.fetching} />
      </PageHead>
      {decided.length > 0 && (
        <section className="panel" aria-labelledby="decided-title" data-testid="decided-change-requests">
          <header className="panel__head">
            <h2 id="decided-title">Decided just now</h2>
            <span className="panel__hint">by you, in this visit</span>
          </header>
          {decided.map((request) => (
            <ChangeRequestCard
              key={request.id}
              request={request}
              signedInUserId={signedInUserId}
              now={now}
              onDecided={onDecided}
            />
          ))}
        </section>
      )}
      <section className="panel" aria-labelledby="queue-title">
        <header className="panel__head">
          <h2 id="queue-title">Queue</h2>
          <ToggleGroup
            legend="Status"
            options={filters.map((entry) => ({ value: entry.status, label: entry.label }))}
            value={status}
            onChange={setStatus}
          />
        </header>
        {result.error && requests && (
          <FailureState error={result.error} prefix="The queue could not be refreshed:" />
        )}
        {!requests ? (
          result.error ? (
            <FailureState error={result.error} onRetry={refresh} />
          ) : (
            <LoadingState label="Loading change requests…" />
          )
        ) : requests.length === 0 ? (
          <EmptyState
            title={
              status === 'PENDING'
                ? 'Nothing waits for a decision'
                : `No ${filterLabel.toLowerCase()} change requests`
            }
          >
            Edits within the thresholds are published at once and do not appear here.
          </EmptyState>
        ) : (
          <>
            <p className="panel__hint" data-testid="queue-count">
              {formatCount(requests.length)} {requests.length === 1 ? 'change request' : 'change requests'}
              {requests.length === CHANGE_REQUESTS_SHOWN && ' (the newest shown)'}
            </p>
            {requests.map((request) => (
              <ChangeRequestCard
                key={request.id}
                request={request}
                signedInUserId={signedInUserId}
                now={now}
                onDecided={onDecided}
              />
            ))}
          </>
        )}
      </section>
    </div>
  );
}
