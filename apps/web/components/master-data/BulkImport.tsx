'use client';

import Link from 'next/link';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type BulkImportReportEntry,
  BulkImportsQuery,
  IMPORTS_SHOWN,
  type ImportFormat,
  ImportMasterRecordsMutation,
  type ImportMode,
  type MasterEntityType,
} from '../../graphql/master-data';
import { formatCount, formatDateTime } from '../../lib/format';
import { entityLabel, importFormatOfFile } from '../../lib/master-data';
import { PageHead } from '../shell/PageHead';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { RecordErrorTable } from './RecordErrorTable';

const ENTITY_TYPES: readonly MasterEntityType[] = ['SKU', 'SUPPLIER', 'LOCATION'];
const statusLabels: Record<string, string> = {
  APPLIED: 'Applied',
  REJECTED: 'Nothing applied',
  PARTIALLY_APPLIED: 'Partly applied',
};
const importsContext = { additionalTypenames: ['BulkImportReport'] };

function ImportReport({ report }: { report: BulkImportReportEntry }) {
  const applied = report.status === 'APPLIED';
  return (
    <div className="md-report" data-testid="import-report" data-status={report.status}>
      <p className={applied ? 'outcome outcome--accepted' : 'form-error'} role="status">
        <strong>{statusLabels[report.status] ?? report.status}.</strong> {formatCount(report.appliedCount)} of{' '}
        {formatCount(report.rowCount)} {report.rowCount === 1 ? 'row' : 'rows'} applied,{' '}
        {formatCount(report.errorCount)} {report.errorCount === 1 ? 'error' : 'errors'}, in{' '}
        {formatCount(report.durationMs)} ms.
        {report.status === 'REJECTED' &&
          report.mode === 'ALL_OR_NOTHING' &&
          ' All or nothing: fix the rows below and import again, or choose "valid rows only".'}
      </p>
      {report.stagedCount > 0 && (
        <p className="notice" role="status" data-testid="import-staged">
          {formatCount(report.stagedCount)} {report.stagedCount === 1 ? 'row changes' : 'rows change'} a
          record beyond an approval threshold: staged as change requests for another steward to decide.{' '}
          <Link href="/master-data/change-requests">Open the change requests</Link>
        </p>
      )}
      {report.errors.length > 0 && (
        <RecordErrorTable errors={report.errors} label="Import errors by row" rowHeading="Row" firstRow={1} />
      )}
      {report.errors.length < report.errorCount && (
        <p className="panel__hint">
          The first {formatCount(report.errors.length)} of {formatCount(report.errorCount)} errors are listed.
        </p>
      )}
    </div>
  );
}

function RecentImports() {
  const [result, reexecute] = useQuery({
    query: BulkImportsQuery,
    variables: { first: IMPORTS_SHOWN },
    context: importsContext,
    requestPolicy: 'cache-and-network',
  });
  const imports = result.data?.bulkImports;
  return (
    <section className="panel" aria-labelledby="recent-imports-title">
      <header className="panel__head">
        <h2 id="recent-imports-title">Recent imports</h2>
        <span className="panel__hint">newest {IMPORTS_SHOWN}</span>
      </header>
      {!imports ? (
        result.error ? (
          <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <LoadingState label="Loading imports…" />
        )
      ) : imports.length === 0 ? (
        <EmptyState title="No imports yet">Reports of imports appear here.</EmptyState>
      ) : (
        <table className="data-table" aria-label="Recent imports">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Records</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="data-table__number">
                Rows
              </th>
              <th scope="col" className="data-table__number">
                Applied
              </th>
              <th scope="col" className="data-table__number">
                For approval
              </th>
              <th scope="col" className="data-table__number">
                Errors
              </th>
              <th scope="col" className="data-table__number">
                Took
              </th>
            </tr>
          </thead>
          <tbody>
            {imports.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>
                  {entityLabel(entry.entityType)} · {entry.format}
                </td>
                <td>{statusLabels[entry.status] ?? entry.status}</td>
                <td className="data-table__number">{formatCount(entry.rowCount)}</td>
                <td className="data-table__number">{formatCount(entry.appliedCount)}</td>
                <td className="data-table__number">{formatCount(entry.stagedCount)}</td>
                <td className="data-table__number">{formatCount(entry.errorCount)}</td>
                <td className="data-table__number">{formatCount(entry.durationMs)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Many records at once from CSV or JSON: every row validated, a report with each failing row. */
export function BulkImport() {
  const [entityType, setEntityType] = useState<MasterEntityType>('SKU');
  const [format, setFormat] = useState<ImportFormat>('CSV');
  const [mode, setMode] = useState<ImportMode>('ALL_OR_NOTHING');
  const [content, setContent] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching, error, data }, importRecords] = useMutation(ImportMasterRecordsMutation);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const detected = importFormatOfFile(file.name);
    if (detected) setFormat(detected);
    setContent(await file.text());
    setProblem(null);
    setFileNote(`${file.name}, ${formatCount(file.size)} bytes${detected ? `, read as ${detected}` : ''}`);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (content.trim() === '') {
      setProblem('Paste the records or choose a file first.');
      return;
    }
    setProblem(null);
    await importRecords({ entityType, format, content, mode });
  }

  return (
    <div className="md-stack">
      <PageHead
        title="Bulk import"
        subtitle="SKUs, suppliers or locations from CSV (a header row of field names) or JSON (a list of records)"
      />
      <div className="md-columns">
        <section className="panel" aria-labelledby="import-title">
          <header className="panel__head">
            <h2 id="import-title">Import</h2>
          </header>
          <form className="md-form" onSubmit={onSubmit} aria-label="Import records" noValidate>
            <div className="md-form__grid">
              <label className="field">
                <span className="field__label">Record type</span>
                <select
                  className="field__input"
                  value={entityType}
                  onChange={(event) => setEntityType(event.target.value as MasterEntityType)}
                >
                  {ENTITY_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {entityLabel(type)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field__label">Format</span>
                <select
                  className="field__input"
                  value={format}
                  onChange={(event) => setFormat(event.target.value as ImportFormat)}
                >
                  <option value="CSV">CSV</option>
                  <option value="JSON">JSON</option>
                </select>
              </label>
              <label className="field">
                <span className="field__label">When a row fails</span>
                <select
                  className="field__input"
                  value={mode}
                  onChange={(event) => setMode(event.target.value as ImportMode)}
                >
                  <option value="ALL_OR_NOTHING">Import nothing (all or nothing)</option>
                  <option value="VALID_ROWS">Import the valid rows only</option>
                </select>
              </label>
            </div>
            <label className="field">
              <span className="field__label">File</span>
              <input
                type="file"
                accept=".csv,.json,text/csv,application/json"
                onChange={(event) => void onFile(event)}
              />
              {fileNote && <span className="field__hint">{fileNote}</span>}
            </label>
            <label className="field">
              <span className="field__label">Records to import (CSV or JSON)</span>
              <textarea
                className="field__input json-editor"
                value={content}
                onChange={(event) => {
                  setContent(event.target.value);
                  setProblem(null);
                }}
                rows={12}
                spellCheck={false}
                placeholder={
                  format === 'CSV'
                    ? 'code,gtin,name,familyCode,supplierCode,baseUom,priceCents,unitCostCents\n…'
                    : '[{ "code": "…", "gtin": "…", "name": "…" }]'
                }
                aria-invalid={problem ? true : undefined}
              />
            </label>
            {problem && (
              <p className="field__problem" role="alert">
                {problem}
              </p>
            )}
            <div className="md-form__actions">
              <button type="submit" className="button button--primary" disabled={fetching}>
                {fetching ? 'Importing…' : 'Import'}
              </button>
            </div>
          </form>
          {error && <FailureState error={error} prefix="The import did not run:" />}
          {data && !error && <ImportReport report={data.importMasterRecords} />}
        </section>
        <RecentImports />
      </div>
    </div>
  );
}
