import { formatCount } from '../../lib/format';
import { fieldLabel } from '../../lib/ingestion';
import { EmptyState } from '../states/States';

export interface RejectReason {
  code: string;
  field: string;
  count: number;
}

/** Why the records now in quarantine were refused, most frequent first: the field to fix at the source. */
export function RejectReasons({ reasons }: { reasons: readonly RejectReason[] }) {
  if (reasons.length === 0) {
    return (
      <EmptyState title="Nothing in quarantine">
        Records the ingest refuses are counted here by reason until they are resolved.
      </EmptyState>
    );
  }
  const sorted = [...reasons].sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
  return (
    <table className="data-table" data-testid="rejects-by-reason">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Code</th>
          <th scope="col" className="data-table__number">
            Records
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((reason) => (
          <tr key={`${reason.code}/${reason.field}`} data-testid="reject-reason">
            <th scope="row" className="mono">
              {fieldLabel(reason.field)}
            </th>
            <td>
              <code className="error-code">{reason.code}</code>
            </td>
            <td className="data-table__number">{formatCount(reason.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
