import type { ReactNode } from 'react';
import type { OverviewData } from '../../graphql/overview';
import { formatCount, formatPercent } from '../../lib/format';
import { severityLabel, severityOrder } from './SeverityBadge';

type Tenant = NonNullable<OverviewData['me']>['tenant'];

function Tile({
  id,
  label,
  value,
  tone = 'neutral',
  children,
}: {
  id: string;
  label: string;
  value: string;
  tone?: 'neutral' | 'warning' | 'danger';
  children: ReactNode;
}) {
  const labelId = `kpi-${id}-label`;
  return (
    <section className={`tile tile--${tone}`} aria-labelledby={labelId} data-testid={`kpi-${id}`}>
      <h2 className="tile__label" id={labelId}>
        {label}
      </h2>
      <p className="tile__value" data-testid={`kpi-${id}-value`}>
        {value}
      </p>
      <div className="tile__detail" data-testid={`kpi-${id}-detail`}>
        {children}
      </div>
    </section>
  );
}

export function KpiTiles({ tenant }: { tenant: Tenant }) {
  const { inventoryKpis, shippingKpis, exceptionKpis } = tenant;
  const countBySeverity = new Map(exceptionKpis.openBySeverity.map((entry) => [entry.severity, entry.count]));
  return (
    <div className="tiles">
      <Tile id="fill-rate" label="Fill rate, last 30 days" value={formatPercent(inventoryKpis.fillRate)}>
        units shipped of units ordered
      </Tile>
      <Tile
        id="on-time"
        label="On-time shipping, last 30 days"
        value={formatPercent(shippingKpis.onTimeRate)}
        tone={shippingKpis.lateOpenShipments > 0 ? 'warning' : 'neutral'}
      >
        {formatCount(shippingKpis.deliveredLast30Days)} delivered ·{' '}
        {formatCount(shippingKpis.lateOpenShipments)} of {formatCount(shippingKpis.openShipments)} open late
      </Tile>
      <Tile
        id="open-exceptions"
        label="Open exceptions"
        value={formatCount(exceptionKpis.open)}
        tone={exceptionKpis.breachedSla > 0 ? 'danger' : 'neutral'}
      >
        <ul className="severity-counts" aria-label="Open exceptions by severity">
          {severityOrder.map((severity) => (
            <li
              key={severity}
              className={`severity-count severity-count--${severity.toLowerCase()}`}
              data-testid={`open-${severity.toLowerCase()}`}
            >
              <span className="severity-count__value">{formatCount(countBySeverity.get(severity) ?? 0)}</span>{' '}
              {severityLabel(severity)}
            </li>
          ))}
        </ul>
        <span data-testid="kpi-open-exceptions-breached">
          {formatCount(exceptionKpis.breachedSla)} past SLA
        </span>
      </Tile>
      <Tile
        id="stockout-risk"
        label="SKUs at stock-out risk"
        value={formatCount(inventoryKpis.skusAtStockoutRisk)}
        tone={inventoryKpis.skusAtStockoutRisk > 0 ? 'warning' : 'neutral'}
      >
        of {formatCount(inventoryKpis.skuCount)} SKUs
      </Tile>
    </div>
  );
}
