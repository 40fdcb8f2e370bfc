import type { StockMovement } from '../../graphql/sku';
import { formatChange, formatDateTime, formatRelative } from '../../lib/format';
import { movementKindLabel } from '../../lib/sku';
import { EmptyState } from '../states/States';

/** The SKU's latest stock movements, newest first, each traceable to the transaction that caused it. */
export function MovementsTable({
  movements,
  uom,
  now,
}: {
  movements: readonly StockMovement[];
  uom: string;
  now: number;
}) {
  if (movements.length === 0) {
    return (
      <EmptyState title="No stock movements yet">
        Receipts, adjustments, counts and shipped orders appear here as the ingest delivers them.
      </EmptyState>
    );
  }
  const sorted = [...movements].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  return (
    <table className="data-table" data-testid="stock-movements">
      <thead>
        <tr>
          <th scope="col">Occurred</th>
          <th scope="col">Kind</th>
          <th scope="col" className="data-table__number">
            Quantity
          </th>
          <th scope="col">Location</th>
          <th scope="col">Source system</th>
          <th scope="col">Correlation id</th>
          <th scope="col">Warnings</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((movement) => (
          <tr key={movement.id} data-testid="movement-row" data-transaction-id={movement.transactionId}>
            <th scope="row">
              <time dateTime={movement.occurredAt} title={formatDateTime(movement.occurredAt)}>
                {formatRelative(movement.occurredAt, now)}
              </time>
            </th>
            <td data-testid="movement-kind">{movementKindLabel(movement.kind)}</td>
            <td className="data-table__number" data-testid="movement-quantity">
              {formatChange(movement.quantity)} {uom}
            </td>
            <td className="mono" title={movement.location.name}>
              {movement.location.code}
            </td>
            <td className="mono">{movement.sourceSystem}</td>
            <td className="mono" title={`Transaction ${movement.transactionId}`}>
              {movement.correlationId}
            </td>
            <td data-testid="movement-warnings">
              {movement.warnings.length === 0 ? (
                <span className="data-table__sub">none</span>
              ) : (
                <ul className="warnings">
                  {movement.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
