import type { SkuPosition } from '../../graphql/sku';
import { formatCount, formatDateTime, formatQuantity } from '../../lib/format';
import { EmptyState } from '../states/States';

/** Stock of one SKU per location: on hand, what is free to promise, and how close it is to reordering. */
export function InventoryPositionsTable({
  positions,
  uom,
}: {
  positions: readonly SkuPosition[];
  uom: string;
}) {
  if (positions.length === 0) {
    return (
      <EmptyState title="Not stocked anywhere yet">
        Positions appear once stock is received or counted.
      </EmptyState>
    );
  }
  const sorted = [...positions].sort((a, b) => a.location.code.localeCompare(b.location.code));
  return (
    <table className="data-table" data-testid="inventory-positions">
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col" className="data-table__number">
            On hand
          </th>
          <th scope="col" className="data-table__number">
            Allocated
          </th>
          <th scope="col" className="data-table__number">
            Available
          </th>
          <th scope="col" className="data-table__number">
            In transit
          </th>
          <th scope="col" className="data-table__number">
            Reorder point
          </th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((position) => (
          <tr key={position.id} data-testid="position-row" data-location-code={position.location.code}>
            <th scope="row">
              <span className="mono">{position.location.code}</span>{' '}
              <span className="data-table__sub">{position.location.name}</span>
            </th>
            <td className="data-table__number" data-testid="position-on-hand">
              {formatQuantity(position.onHand, uom)}
            </td>
            <td className="data-table__number">{formatCount(position.allocated)}</td>
            <td className="data-table__number" data-testid="position-available">
              {formatQuantity(position.available, uom)}
            </td>
            <td className="data-table__number">{formatCount(position.inTransit)}</td>
            <td className="data-table__number" title={`Safety stock ${formatCount(position.safetyStock)}`}>
              {formatCount(position.reorderPoint)}
            </td>
            <td>
              {position.atStockoutRisk ? (
                <span className="badge badge--high">Stock-out risk</span>
              ) : (
                <span className="badge badge--ok">OK</span>
              )}
            </td>
            <td>
              <time dateTime={position.updatedAt}>{formatDateTime(position.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
