'use client';

import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, formatDay } from '../../lib/format';
import type { DemandChartRow, PromotionOverlay } from '../../lib/supply-forecast';
import { formatRate, formatUplift } from '../../lib/supply-format';
import { EmptyState } from '../states/States';

const PROMOTION_FILL = '#d99a06';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: DemandChartRow }[];
  uom: string;
}

function DayTooltip({ active, payload, uom }: TooltipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatDay(row.day)}</strong>
      {row.ordered !== null && (
        <span>
          Ordered {formatCount(row.ordered)} {uom}
        </span>
      )}
      {row.forecast !== null && <span>Forecast {formatRate(row.forecast, uom)}</span>}
      {row.baseline !== null && <span>Baseline {formatRate(row.baseline, uom)}</span>}
      {row.interval && (
        <span>
          80% interval {formatRate(row.interval[0], uom)} – {formatRate(row.interval[1], uom)}
        </span>
      )}
      {row.promoted && <span>Promotion day</span>}
    </div>
  );
}

/**
 * Daily demand (bars) followed by the forecast (line) with its 80 % prediction interval (band) and the
 * statistical baseline (dashed), promotions shaded; the same figures as a table below.
 */
export function DemandForecastChart({
  rows,
  overlays,
  uom,
}: {
  rows: readonly DemandChartRow[];
  overlays: readonly PromotionOverlay[];
  uom: string;
}) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No demand history or forecast yet">
        The chart appears once orders are recorded and the SKU&apos;s forecast is trained.
      </EmptyState>
    );
  }
  const firstForecastDay = rows.find((row) => row.forecast !== null)?.day;
  const historyDays = rows.filter((row) => row.ordered !== null).length;
  const forecastDays = rows.filter((row) => row.forecast !== null).length;
  return (
    <figure
      className="chart"
      data-testid="demand-forecast-chart"
      aria-label={`Daily demand over the last ${historyDays} days and the forecast for the next ${forecastDays} days, in ${uom}`}
    >
      <div className="chart__canvas">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={[...rows]} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={formatDay}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border)' }}
              minTickGap={28}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(value: number) => formatCount(value)}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={false}
              width={48}
              label={{ value: uom, angle: -90, position: 'insideLeft', fontSize: 12, fill: 'var(--muted)' }}
            />
            {overlays.map((overlay) => (
              <ReferenceArea
                key={overlay.id}
                x1={overlay.from}
                x2={overlay.to}
                fill={PROMOTION_FILL}
                fillOpacity={0.12}
                stroke={PROMOTION_FILL}
                strokeOpacity={0.4}
                label={{
                  value: `${overlay.campaign} (${formatUplift(overlay.learnedUplift)})`,
                  position: 'insideTop',
                  fontSize: 11,
                  fill: 'var(--medium)',
                }}
              />
            ))}
            {firstForecastDay && (
              <ReferenceLine
                x={firstForecastDay}
                stroke="var(--muted)"
                strokeDasharray="3 3"
                label={{ value: 'forecast', position: 'insideTopRight', fontSize: 11, fill: 'var(--muted)' }}
              />
            )}
            <Tooltip content={<DayTooltip uom={uom} />} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="ordered" name="Ordered" fill="#9fb3c8" isAnimationActive={false} />
            <Area
              dataKey="interval"
              name="80% prediction interval"
              stroke="none"
              fill="var(--accent)"
              fillOpacity={0.15}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Line
              dataKey="baseline"
              name="Baseline"
              stroke="var(--muted)"
              strokeDasharray="5 4"
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="forecast"
              name="Forecast"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>Show figures as a table</summary>
        <table data-testid="demand-forecast-table">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Ordered</th>
              <th scope="col">Baseline</th>
              <th scope="col">Forecast</th>
              <th scope="col">80% interval</th>
              <th scope="col">Promotion</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day} data-testid="demand-forecast-row" data-day={row.day}>
                <th scope="row">{row.day}</th>
                <td>{row.ordered === null ? '—' : `${formatCount(row.ordered)} ${uom}`}</td>
                <td data-testid="baseline-value">
                  {row.baseline === null ? '—' : formatRate(row.baseline, uom)}
                </td>
                <td data-testid="forecast-value">
                  {row.forecast === null ? '—' : formatRate(row.forecast, uom)}
                </td>
                <td>
                  {row.interval
                    ? `${formatRate(row.interval[0], uom)} – ${formatRate(row.interval[1], uom)}`
                    : '—'}
                </td>
                <td>{row.promoted ? 'yes' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
