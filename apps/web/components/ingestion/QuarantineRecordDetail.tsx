'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CorrectQuarantinedRecordMutation,
  DiscardQuarantinedRecordMutation,
  type Issue,
  type QuarantineEntry,
  QuarantineRecordQuery,
} from '../../graphql/ingestion';
import { formatCount, formatDateTime } from '../../lib/format';
import { parseRecordJson, prettyRecordJson, skuCodeOf } from '../../lib/record-json';
import { skuPath } from '../../lib/sku';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { IssueList } from './IssueList';
import { QuarantineStatusBadge } from './QuarantineStatusBadge';

interface Correction {
  record: QuarantineEntry;
  issues: readonly Issue[];
  warnings: readonly Issue[];
  /** The JSON that was sent, so the issues can show the values they refer to. */
  sentJson: string;
}

function CorrectionOutcome({ correction }: { correction: Correction }) {
  const { record, issues, warnings, sentJson } = correction;
  if (issues.length > 0) {
    return (
      <div
        className="outcome outcome--rejected"
        role="alert"
        data-testid="correction-outcome"
        data-outcome="rejected"
      >
        <p>
          The corrected record was not accepted: {formatCount(issues.length)}{' '}
          {issues.length === 1 ? 'issue' : 'issues'} left. Fix {issues.length === 1 ? 'it' : 'them'} and
          replay again.
        </p>
        <IssueList issues={issues} recordJson={sentJson} label="Issues of the corrected record" />
      </div>
    );
  }
  return (
    <div
      className="outcome outcome--accepted"
      role="status"
      data-testid="correction-outcome"
      data-outcome="accepted"
    >
      <p>
        Accepted
        {record.replayedTransactionId && (
          <>
            {' '}
            as transaction <span className="mono">{record.replayedTransactionId}</span>
          </>
        )}
        . The record is now {record.status === 'REPLAYED' ? 'replayed' : record.status.toLowerCase()}.
      </p>
      {warnings.length > 0 && (
        <IssueList
          issues={warnings}
          recordJson={sentJson}
          label="Warnings it was accepted with"
          tone="warning"
        />
      )}
    </div>
  );
}

function Resolution({ record }: { record: QuarantineEntry }) {
  if (record.status === 'QUARANTINED') return null;
  return (
    <p className="notice" data-testid="quarantine-resolution">
      {record.status === 'REPLAYED' ? 'Replayed' : 'Discarded'}
      {record.resolvedAt && ` on ${formatDateTime(record.resolvedAt)}`}
      {record.replayedTransactionId && (
        <>
          {' '}
          as transaction <span className="mono">{record.replayedTransactionId}</span>
        </>
      )}
      . It can no longer be changed.
    </p>
  );
}

/** One quarantined record: its JSON to correct and replay (or a reason to discard it), its reasons beside. */
export function QuarantineRecordDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const [result, reexecute] = useQuery({
    query: QuarantineRecordQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [draft, setDraft] = useState<string | null>(null);
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [correction, setCorrection] = useState<Correction | null>(null);
  const [discardReason, setDiscardReason] = useState('');
  const [correcting, correct] = useMutation(CorrectQuarantinedRecordMutation);
  const [discarding, discard] = useMutation(DiscardQuarantinedRecordMutation);

  const record = result.data?.quarantinedRecord;
  if (!record) {
    if (result.error) {
      return (
        <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      );
    }
    if (result.fetching || !result.data) return <LoadingState label="Loading the record…" />;
    return (
      <EmptyState title="This record no longer exists">
        It may have been removed. Choose another record from the list.
      </EmptyState>
    );
  }

  const text = draft ?? prettyRecordJson(record.recordJson);
  const editable = record.status === 'QUARANTINED';
  const skuCode = skuCodeOf(text) ?? skuCodeOf(record.recordJson);
  const busy = correcting.fetching || discarding.fetching;

  async function replay() {
    const parsed = parseRecordJson(text);
    if (!parsed.ok) {
      setJsonProblem(parsed.message);
      return;
    }
    setJsonProblem(null);
    setCorrection(null);
    const answer = await correct({ id, recordJson: parsed.compact });
    const outcome = answer.data?.correctQuarantinedRecord;
    if (outcome) setCorrection({ ...outcome, sentJson: parsed.compact });
  }

  async function onDiscard(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = discardReason.trim();
    if (!reason) return;
    setCorrection(null);
    await discard({ id, reason });
  }

  return (
    <article
      className="qrecord"
      aria-labelledby="qrecord-title"
      data-testid="quarantine-detail"
      data-record-id={id}
    >
      <header className="qrecord__head">
        <div>
          <h3 id="qrecord-title" className="qrecord__title">
            Record from <span className="mono">{record.channel}</span>{' '}
            <QuarantineStatusBadge status={record.status} />
          </h3>
          <dl className="facts">
            <div>
              <dt>Transaction</dt>
              <dd className="mono">{record.transactionId ?? '—'}</dd>
            </div>
            <div>
              <dt>Correlation</dt>
              <dd className="mono">{record.correlationId ?? '—'}</dd>
            </div>
            <div>
              <dt>Source system</dt>
              <dd className="mono">{record.sourceSystem ?? '—'}</dd>
            </div>
            <div>
              <dt>Quarantined</dt>
              <dd>
                <time dateTime={record.quarantinedAt}>{formatDateTime(record.quarantinedAt)}</time>
              </dd>
            </div>
            {skuCode && (
              <div>
                <dt>SKU</dt>
                <dd>
                  <Link href={skuPath(skuCode)} className="mono" data-testid="quarantine-sku-link">
                    {skuCode}
                  </Link>
                </dd>
              </div>
            )}
          </dl>
        </div>
        <button type="button" className="button button--small button--ghost" onClick={onClose}>
          Close
        </button>
      </header>

      <Resolution record={record} />

      <div className="qrecord__body">
        <div className="qrecord__editor">
          <label className="field">
            <span className="field__label">Record JSON</span>
            <textarea
              className="field__input json-editor"
              value={text}
              onChange={(event) => {
                setDraft(event.target.value);
                setJsonProblem(null);
              }}
              readOnly={!editable}
              spellCheck={false}
              rows={Math.min(28, Math.max(10, text.split('\n').length + 1))}
              aria-invalid={jsonProblem !== null}
              aria-describedby={jsonProblem ? 'qrecord-json-problem' : undefined}
            />
          </label>
          {jsonProblem && (
            <p className="form-error" id="qrecord-json-problem" role="alert" data-testid="json-problem">
              {jsonProblem}
            </p>
          )}
          {editable && (
            <div className="qrecord__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void replay()}
                disabled={busy}
              >
                {correcting.fetching ? 'Replaying…' : 'Correct and replay'}
              </button>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => {
                  setDraft(null);
                  setJsonProblem(null);
                }}
                disabled={busy || draft === null}
              >
                Undo my changes
              </button>
            </div>
          )}
        </div>

        <aside className="qrecord__reasons" aria-labelledby="qrecord-reasons-title">
          <h4 id="qrecord-reasons-title">Why it was quarantined</h4>
          {record.reasons.length === 0 ? (
            <p className="panel__hint">No reasons were recorded.</p>
          ) : (
            <IssueList issues={record.reasons} recordJson={text} label="Reasons" />
          )}
        </aside>
      </div>

      {correcting.error && <FailureState error={correcting.error} prefix="The record was not replayed:" />}
      {correction && <CorrectionOutcome correction={correction} />}

      {editable && (
        <form className="qrecord__discard" onSubmit={onDiscard} aria-label="Discard the record">
          <label className="field qrecord__discard-reason">
            <span className="field__label">Reason for discarding</span>
            <input
              className="field__input"
              value={discardReason}
              onChange={(event) => setDiscardReason(event.target.value)}
              placeholder="e.g. test data sent by mistake"
              maxLength={500}
              required
            />
          </label>
          <button type="submit" className="button" disabled={busy || discardReason.trim() === ''}>
            {discarding.fetching ? 'Discarding…' : 'Discard'}
          </button>
        </form>
      )}
      {discarding.error && <FailureState error={discarding.error} prefix="The record was not discarded:" />}
    </article>
  );
}
