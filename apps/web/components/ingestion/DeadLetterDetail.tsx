'use client';

import { useMutation, useQuery } from 'urql';
import { DeadLetterQuery, ReplayDeadLetterMutation } from '../../graphql/ingestion';
import { formatCount, formatDateTime } from '../../lib/format';
import { prettyRecordJson } from '../../lib/record-json';
import { EmptyState, FailureState, LoadingState } from '../states/States';

/** One dead letter: the error the consumer gave up with, the event's payload, and a way to hand it back. */
export function DeadLetterDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const [result, reexecute] = useQuery({
    query: DeadLetterQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [replaying, replay] = useMutation(ReplayDeadLetterMutation);

  const letter = result.data?.deadLetter;
  if (!letter) {
    if (result.error) {
      return (
        <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      );
    }
    if (result.fetching || !result.data) return <LoadingState label="Loading the dead letter…" />;
    return (
      <EmptyState title="This dead letter no longer exists">Choose another one from the list.</EmptyState>
    );
  }

  return (
    <article
      className="qrecord"
      aria-labelledby="dead-letter-title"
      data-testid="dead-letter-detail"
      data-dead-letter-id={id}
    >
      <header className="qrecord__head">
        <div>
          <h3 id="dead-letter-title" className="qrecord__title">
            <span className="mono">{letter.eventType}</span> for{' '}
            <span className="mono">{letter.consumer}</span>
          </h3>
          <dl className="facts">
            <div>
              <dt>Event</dt>
              <dd className="mono">{letter.eventId}</dd>
            </div>
            <div>
              <dt>Correlation</dt>
              <dd className="mono">{letter.correlationId ?? '—'}</dd>
            </div>
            <div>
              <dt>Attempts</dt>
              <dd>{formatCount(letter.attempts)}</dd>
            </div>
            <div>
              <dt>Gave up</dt>
              <dd>
                <time dateTime={letter.deadAt}>{formatDateTime(letter.deadAt)}</time>
              </dd>
            </div>
          </dl>
        </div>
        <button type="button" className="button button--small button--ghost" onClick={onClose}>
          Close
        </button>
      </header>

      <section className="dead-letter__part" aria-labelledby="dead-letter-error-title">
        <h4 id="dead-letter-error-title">
          Last error <code className="error-code">{letter.errorCode}</code>
        </h4>
        <pre className="code-block" data-testid="dead-letter-error">
          {letter.lastError}
        </pre>
      </section>

      <section className="dead-letter__part" aria-labelledby="dead-letter-payload-title">
        <h4 id="dead-letter-payload-title">Payload</h4>
        <pre className="code-block code-block--tall" data-testid="dead-letter-payload">
          {prettyRecordJson(letter.payloadJson)}
        </pre>
      </section>

      {letter.replayedAt && (
        <p className="notice" role="status" data-testid="dead-letter-replayed">
          Handed back to <span className="mono">{letter.consumer}</span> on{' '}
          {formatDateTime(letter.replayedAt)}.
        </p>
      )}
      <div className="qrecord__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void replay({ id })}
          disabled={replaying.fetching}
        >
          {replaying.fetching ? 'Replaying…' : letter.replayedAt ? 'Replay again' : 'Replay'}
        </button>
      </div>
      {replaying.error && <FailureState error={replaying.error} prefix="The event was not replayed:" />}
    </article>
  );
}
