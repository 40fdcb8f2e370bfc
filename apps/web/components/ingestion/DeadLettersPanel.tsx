'use client';

import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { DEAD_LETTERS_SHOWN, type DeadLetterEntry, DeadLettersQuery } from '../../graphql/ingestion';
import { formatCount, formatDateTime, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { usePolling } from '../../lib/use-polling';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { DeadLetterDetail } from './DeadLetterDetail';

const variables = { first: DEAD_LETTERS_SHOWN };

function DeadLetterItem({
  letter,
  selected,
  now,
  onOpen,
}: {
  letter: DeadLetterEntry;
  selected: boolean;
  now: number;
  onOpen: () => void;
}) {
  return (
    <li
      className={selected ? 'qlist__item qlist__item--selected' : 'qlist__item'}
      data-testid="dead-letter-item"
      data-event-id={letter.eventId}
    >
      <button
        type="button"
        className="qlist__open"
        onClick={onOpen}
        aria-current={selected ? 'true' : undefined}
      >
        {letter.replayedAt ? (
          <span className="badge badge--replayed">Replayed</span>
        ) : (
          <span className="badge badge--quarantined">Dead</span>
        )}
        <span className="mono qlist__transaction">{letter.eventType}</span>
        <span className="qlist__meta">
          <span className="mono">{letter.consumer}</span>
          <span>
            {formatCount(letter.attempts)} {letter.attempts === 1 ? 'attempt' : 'attempts'}
          </span>
          <time dateTime={letter.deadAt} title={formatDateTime(letter.deadAt)}>
            {formatRelative(letter.deadAt, now)}
          </time>
        </span>
      </button>
      <span className="issue">
        <span className="issue__head">
          <code className="error-code">{letter.errorCode}</code>
        </span>
        <span className="issue__message">{letter.lastError}</span>
      </span>
    </li>
  );
}

/** Events a consumer gave up on after its retries, newest first; each can be inspected and replayed. */
export function DeadLettersPanel({ pollMs }: { pollMs: number }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [result, reexecute] = useQuery({
    query: DeadLettersQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  usePolling(() => reexecute({ requestPolicy: 'network-only' }), pollMs);
  const now = useNow(15_000);

  const letters = useMemo(
    () => [...(result.data?.deadLetters ?? [])].sort((a, b) => Date.parse(b.deadAt) - Date.parse(a.deadAt)),
    [result.data],
  );

  return (
    <section className="panel ingestion__section" aria-labelledby="dead-letters-title">
      <header className="panel__head">
        <h2 id="dead-letters-title">Dead letters</h2>
        {result.data && (
          <span className="panel__hint" data-testid="dead-letter-count">
            {letters.length === DEAD_LETTERS_SHOWN ? 'newest ' : ''}
            {formatCount(letters.length)} {letters.length === 1 ? 'event' : 'events'} consumers gave up on
          </span>
        )}
      </header>
      {result.error && result.data && (
        <FailureState error={result.error} prefix="The list could not be refreshed:" />
      )}
      <div className={selectedId ? 'quarantine quarantine--open' : 'quarantine'}>
        <div className="quarantine__list">
          {!result.data ? (
            result.error ? (
              <FailureState
                error={result.error}
                onRetry={() => reexecute({ requestPolicy: 'network-only' })}
              />
            ) : (
              <LoadingState label="Loading dead letters…" />
            )
          ) : letters.length === 0 ? (
            <EmptyState title="No dead letters">
              Events a consumer cannot apply after its retries appear here, with the error, to inspect and
              replay.
            </EmptyState>
          ) : (
            <ol className="qlist" aria-label="Dead letters, newest first" data-testid="dead-letter-list">
              {letters.map((letter) => (
                <DeadLetterItem
                  key={letter.id}
                  letter={letter}
                  selected={letter.id === selectedId}
                  now={now}
                  onOpen={() => setSelectedId(letter.id)}
                />
              ))}
            </ol>
          )}
        </div>
        {selectedId && (
          <div className="quarantine__detail">
            <DeadLetterDetail key={selectedId} id={selectedId} onClose={() => setSelectedId(null)} />
          </div>
        )}
      </div>
    </section>
  );
}
