'use client';

import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  QUARANTINE_PAGE_SIZE,
  type QuarantineEntry,
  QuarantineListQuery,
  type QuarantineStatus,
} from '../../graphql/ingestion';
import { formatCount, formatDateTime, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { usePolling } from '../../lib/use-polling';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { IssueList } from './IssueList';
import { QuarantineRecordDetail } from './QuarantineRecordDetail';
import { QuarantineStatusBadge, quarantineStatusLabels } from './QuarantineStatusBadge';

type StatusFilter = QuarantineStatus | 'ALL';

const statusFilters: readonly StatusFilter[] = ['QUARANTINED', 'REPLAYED', 'DISCARDED', 'ALL'];

function filterLabel(filter: StatusFilter): string {
  return filter === 'ALL' ? 'All' : quarantineStatusLabels[filter];
}

function QuarantineItem({
  record,
  selected,
  now,
  onOpen,
}: {
  record: QuarantineEntry;
  selected: boolean;
  now: number;
  onOpen: () => void;
}) {
  return (
    <li
      className={selected ? 'qlist__item qlist__item--selected' : 'qlist__item'}
      data-testid="quarantine-item"
      data-record-id={record.id}
      data-transaction-id={record.transactionId ?? ''}
    >
      <button
        type="button"
        className="qlist__open"
        onClick={onOpen}
        aria-current={selected ? 'true' : undefined}
      >
        <QuarantineStatusBadge status={record.status} />
        <span className="mono qlist__transaction" title="Transaction id">
          {record.transactionId ?? 'no transaction id'}
        </span>
        <span className="qlist__meta">
          <span className="mono">{record.channel}</span>
          {record.sourceSystem && <span className="mono">{record.sourceSystem}</span>}
          <time dateTime={record.quarantinedAt} title={formatDateTime(record.quarantinedAt)}>
            {formatRelative(record.quarantinedAt, now)}
          </time>
        </span>
      </button>
      <IssueList issues={record.reasons} label={`Reasons for record ${record.transactionId ?? record.id}`} />
    </li>
  );
}

/** Records the ingest refused, newest first, filtered by status; opening one shows it for correction. */
export function QuarantinePanel({ pollMs }: { pollMs: number }) {
  const [filter, setFilter] = useState<StatusFilter>('QUARANTINED');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const variables = useMemo(
    () => ({ status: filter === 'ALL' ? null : [filter], first: QUARANTINE_PAGE_SIZE }),
    [filter],
  );
  const [result, reexecute] = useQuery({
    query: QuarantineListQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  usePolling(() => reexecute({ requestPolicy: 'network-only' }), pollMs);
  const now = useNow(15_000);

  const connection = result.data?.quarantinedRecords;
  const records = useMemo(
    () =>
      (connection?.edges.map((edge) => edge.node) ?? []).sort(
        (a, b) => Date.parse(b.quarantinedAt) - Date.parse(a.quarantinedAt),
      ),
    [connection],
  );

  return (
    <section className="panel" aria-labelledby="quarantine-title">
      <header className="panel__head">
        <h2 id="quarantine-title">Quarantine</h2>
        <div className="panel__tools">
          {connection && (
            <span className="panel__hint" data-testid="quarantine-count">
              {records.length < connection.totalCount
                ? `newest ${formatCount(records.length)} of ${formatCount(connection.totalCount)}`
                : `${formatCount(connection.totalCount)} ${connection.totalCount === 1 ? 'record' : 'records'}`}
            </span>
          )}
          <label className="inline-field">
            <span>Status</span>
            <select
              className="field__input field__input--small"
              value={filter}
              onChange={(event) => setFilter(event.target.value as StatusFilter)}
            >
              {statusFilters.map((value) => (
                <option key={value} value={value}>
                  {filterLabel(value)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>

      {result.error && connection && (
        <FailureState error={result.error} prefix="The list could not be refreshed:" />
      )}

      <div className={selectedId ? 'quarantine quarantine--open' : 'quarantine'}>
        <div className="quarantine__list">
          {!connection ? (
            result.error ? (
              <FailureState
                error={result.error}
                onRetry={() => reexecute({ requestPolicy: 'network-only' })}
              />
            ) : (
              <LoadingState label="Loading quarantined records…" />
            )
          ) : records.length === 0 ? (
            <EmptyState title={filter === 'QUARANTINED' ? 'Nothing in quarantine' : 'No records'}>
              Records the ingest refuses appear here with their reasons, newest first.
            </EmptyState>
          ) : (
            <ol
              className="qlist"
              aria-label="Quarantined records, newest first"
              data-testid="quarantine-list"
            >
              {records.map((record) => (
                <QuarantineItem
                  key={record.id}
                  record={record}
                  selected={record.id === selectedId}
                  now={now}
                  onOpen={() => setSelectedId(record.id)}
                />
              ))}
            </ol>
          )}
        </div>
        {selectedId && (
          <div className="quarantine__detail">
            <QuarantineRecordDetail key={selectedId} id={selectedId} onClose={() => setSelectedId(null)} />
          </div>
        )}
      </div>
    </section>
  );
}
