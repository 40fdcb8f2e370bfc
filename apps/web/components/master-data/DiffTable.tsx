import { diffRows, type FieldChangeLike, isCreation, type ReferenceNames } from '../../lib/master-data';

/**
 * Field-level changes as a before/after table, values with their units. A record's first version (nothing
 * before) is shown as the values it was created with.
 */
export function DiffTable({
  changes,
  label,
  names,
  testId = 'diff-table',
}: {
  changes: readonly FieldChangeLike[];
  label: string;
  names?: ReferenceNames;
  testId?: string;
}) {
  const rows = diffRows(changes, names);
  if (rows.length === 0) return <p className="panel__hint">No field changed.</p>;
  if (isCreation(changes)) {
    return (
      <table className="data-table md-diff" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Created with</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-testid="diff-row" data-field={row.field}>
              <th scope="row">{row.label}</th>
              <td data-testid="diff-after">{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table className="data-table md-diff" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
          <th scope="col" className="data-table__number">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} data-testid="diff-row" data-field={row.field}>
            <th scope="row">{row.label}</th>
            <td className="md-diff__before" data-testid="diff-before">
              {row.before}
            </td>
            <td className="md-diff__after" data-testid="diff-after">
              {row.after}
            </td>
            <td className="data-table__number">{row.relativeChange ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
