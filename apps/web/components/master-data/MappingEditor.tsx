'use client';

import type { CombinedError } from '@urql/core';
import { type FormEvent, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import {
  DryRunMappingQuery,
  type MappingKind,
  type RecordErrorEntry,
  SaveSourceMappingsMutation,
  SourceMappingsQuery,
} from '../../graphql/master-data';
import { formatCount, formatDateTime } from '../../lib/format';
import {
  type MappingDraft,
  mappingInputs,
  mappingRowProblems,
  parsePayloadJson,
} from '../../lib/master-data-mapping';
import { commentProblem } from '../../lib/master-data-validation';
import { PageHead } from '../shell/PageHead';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { RecordErrorTable } from './RecordErrorTable';
import { ToggleGroup } from './ToggleGroup';

const KINDS: readonly MappingKind[] = ['SKU', 'UOM', 'PARTY'];
const kindLabels: Record<MappingKind, string> = { SKU: 'SKU', UOM: 'Unit', PARTY: 'Party' };
// Saving answers with a MappingSetVersion: re-read the mappings in force then.
const mappingsContext = { additionalTypenames: ['MappingSetVersion'] };
interface EditorRow extends MappingDraft {
  /** Stable key while rows are added and removed */
  key: number;
}
let nextRowKey = 0;
const emptyRow = (): EditorRow => ({
  key: nextRowKey++,
  kind: 'SKU',
  sourceValue: '',
  targetValue: '',
  factor: '',
});

function MappingsInForce({ sourceSystem }: { sourceSystem: string }) {
  const [kind, setKind] = useState<MappingKind | null>(null);
  const [result, reexecute] = useQuery({
    query: SourceMappingsQuery,
    variables: { sourceSystem, kind },
    pause: sourceSystem === '',
    context: mappingsContext,
    requestPolicy: 'cache-and-network',
  });
  const data = result.data;
  return (
    <section className="panel" aria-labelledby="in-force-title">
      <header className="panel__head">
        <h2 id="in-force-title">Mappings in force</h2>
        <ToggleGroup
          legend="Mapping kind"
          options={[
            { value: null, label: 'All' },
            ...KINDS.map((entry) => ({ value: entry, label: kindLabels[entry] })),
          ]}
          value={kind}
          onChange={setKind}
        />
      </header>
      {sourceSystem === '' ? (
        <EmptyState title="Name a source system">Its mappings are listed here.</EmptyState>
      ) : !data ? (
        result.error ? (
          <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <LoadingState label="Loading mappings…" />
        )
      ) : (
        <>
          {data.sourceMappings.length === 0 ? (
            <EmptyState title={`No mappings for ${sourceSystem}`}>
              Its values are taken as canonical until you add mappings below.
            </EmptyState>
          ) : (
            <table className="data-table" aria-label="Mappings in force">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Source value</th>
                  <th scope="col">Canonical value</th>
                  <th scope="col" className="data-table__number">
                    Factor
                  </th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {data.sourceMappings.map((mapping) => (
                  <tr key={mapping.id} data-testid="mapping-row">
                    <td>{kindLabels[mapping.kind]}</td>
                    <td className="mono">{mapping.sourceValue}</td>
                    <td className="mono">{mapping.targetValue ?? 'retired'}</td>
                    <td className="data-table__number">
                      {mapping.factor === null || mapping.factor === undefined
                        ? ''
                        : `${mapping.factor} ${mapping.targetValue ?? ''} per source unit`}
                    </td>
                    <td>{formatDateTime(mapping.effectiveFrom)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.mappingSetVersions.length > 0 && (
            <p className="panel__hint">
              Mapping set version {data.mappingSetVersions[0]!.version} ({data.mappingSetVersions[0]!.tag}),{' '}
              {formatDateTime(data.mappingSetVersions[0]!.createdAt)}: {data.mappingSetVersions[0]!.comment}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function AddMappings({ sourceSystem }: { sourceSystem: string }) {
  const [rows, setRows] = useState<EditorRow[]>(() => [emptyRow()]);
  const [comment, setComment] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [{ fetching, error, data }, save] = useMutation(SaveSourceMappingsMutation);
  const problems = rows.map(mappingRowProblems);
  const invalid =
    problems.some((entry) => Object.keys(entry).length > 0) ||
    commentProblem(comment) !== null ||
    sourceSystem === '';
  const setRow = (index: number, patch: Partial<MappingDraft>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (invalid) return;
    const answer = await save({ mappings: mappingInputs(sourceSystem, rows), comment: comment.trim() });
    if (answer.data) {
      setRows([emptyRow()]);
      setComment('');
      setAttempted(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="add-title">
      <header className="panel__head">
        <h2 id="add-title">Add or change mappings</h2>
        <span className="panel__hint">
          each save is a new mapping set version; an empty target retires a mapping
        </span>
      </header>
      <form className="md-form" onSubmit={onSubmit} aria-label="Add mappings" noValidate>
        {rows.map((row, index) => {
          const rowProblems = attempted ? problems[index]! : {};
          const n = index + 1;
          return (
            <div key={row.key} className="md-mapping-row">
              <label className="field">
                <span className="field__label">
                  Kind<span className="visually-hidden"> of row {n}</span>
                </span>
                <select
                  className="field__input"
                  value={row.kind}
                  onChange={(event) => setRow(index, { kind: event.target.value as MappingKind })}
                >
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {kindLabels[kind]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field__label">
                  Source value<span className="visually-hidden"> of row {n}</span>
                </span>
                <input
                  className="field__input"
                  value={row.sourceValue}
                  onChange={(event) => setRow(index, { sourceValue: event.target.value })}
                  aria-invalid={rowProblems.sourceValue ? true : undefined}
                />
                {rowProblems.sourceValue && <span className="field__problem">{rowProblems.sourceValue}</span>}
              </label>
              <label className="field">
                <span className="field__label">
                  Canonical value<span className="visually-hidden"> of row {n}</span>
                </span>
                <input
                  className="field__input"
                  value={row.targetValue}
                  onChange={(event) => setRow(index, { targetValue: event.target.value })}
                  placeholder={
                    row.kind === 'SKU'
                      ? 'SKU code'
                      : row.kind === 'UOM'
                        ? 'Rec 20 code'
                        : 'supplier or location code'
                  }
                />
              </label>
              <label className="field">
                <span className="field__label">
                  Factor<span className="visually-hidden"> of row {n}</span>
                </span>
                <input
                  className="field__input"
                  value={row.factor}
                  onChange={(event) => setRow(index, { factor: event.target.value })}
                  disabled={row.kind !== 'UOM'}
                  inputMode="decimal"
                  aria-invalid={rowProblems.factor ? true : undefined}
                />
                {rowProblems.factor && <span className="field__problem">{rowProblems.factor}</span>}
              </label>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
                disabled={rows.length === 1}
                aria-label={`Remove row ${n}`}
              >
                Remove
              </button>
            </div>
          );
        })}
        <div className="md-form__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setRows((current) => [...current, emptyRow()])}
          >
            Add a row
          </button>
        </div>
        <label className="field">
          <span className="field__label">Reason for the change</span>
          <input
            className="field__input"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            maxLength={500}
            aria-invalid={attempted && commentProblem(comment) ? true : undefined}
          />
          {attempted && commentProblem(comment) && (
            <span className="field__problem">{commentProblem(comment)}</span>
          )}
        </label>
        <div className="md-form__actions">
          <button type="submit" className="button button--primary" disabled={fetching || sourceSystem === ''}>
            {fetching ? 'Saving…' : `Save ${rows.length === 1 ? 'mapping' : `${rows.length} mappings`}`}
          </button>
        </div>
        {error && <FailureState error={error} prefix="The mappings were not saved:" />}
        {data && !error && (
          <p className="outcome outcome--accepted" role="status">
            Saved as mapping set version {data.saveSourceMappings.version} ({data.saveSourceMappings.tag}) of{' '}
            <span className="mono">{data.saveSourceMappings.sourceSystem}</span>.
          </p>
        )}
      </form>
    </section>
  );
}

interface DryRunResult {
  canonical: readonly unknown[];
  errors: readonly RecordErrorEntry[];
  records: number;
}

function DryRun({ sourceSystem }: { sourceSystem: string }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [result, setResult] = useState<DryRunResult | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parsePayloadJson(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    setFailure(null);
    setResult(null);
    setRunning(true);
    // A dry run is a question asked on demand, never served from the cache.
    const answer = await client
      .query(DryRunMappingQuery, { sourceSystem, payload: parsed.payload }, { requestPolicy: 'network-only' })
      .toPromise();
    setRunning(false);
    if (answer.error) setFailure(answer.error);
    else if (answer.data) setResult({ ...answer.data.dryRunMapping, records: parsed.records });
  }

  return (
    <section className="panel" aria-labelledby="dry-run-title">
      <header className="panel__head">
        <h2 id="dry-run-title">Dry run</h2>
        <span className="panel__hint">
          how a payload from {sourceSystem || 'the source system'} maps, without sending it
        </span>
      </header>
      <form className="md-form" onSubmit={onSubmit} aria-label="Dry run a payload">
        <label className="field">
          <span className="field__label">Source payload (JSON)</span>
          <textarea
            className="field__input json-editor"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(null);
            }}
            rows={10}
            spellCheck={false}
            placeholder='{ "sku_id": "ERP-100200", "measure": { "quantity": 3, "uom": "BOX" }, "payload": { "location_id": "WH-RENO" }, … }'
            aria-invalid={problem ? true : undefined}
          />
        </label>
        {problem && (
          <p className="form-error" role="alert" data-testid="payload-problem">
            {problem}
          </p>
        )}
        <div className="md-form__actions">
          <button type="submit" className="button button--primary" disabled={running || sourceSystem === ''}>
            {running ? 'Mapping…' : 'Dry run'}
          </button>
        </div>
      </form>
      {failure && <FailureState error={failure} prefix="The dry run failed:" />}
      {result && (
        <div className="md-report" data-testid="dry-run-result">
          <p className={result.errors.length > 0 ? 'form-error' : 'outcome outcome--accepted'} role="status">
            {formatCount(result.canonical.length)} of {formatCount(result.records)}{' '}
            {result.records === 1 ? 'record maps' : 'records map'} to canonical;{' '}
            {result.errors.length === 0
              ? 'no errors.'
              : `${formatCount(result.errors.length)} ${result.errors.length === 1 ? 'error' : 'errors'}.`}
          </p>
          {result.errors.length > 0 && (
            <RecordErrorTable
              errors={result.errors}
              label="Dry run errors"
              rowHeading="Record"
              firstRow={0}
            />
          )}
          {result.canonical.length > 0 && (
            <label className="field">
              <span className="field__label">Canonical result</span>
              <textarea
                className="field__input json-editor"
                readOnly
                value={JSON.stringify(result.canonical, null, 2)}
                rows={Math.min(24, JSON.stringify(result.canonical, null, 2).split('\n').length + 1)}
              />
            </label>
          )}
        </div>
      )}
    </section>
  );
}

/** How source systems' identifiers, units and parties map to the canonical model; try a payload first. */
export function MappingEditor() {
  const [typed, setTyped] = useState('erp');
  const sourceSystem = typed.trim();
  return (
    <div className="md-stack">
      <PageHead
        title="Mappings"
        subtitle={
          <>
            Source systems&apos; item numbers, units and party ids, mapped to canonical codes
            (effective-dated, versioned)
          </>
        }
      />
      <section className="panel">
        <div className="md-search">
          <label className="field">
            <span className="field__label">Source system</span>
            <input
              className="field__input"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              list="md-source-systems"
              spellCheck={false}
            />
            <datalist id="md-source-systems">
              <option value="erp" />
              <option value="wms" />
              <option value="tms" />
              <option value="carrier" />
            </datalist>
          </label>
        </div>
      </section>
      <div className="md-columns">
        <div className="md-stack">
          <MappingsInForce sourceSystem={sourceSystem} />
          <AddMappings sourceSystem={sourceSystem} />
        </div>
        <DryRun sourceSystem={sourceSystem} />
      </div>
    </div>
  );
}
