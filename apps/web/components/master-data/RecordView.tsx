'use client';

import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import type { MasterVersion } from '../../graphql/master-data';
import { entityLabel, type MasterEntity, type ReferenceNames } from '../../lib/master-data';
import { formFieldsOf } from '../../lib/master-data-validation';
import { PageHead } from '../shell/PageHead';
import { PageRefresh } from '../shell/PageRefresh';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { PendingChangeRequests } from './PendingChangeRequests';
import { RecordEditForm, type SubmitEdit } from './RecordEditForm';
import { VersionTimeline } from './VersionTimeline';

export interface RecordValue {
  label: string;
  value: ReactNode;
  /** data-testid of the value, for the fields journeys check */
  testId?: string;
}

export interface LoadedRecord {
  code: string;
  name: string;
  subtitle?: ReactNode;
  version: number;
  versionTag: string;
  values: readonly RecordValue[];
  /** The record in API field names, to fill the edit form */
  fields: Record<string, unknown>;
  history: readonly MasterVersion[];
  /** Names of the records its fields refer to by id */
  names?: ReferenceNames;
}

/** The states before a record is there: loading, failed, or no such record. */
export function RecordFrame({
  entityType,
  error,
  found,
  loaded,
  onRetry,
}: {
  entityType: MasterEntity;
  error: CombinedError | undefined;
  /** The query answered (with or without a record) */
  loaded: boolean;
  found: boolean;
  onRetry: () => void;
}) {
  if (found) return null;
  const label = entityLabel(entityType);
  return (
    <div className="md-stack">
      <PageHead title={label} />
      {error ? (
        <FailureState error={error} onRetry={onRetry} />
      ) : loaded ? (
        <EmptyState title={`No such ${label.toLowerCase()}`}>
          It is not in your tenant&apos;s master data. Search for it under Records.
        </EmptyState>
      ) : (
        <LoadingState label={`Loading the ${label.toLowerCase()}…`} />
      )}
    </div>
  );
}

/** One master record: its values, pending change requests, the edit form and the version timeline. */
export function RecordView({
  entityType,
  id,
  record,
  submit,
  refresh,
  fetching,
  error,
}: {
  entityType: MasterEntity;
  id: string;
  record: LoadedRecord;
  submit: SubmitEdit;
  refresh: () => void;
  fetching: boolean;
  error: CombinedError | undefined;
}) {
  return (
    <div className="md-stack">
      <PageHead
        title={
          <>
            {entityLabel(entityType)}{' '}
            <span className="mono" data-testid="record-code">
              {record.code}
            </span>{' '}
            {record.name}
          </>
        }
        subtitle={
          <>
            <span data-testid="record-version" data-version={record.version}>
              Version {record.version} ({record.versionTag})
            </span>
            {record.subtitle && <> · {record.subtitle}</>}
          </>
        }
      >
        <PageRefresh onRefresh={refresh} busy={fetching} />
      </PageHead>
      {error && <FailureState error={error} prefix="The record could not be refreshed:" />}
      <PendingChangeRequests entityId={id} onDecided={refresh} />
      <div className="md-record">
        <div className="md-stack">
          <section className="panel" aria-labelledby="values-title">
            <header className="panel__head">
              <h2 id="values-title">Published values</h2>
              <span className="panel__hint">version {record.version}</span>
            </header>
            <dl className="md-values">
              {record.values.map((entry) => (
                <div key={entry.label}>
                  <dt>{entry.label}</dt>
                  <dd data-testid={entry.testId}>{entry.value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="panel" aria-labelledby="edit-title">
            <header className="panel__head">
              <h2 id="edit-title">Edit</h2>
              <span className="panel__hint">
                changes beyond the approval thresholds wait for a second user
              </span>
            </header>
            <RecordEditForm
              formFields={formFieldsOf[entityType]}
              record={record.fields}
              submit={submit}
              onSubmitted={refresh}
            />
          </section>
        </div>
        <VersionTimeline
          entityType={entityType}
          id={id}
          history={record.history}
          names={record.names}
          currentVersion={record.version}
          onRolledBack={refresh}
        />
      </div>
    </div>
  );
}
