import type { RecordErrorEntry } from '../../graphql/master-data';
import { fieldLabel, isMasterField } from '../../lib/master-data';
import { messageWithoutField } from '../../lib/master-data-validation';

/** Problems found while mapping or importing: where (row, field), which rule (code), what to do. */
export function RecordErrorTable({
  errors,
  label,
  rowHeading,
  firstRow,
}: {
  errors: readonly RecordErrorEntry[];
  label: string;
  /** "Row" for an import, "Record" for a dry run */
  rowHeading: string;
  /** The number the API gives the first row: 1 for an import's rows, 0 for a dry run's record index */
  firstRow: 0 | 1;
}) {
  return (
    <table className="data-table" aria-label={label} data-testid="record-errors">
      <thead>
        <tr>
          <th scope="col" className="data-table__number">
            {rowHeading}
          </th>
          <th scope="col">Field</th>
          <th scope="col">Code</th>
          <th scope="col">What to do</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((error, index) => (
          <tr
            // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id and the list is only ever replaced whole
            key={`${index}/${error.row}/${error.field}/${error.code}`}
            data-testid="record-error"
            data-row={error.row ?? undefined}
            data-field={error.field ?? undefined}
          >
            <td className="data-table__number">
              {error.row === null || error.row === undefined ? '—' : error.row - firstRow + 1}
            </td>
            <td>
              {!error.field ? (
                '—'
              ) : isMasterField(error.field) ? (
                <>
                  {fieldLabel(error.field)} <span className="data-table__sub mono">{error.field}</span>
                </>
              ) : (
                <span className="mono">{error.field}</span>
              )}
            </td>
            <td>
              <code className="error-code">{error.code}</code>
            </td>
            <td>{messageWithoutField(error.message, error.field ?? null)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
