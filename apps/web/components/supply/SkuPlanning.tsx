'use client';

import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { HISTORY_DAYS, type SkuPlanningData, SkuPlanningQuery } from '../../graphql/supply-planning';
import { formatCount, formatDateTime, formatDay, formatPercent } from '../../lib/format';
import {
  buildDemandChart,
  driverSpans,
  forecastTotals,
  promotionEffect,
  promotionOverlays,
} from '../../lib/supply-forecast';
import { formatDecimal, formatRate, formatUplift, utcToday } from '../../lib/supply-format';
import {
  channelLabel,
  promotionPhase,
  promotionPhaseLabel,
  sortPromotions,
} from '../../lib/supply-promotions';
import { usePolling } from '../../lib/use-polling';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { DemandForecastChart } from './DemandForecastChart';
import { ProjectedStockChart } from './ProjectedStockChart';
import './supply.css';

/** Forecasts are retrained when a promotion is saved or replenishment runs; re-read now and then. */
const POLL_MS = 10_000;

type PlanningSku = NonNullable<SkuPlanningData['skuByCode']>;
type SkuForecast = PlanningSku['forecasts'][number];

/** A SKU's planning view: demand and forecast, what moved the forecast, its promotions and its policy. */
export function SkuPlanning({ code }: { code: string }) {
  const [result, reexecute] = useQuery({
    query: SkuPlanningQuery,
    variables: { code, historyDays: HISTORY_DAYS },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  const sku = result.data?.skuByCode;

  if (!sku) {
    // The page's head already says when the SKU does not exist; only loading and failures show here.
    if (result.data) return null;
    return (
      <section className="panel sku__section" aria-labelledby="planning-title">
        <header className="panel__head">
          <h2 id="planning-title">Demand and forecast</h2>
        </header>
        {result.error ? (
          <FailureState error={result.error} prefix="The forecast could not be read:" onRetry={refresh} />
        ) : (
          <LoadingState label="Loading the forecast…" />
        )}
      </section>
    );
  }
  return (
    <div className="supply">
      {result.error && <FailureState error={result.error} prefix="The forecast could not be refreshed:" />}
      <ForecastPanels sku={sku} />
    </div>
  );
}

function ForecastPanels({ sku }: { sku: PlanningSku }) {
  const locationFieldId = useId();
  const [forecastId, setForecastId] = useState<string | null>(null);
  const forecast: SkuForecast | undefined =
    sku.forecasts.find((entry) => entry.id === forecastId) ?? sku.forecasts[0];
  const points = forecast?.points ?? [];
  const today = utcToday();

  const rows = useMemo(
    () => buildDemandChart(sku.demandHistory, points, sku.promotions),
    [sku.demandHistory, points, sku.promotions],
  );
  const overlays = useMemo(
    () =>
      promotionOverlays(
        sku.promotions,
        rows.map((row) => row.day),
      ),
    [sku.promotions, rows],
  );
  const drivers = useMemo(() => driverSpans(points), [points]);
  const totals = forecastTotals(points);
  const promotions = sortPromotions(sku.promotions, today);

  return (
    <>
      <section className="panel" aria-labelledby="forecast-title">
        <header className="panel__head">
          <h2 id="forecast-title">Demand and forecast</h2>
          {forecast && (
            <span className="panel__hint" data-testid="forecast-model">
              {forecast.model} model · accuracy {formatPercent(forecast.accuracy)} · class{' '}
              <span className="mono">{forecast.demandClass}</span> · trained{' '}
              {formatDateTime(forecast.trainedAt)}
            </span>
          )}
        </header>
        {sku.forecasts.length > 1 && (
          <div className="field supply-field--narrow">
            <label className="field__label" htmlFor={locationFieldId}>
              Forecast for
            </label>
            <select
              id={locationFieldId}
              className="field__input"
              value={forecast?.id}
              onChange={(event) => setForecastId(event.target.value)}
            >
              {sku.forecasts.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.location.code} · {entry.location.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {!forecast && (
          <p className="notice supply-notice">
            No forecast yet: forecasts are trained on schedule once the SKU has demand history.
          </p>
        )}
        <DemandForecastChart rows={rows} overlays={overlays} uom={sku.baseUom} />
        {forecast && (
          <div className="supply__grid supply__grid--spaced">
            <div>
              <h3 className="field__label">What moves the forecast</h3>
              {drivers.length === 0 ? (
                <p className="muted" data-testid="forecast-drivers-none">
                  Nothing: the forecast is the statistical baseline over the whole horizon.
                </p>
              ) : (
                <ul className="drivers" data-testid="forecast-drivers">
                  {drivers.map((driver) => (
                    <li key={driver.label} className="driver" data-testid="forecast-driver">
                      <span
                        className={
                          driver.uplift >= 0
                            ? 'driver__uplift driver__uplift--up'
                            : 'driver__uplift driver__uplift--down'
                        }
                      >
                        {formatUplift(driver.uplift)}
                      </span>
                      <span>
                        {driver.explanation}{' '}
                        <span className="muted">
                          (
                          {driver.minUplift !== driver.maxUplift &&
                            `${formatUplift(driver.maxUplift)} fading to ${formatUplift(driver.minUplift)}, `}
                          {formatDay(driver.from)}
                          {driver.to !== driver.from && ` – ${formatDay(driver.to)}`},{' '}
                          {formatCount(driver.days)} {driver.days === 1 ? 'day' : 'days'})
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <dl className="facts-inline" aria-label="Forecast quality">
              <div>
                <dt>Horizon</dt>
                <dd>
                  {formatRate(totals.forecast, sku.baseUom)} over {formatCount(points.length)} days (baseline{' '}
                  {formatRate(totals.baseline, sku.baseUom)})
                </dd>
              </div>
              <div>
                <dt>MASE</dt>
                <dd>{formatDecimal(forecast.mase)}</dd>
              </div>
              <div>
                <dt>Bias</dt>
                <dd>{formatPercent(forecast.bias)}</dd>
              </div>
              <div>
                <dt>Models tried</dt>
                <dd>
                  {forecast.candidates
                    .map((candidate) => `${candidate.model} ${formatPercent(candidate.wape)} WAPE`)
                    .join(', ')}
                </dd>
              </div>
              <div>
                <dt>Next training</dt>
                <dd>{formatDateTime(forecast.nextTrainingAt)}</dd>
              </div>
            </dl>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="sku-promotions-title">
        <header className="panel__head">
          <h2 id="sku-promotions-title">Promotions</h2>
          <Link className="panel__hint" href="/promotions">
            Plan promotions
          </Link>
        </header>
        {promotions.length === 0 ? (
          <EmptyState title="No promotions for this SKU">
            Promotions marketing enters for this SKU appear here with their effect on the forecast.
          </EmptyState>
        ) : (
          <table className="data-table" data-testid="sku-promotions">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Days</th>
                <th scope="col" className="data-table__number">
                  Expected
                </th>
                <th scope="col" className="data-table__number">
                  Forecast applies
                </th>
                <th scope="col" className="data-table__number">
                  Realised
                </th>
                <th scope="col" className="data-table__number">
                  Baseline on its days
                </th>
                <th scope="col" className="data-table__number">
                  Forecast on its days
                </th>
              </tr>
            </thead>
            <tbody>
              {promotions.map((promotion) => {
                const effect = promotionEffect(points, promotion);
                return (
                  <tr key={promotion.id} data-testid="sku-promotion-row" data-campaign={promotion.campaign}>
                    <th scope="row">
                      {promotion.campaign}{' '}
                      <span className="data-table__sub">
                        {channelLabel(promotion.channel)} ·{' '}
                        {promotionPhaseLabel[promotionPhase(promotion, today)]}
                      </span>
                    </th>
                    <td>
                      {formatDay(promotion.startsOn)} – {formatDay(promotion.endsOn)}
                    </td>
                    <td className="data-table__number">{formatUplift(promotion.expectedUplift)}</td>
                    <td className="data-table__number">{formatUplift(promotion.learnedUplift)}</td>
                    <td className="data-table__number">
                      {promotion.realisedUplift === null ? '—' : formatUplift(promotion.realisedUplift)}
                    </td>
                    <td className="data-table__number" data-testid="promotion-baseline">
                      {effect ? formatRate(effect.baseline, sku.baseUom) : '—'}
                    </td>
                    <td className="data-table__number" data-testid="promotion-forecast">
                      {effect ? (
                        <>
                          {formatRate(effect.forecast, sku.baseUom)}
                          {effect.uplift !== null && (
                            <span className="data-table__sub" data-testid="promotion-forecast-uplift">
                              {' '}
                              ({formatUplift(effect.uplift)})
                            </span>
                          )}
                        </>
                      ) : (
                        <span className="data-table__sub">outside the horizon</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <div className="supply__grid">
        <section className="panel" aria-labelledby="policy-title">
          <header className="panel__head">
            <h2 id="policy-title">Replenishment policy</h2>
          </header>
          <PolicyExplained positions={sku.inventoryPositions} uom={sku.baseUom} />
        </section>
        <section className="panel" aria-labelledby="projected-title">
          <header className="panel__head">
            <h2 id="projected-title">Projected stock</h2>
            <span className="panel__hint">a DC with its stores</span>
          </header>
          <ProjectedStockChart days={sku.projectedStock} uom={sku.baseUom} />
        </section>
      </div>
    </>
  );
}

function PolicyExplained({ positions, uom }: { positions: PlanningSku['inventoryPositions']; uom: string }) {
  const withPolicy = positions.filter((position) => position.policy);
  if (withPolicy.length === 0) {
    return (
      <EmptyState title="No policy computed yet">
        Safety stock and reorder point are computed from the forecast when replenishment runs.
      </EmptyState>
    );
  }
  return (
    <div>
      {withPolicy.map((position) => {
        const policy = position.policy;
        if (!policy) return null;
        return (
          <article
            key={position.id}
            className="policy-card"
            data-testid="policy"
            data-location-code={position.location.code}
          >
            <h3>
              <span className="mono">{position.location.code}</span>{' '}
              <span className="data-table__sub">{position.location.name}</span>
            </h3>
            <dl className="facts-inline">
              <div>
                <dt>Safety stock</dt>
                <dd>
                  {formatCount(policy.safetyStock)} {uom}
                </dd>
              </div>
              <div>
                <dt>Reorder point</dt>
                <dd>
                  {formatCount(policy.reorderPoint)} {uom}
                </dd>
              </div>
              <div>
                <dt>Order quantity</dt>
                <dd>
                  {formatCount(policy.orderQuantity)} {uom} (
                  {policy.orderMethod === 'PERIOD_OF_COVER' ? 'period of cover' : policy.orderMethod})
                </dd>
              </div>
              <div>
                <dt>Service level</dt>
                <dd>{formatPercent(policy.serviceLevel)}</dd>
              </div>
              <div>
                <dt>Demand</dt>
                <dd>
                  {formatRate(policy.avgDailyDemand, uom)}/day ± {formatDecimal(policy.demandStdDev)}
                </dd>
              </div>
              <div>
                <dt>Lead time</dt>
                <dd>
                  {formatDecimal(policy.leadTimeDays)} ± {formatDecimal(policy.leadTimeStdDevDays)} days
                </dd>
              </div>
            </dl>
            <ol
              className="explanation"
              aria-label={`How the policy at ${position.location.code} is computed`}
            >
              {policy.explanation.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            {policy.pendingChangeRequestId && (
              <p className="notice supply-notice">
                A change of more than 5% waits for approval (change request{' '}
                <span className="mono">{policy.pendingChangeRequestId}</span>).
              </p>
            )}
            <p className="panel__note">Computed {formatDateTime(policy.computedAt)}</p>
          </article>
        );
      })}
    </div>
  );
}
