'use client';

import Link from 'next/link';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  FamilyInventoryQuery,
  InventoryFiltersQuery,
  type PlanningPosition,
} from '../../graphql/supply-planning';
import { formatClock, formatCount, formatDay, formatPercent, formatQuantity } from '../../lib/format';
import { skuPath } from '../../lib/sku';
import { formatDaysOfCover, formatDecimal, formatMoney } from '../../lib/supply-format';
import { positionRisk, riskCounts, sortByUrgency, stockoutIndex } from '../../lib/supply-inventory';
import { usePolling } from '../../lib/use-polling';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import './supply.css';
import { PageHead } from '../shell/PageHead';

/** Stock moves with every ingested transaction; projections change when replenishment runs. */
const POLL_MS = 15_000;

/** One SKU family's stock: every position with its policy figures, most urgent first. */
export function InventorySection() {
  const familyFieldId = useId();
  const locationFieldId = useId();
  const [filters] = useQuery({ query: InventoryFiltersQuery });
  const families = filters.data?.skuFamilies ?? [];
  const [familyId, setFamilyId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string>('');
  const chosenFamily = families.find((family) => family.id === familyId) ?? families[0] ?? null;

  return (
    <div className="supply">
      <PageHead
        title="Inventory"
        subtitle={
          <>
            Stock of a SKU family against its reorder points, safety stock and days of forecast demand it
            covers.
          </>
        }
      />

      {filters.error ? (
        <FailureState error={filters.error} prefix="The SKU families could not be read:" />
      ) : !filters.data ? (
        <LoadingState label="Loading SKU families…" />
      ) : !chosenFamily ? (
        <EmptyState title="No SKU families yet">
          Families are created with the catalog (Master data); their stock appears here.
        </EmptyState>
      ) : (
        <>
          <div className="supply-filters">
            <div className="field">
              <label className="field__label" htmlFor={familyFieldId}>
                SKU family
              </label>
              <select
                id={familyFieldId}
                className="field__input"
                value={chosenFamily.id}
                onChange={(event) => setFamilyId(event.target.value)}
              >
                {families.map((family) => (
                  <option key={family.id} value={family.id}>
                    {family.name} ({formatCount(family.skuCount)} SKUs)
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={locationFieldId}>
                Location
              </label>
              <select
                id={locationFieldId}
                className="field__input"
                value={locationId}
                onChange={(event) => setLocationId(event.target.value)}
              >
                <option value="">All locations</option>
                {filters.data.locations.map((location) => (
                  <option key={location.id} value={location.id}>
                    {location.code} · {location.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FamilyInventory familyId={chosenFamily.id} locationId={locationId || null} />
        </>
      )}
    </div>
  );
}

function FamilyInventory({ familyId, locationId }: { familyId: string; locationId: string | null }) {
  const [result, reexecute] = useQuery({
    query: FamilyInventoryQuery,
    variables: { familyId, locationId },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (result.data) setUpdatedAt(new Date());
  }, [result.data]);

  const stockouts = useMemo(() => stockoutIndex(result.data?.stockoutRisks ?? []), [result.data]);
  const positions = useMemo(
    () => sortByUrgency(result.data?.familyInventory ?? [], stockouts),
    [result.data, stockouts],
  );

  if (!result.data) {
    return result.error ? (
      <FailureState error={result.error} onRetry={refresh} />
    ) : (
      <LoadingState label="Loading the family's stock…" />
    );
  }
  const kpis = result.data.me?.tenant.inventoryKpis;
  const counts = riskCounts(positions, stockouts);

  return (
    <>
      {result.error && <FailureState error={result.error} prefix="The figures could not be refreshed:" />}
      {kpis && (
        <section className="panel" aria-labelledby="inventory-kpis-title">
          <header className="panel__head">
            <h2 id="inventory-kpis-title">All your stock</h2>
            {updatedAt && <span className="panel__hint">Updated {formatClock(updatedAt)}</span>}
          </header>
          <dl className="supply-figures">
            <Figure label="At stock-out risk" testId="inventory-kpi-at-risk">
              {formatCount(kpis.skusAtStockoutRisk)} of {formatCount(kpis.skuCount)} SKUs
            </Figure>
            <Figure label="Days of cover" testId="inventory-kpi-days-of-cover">
              {formatDaysOfCover(kpis.daysOfCover)}
            </Figure>
            <Figure label="Stock-out SKU-days, 30 days" testId="inventory-kpi-stockout-days">
              {formatCount(kpis.stockoutSkuDays)} SKU-days
            </Figure>
            <Figure label="Inventory turns" testId="inventory-kpi-turns">
              {formatDecimal(kpis.inventoryTurns)} per year
            </Figure>
            <Figure label="Carrying cost" testId="inventory-kpi-carrying-cost">
              {formatMoney(kpis.carryingCostCents)} per year
            </Figure>
          </dl>
          {kpis.forecastAccuracy.length > 0 && (
            <table className="data-table">
              <caption className="visually-hidden">Forecast accuracy by segment</caption>
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="data-table__number">
                    SKUs
                  </th>
                  <th scope="col" className="data-table__number">
                    Accuracy (1 − WAPE)
                  </th>
                  <th scope="col" className="data-table__number">
                    Target
                  </th>
                  <th scope="col" className="data-table__number">
                    MASE
                  </th>
                  <th scope="col" className="data-table__number">
                    Bias
                  </th>
                </tr>
              </thead>
              <tbody>
                {kpis.forecastAccuracy.map((row) => (
                  <tr key={row.segment}>
                    <th scope="row" className="mono">
                      {row.segment}
                    </th>
                    <td className="data-table__number">{formatCount(row.skuCount)}</td>
                    <td
                      className={
                        row.target !== null && row.accuracy < row.target
                          ? 'data-table__number figure--warning'
                          : 'data-table__number'
                      }
                    >
                      {formatPercent(row.accuracy)}
                    </td>
                    <td className="data-table__number">
                      {row.target === null ? '—' : formatPercent(row.target)}
                    </td>
                    <td className="data-table__number">{formatDecimal(row.mase)}</td>
                    <td className="data-table__number">{formatPercent(row.bias)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="family-positions-title">
        <header className="panel__head">
          <h2 id="family-positions-title">Positions</h2>
          <span className="panel__hint" data-testid="inventory-risk-summary">
            {formatCount(positions.length)} positions · {formatCount(counts.stockout)} projected to stock out
            · {formatCount(counts['below-safety'])} under safety stock · {formatCount(counts.reorder)} at the
            reorder point
          </span>
        </header>
        {positions.length === 0 ? (
          <EmptyState title="No stock for this family here">
            Positions appear once stock of the family&apos;s SKUs is received or counted at a location.
          </EmptyState>
        ) : (
          <PositionsTable positions={positions} stockouts={stockouts} />
        )}
      </section>
    </>
  );
}

function Figure({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="figure">
      <dt className="figure__label">{label}</dt>
      <dd className="figure__value" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function PositionsTable({
  positions,
  stockouts,
}: {
  positions: readonly PlanningPosition[];
  stockouts: Map<string, string | null>;
}) {
  return (
    <table className="data-table" data-testid="family-inventory">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Location</th>
          <th scope="col" className="data-table__number">
            On hand
          </th>
          <th scope="col" className="data-table__number">
            Available
          </th>
          <th scope="col" className="data-table__number">
            On order
          </th>
          <th scope="col" className="data-table__number">
            Reorder point
          </th>
          <th scope="col" className="data-table__number">
            Safety stock
          </th>
          <th scope="col" className="data-table__number">
            Days of cover
          </th>
          <th scope="col">Risk</th>
        </tr>
      </thead>
      <tbody>
        {positions.map((position) => {
          const risk = positionRisk(position, stockouts);
          const uom = position.sku.baseUom;
          return (
            <tr
              key={position.id}
              data-testid="family-position-row"
              data-sku-code={position.sku.code}
              data-risk={risk.level}
            >
              <th scope="row">
                <Link href={skuPath(position.sku.code)} className="mono">
                  {position.sku.code}
                </Link>{' '}
                <span className="data-table__sub">{position.sku.name}</span>
              </th>
              <td className="mono" title={position.location.name}>
                {position.location.code}
              </td>
              <td className="data-table__number">{formatQuantity(position.onHand, uom)}</td>
              <td className="data-table__number">{formatQuantity(position.available, uom)}</td>
              <td className="data-table__number">{formatQuantity(position.onOrder, uom)}</td>
              <td className="data-table__number">{formatQuantity(position.reorderPoint, uom)}</td>
              <td className="data-table__number">{formatQuantity(position.safetyStock, uom)}</td>
              <td className="data-table__number" data-testid="position-days-of-cover">
                {formatDaysOfCover(position.daysOfCover)}
              </td>
              <td>
                <span className={`risk risk--${risk.level}`}>{risk.label}</span>
                {risk.stockoutOn && <span className="data-table__sub"> on {formatDay(risk.stockoutOn)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
