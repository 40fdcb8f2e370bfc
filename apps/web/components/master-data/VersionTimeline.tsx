'use client';

import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import {
  type MasterChangeOutcome,
  type MasterVersion,
  RollbackMasterRecordMutation,
} from '../../graphql/master-data';
import { formatDateTime } from '../../lib/format';
import {
  describeUser,
  type MasterEntity,
  orderedPair,
  type ReferenceNames,
  userIdOfToken,
} from '../../lib/master-data';
import { commentProblem } from '../../lib/master-data-validation';
import { useSession } from '../../lib/session';
import { EmptyState, FailureState } from '../states/States';
import { ChangeOutcome } from './ChangeOutcome';
import { DiffTable } from './DiffTable';
import { VersionDiff } from './VersionDiff';

function RollbackForm({
  entityType,
  id,
  version,
  onDone,
  onCancel,
}: {
  entityType: MasterEntity;
  id: string;
  version: MasterVersion;
  onDone: (result: MasterChangeOutcome) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [{ fetching, error }, rollback] = useMutation(RollbackMasterRecordMutation);
  const problem = attempted ? commentProblem(reason) : null;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (commentProblem(reason)) return;
    const comment = reason.trim();
    const answer = await rollback({ entityType, id, toVersion: version.version, context: { comment } });
    if (answer.data?.rollbackMasterRecord) onDone(answer.data.rollbackMasterRecord);
  }
  return (
    <form
      className="md-timeline__actions"
      onSubmit={onSubmit}
      aria-label={`Roll back to version ${version.version}`}
    >
      <label className="field">
        <span className="field__label">Reason for the rollback</span>
        <input
          className="field__input"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          required
          aria-invalid={problem ? true : undefined}
        />
        {problem && (
          <span className="field__problem" data-testid="field-problem">
            {problem}
          </span>
        )}
      </label>
      <button type="submit" className="button button--primary" disabled={fetching}>
        {fetching ? 'Rolling back…' : `Restore version ${version.version}`}
      </button>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={onCancel}
        disabled={fetching}
      >
        Cancel
      </button>
      {error && <FailureState error={error} prefix="The record was not rolled back:" />}
    </form>
  );
}

/**
 * A record's published versions, newest first: who changed what and why. Pick two to compare them field
 * by field; restore an earlier one (a rollback publishes its values as a new version).
 */
export function VersionTimeline({
  entityType,
  id,
  history,
  names,
  currentVersion,
  onRolledBack,
}: {
  entityType: MasterEntity;
  id: string;
  history: readonly MasterVersion[];
  names?: ReferenceNames;
  currentVersion: number;
  onRolledBack: () => void;
}) {
  const session = useSession();
  const signedInUserId = session ? userIdOfToken(session.accessToken) : null;
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [rollingBackTo, setRollingBackTo] = useState<number | null>(null);
  const [rollback, setRollback] = useState<MasterChangeOutcome | null>(null);

  const toggle = (version: number) =>
    setPicked((current) =>
      current.includes(version)
        ? current.filter((entry) => entry !== version)
        : // Picking a third replaces the older pick, so two stay picked.
          [...current, version].slice(-2),
    );
  const pair = picked.length === 2 ? orderedPair(picked[0]!, picked[1]!) : null;

  return (
    <div className="md-stack">
      <section className="panel" aria-labelledby="timeline-title">
        <header className="panel__head">
          <h2 id="timeline-title">Version history</h2>
          <span className="panel__hint">
            {picked.length === 2 ? 'comparing the two picked versions' : 'pick two versions to compare them'}
          </span>
        </header>
        {rollback && <ChangeOutcome result={rollback} />}
        {history.length === 0 ? (
          <EmptyState title="No versions recorded yet">
            Versions are recorded from the first governed change to this record on.
          </EmptyState>
        ) : (
          <ol className="md-timeline" aria-label="Versions">
            {history.map((version) => (
              <li
                key={version.id}
                className="md-timeline__item"
                data-testid="version-item"
                data-version={version.version}
              >
                <div className="md-timeline__head">
                  <span className="md-version">
                    Version {version.version} <span className="mono">{version.tag}</span>
                  </span>
                  {version.version === currentVersion && <span className="badge badge--ok">Current</span>}
                  <span className="md-timeline__meta">
                    <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time> by{' '}
                    {describeUser(version.authorId, version.author.name, signedInUserId)}
                    {version.approvedById &&
                      `, approved by ${describeUser(version.approvedById, version.approvedBy?.name, signedInUserId)}`}
                    {version.ticketId && (
                      <>
                        {' '}
                        · ticket <span className="mono">{version.ticketId}</span>
                      </>
                    )}
                  </span>
                  <label className="md-timeline__pick">
                    <input
                      type="checkbox"
                      checked={picked.includes(version.version)}
                      onChange={() => toggle(version.version)}
                    />
                    Compare version {version.version}
                  </label>
                </div>
                <span>
                  {version.restoredVersion !== null && version.restoredVersion !== undefined && (
                    <strong>Rollback to version {version.restoredVersion}: </strong>
                  )}
                  {version.comment}
                </span>
                {version.changes.length > 0 && (
                  <DiffTable
                    changes={version.changes}
                    names={names}
                    label={`Changes in version ${version.version}`}
                    testId="version-changes"
                  />
                )}
                {version.version !== currentVersion &&
                  (rollingBackTo === version.version ? (
                    <RollbackForm
                      entityType={entityType}
                      id={id}
                      version={version}
                      onCancel={() => setRollingBackTo(null)}
                      onDone={(result) => {
                        setRollback(result);
                        setRollingBackTo(null);
                        onRolledBack();
                      }}
                    />
                  ) : (
                    <div className="md-timeline__actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => {
                          setRollback(null);
                          setRollingBackTo(version.version);
                        }}
                      >
                        Roll back to version {version.version}
                      </button>
                    </div>
                  ))}
              </li>
            ))}
          </ol>
        )}
      </section>
      {pair && <VersionDiff entityType={entityType} id={id} names={names} {...pair} />}
    </div>
  );
}
