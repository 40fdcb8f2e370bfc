'use client';

import { useQuery } from 'urql';
import { CatalogPropagationQuery } from '../../graphql/master-data';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format';
import { usePolling } from '../../lib/use-polling';
import { EmptyState, FailureState, LoadingState } from '../states/States';

const RECENT_EVENTS = 500;
const POLL_MS = 15_000;

const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** How fast published master-data changes reached the domains that act on them (the catalog's propagation target is 30 min). */
export function EventPropagation() {
  const [result, reexecute] = useQuery({
    query: CatalogPropagationQuery,
    variables: { recentEvents: RECENT_EVENTS },
    requestPolicy: 'cache-and-network',
  });
  usePolling(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
  const rows = result.data?.catalogEventPropagation;

  return (
    <section className="panel" aria-labelledby="propagation-title">
      <header className="panel__head">
        <h2 id="propagation-title">Propagation to other domains</h2>
        <span className="panel__hint">
          Last {formatCount(RECENT_EVENTS)} catalog events: creation → the consumer's commit
        </span>
      </header>
      {!rows ? (
        result.error ? (
          <FailureState error={result.error} />
        ) : (
          <LoadingState label="Loading propagation…" />
        )
      ) : rows.length === 0 ? (
        <EmptyState title="No catalog events consumed yet">
          Published changes, decisions and SLA breaches show here once another domain applied them.
        </EmptyState>
      ) : (
        <table className="data-table" aria-label="Propagation per consumer">
          <thead>
            <tr>
              <th scope="col">Consumer</th>
              <th scope="col">Event</th>
              <th scope="col">Applied</th>
              <th scope="col">Pending</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">Max</th>
              <th scope="col">Last applied</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.consumer} ${row.eventType}`} data-testid="propagation-row">
                <td>{row.consumer}</td>
                <td>{row.eventType}</td>
                <td>{formatCount(row.applied)}</td>
                <td>{formatCount(row.pending)}</td>
                <td>{duration(row.p50Ms ?? null)}</td>
                <td>{duration(row.p95Ms ?? null)}</td>
                <td>{duration(row.maxMs ?? null)}</td>
                <td>{row.lastAppliedAt ? formatDateTime(row.lastAppliedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
