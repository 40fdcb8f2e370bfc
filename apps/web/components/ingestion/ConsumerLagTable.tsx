import type { ConsumerLag } from '../../graphql/ingestion';
import { formatCount } from '../../lib/format';
import { EmptyState } from '../states/States';

/** How far each consumer of the backbone is behind, and what it retries or gave up on. */
export function ConsumerLagTable({ consumers }: { consumers: readonly ConsumerLag[] }) {
  if (consumers.length === 0) {
    return (
      <EmptyState title="No consumers reported">
        Consumers appear once a service subscribes to the backbone.
      </EmptyState>
    );
  }
  const sorted = [...consumers].sort((a, b) => a.consumer.localeCompare(b.consumer));
  return (
    <table className="data-table" data-testid="consumer-lag">
      <thead>
        <tr>
          <th scope="col">Consumer</th>
          <th
            scope="col"
            className="data-table__number"
            title="Events appended but not yet applied by this consumer"
          >
            Lag
          </th>
          <th scope="col" className="data-table__number">
            Retrying
          </th>
          <th
            scope="col"
            className="data-table__number"
            title="Your tenant's events this consumer gave up on"
          >
            Dead letters
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((consumer) => (
          <tr key={consumer.consumer} data-testid="consumer-row" data-consumer={consumer.consumer}>
            <th scope="row" className="mono">
              {consumer.consumer}
            </th>
            <td className={consumer.lag > 0 ? 'data-table__number figure--warning' : 'data-table__number'}>
              {formatCount(consumer.lag)} events
            </td>
            <td className="data-table__number">{formatCount(consumer.pendingRetries)}</td>
            <td
              className={
                consumer.deadLetters > 0 ? 'data-table__number figure--danger' : 'data-table__number'
              }
            >
              {formatCount(consumer.deadLetters)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
