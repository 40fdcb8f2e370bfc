'use client';

import { useQuery } from 'urql';
import { MasterRecordDiffQuery } from '../../graphql/master-data';
import { formatDateTime } from '../../lib/format';
import type { MasterEntity, ReferenceNames } from '../../lib/master-data';
import { FailureState, LoadingState } from '../states/States';
import { DiffTable } from './DiffTable';

/** Field-level difference between two picked versions of one record, as the API computes it. */
export function VersionDiff({
  entityType,
  id,
  fromVersion,
  toVersion,
  names,
}: {
  entityType: MasterEntity;
  id: string;
  fromVersion: number;
  toVersion: number;
  names?: ReferenceNames;
}) {
  const [result, reexecute] = useQuery({
    query: MasterRecordDiffQuery,
    variables: { entityType, id, fromVersion, toVersion },
  });
  const diff = result.data?.masterRecordDiff;
  return (
    <section className="panel" aria-labelledby="version-diff-title" data-testid="version-diff">
      <header className="panel__head">
        <h2 id="version-diff-title">
          Version {fromVersion} → version {toVersion}
        </h2>
        {diff && (
          <span className="panel__hint">
            {diff.from.tag} of {formatDateTime(diff.from.createdAt)} against {diff.to.tag} of{' '}
            {formatDateTime(diff.to.createdAt)}
          </span>
        )}
      </header>
      {diff ? (
        <DiffTable
          changes={diff.changes}
          names={names}
          label={`Changes from version ${fromVersion} to ${toVersion}`}
        />
      ) : result.error ? (
        <FailureState
          error={result.error}
          prefix="The versions could not be compared:"
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : (
        <LoadingState label="Comparing the versions…" />
      )}
    </section>
  );
}
