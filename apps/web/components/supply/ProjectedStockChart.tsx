'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, formatDay } from '../../lib/format';
import { formatRate } from '../../lib/supply-format';
import { EmptyState } from '../states/States';

export interface ProjectedDay {
  day: string;
  projected: number;
  forecast: number;
  reorderPoint: number;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: ProjectedDay }[];
  uom: string;
}

function DayTooltip({ active, payload, uom }: TooltipProps) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatDay(day.day)}</strong>
      <span>Projected stock {formatRate(day.projected, uom)}</span>
      <span>Forecast demand {formatRate(day.forecast, uom)}</span>
      <span>
        Reorder point {formatCount(day.reorderPoint)} {uom}
      </span>
    </div>
  );
}

/** On hand + on order − forecast, day by day, against the reorder point; the figures as a table too. */
export function ProjectedStockChart({ days, uom }: { days: readonly ProjectedDay[]; uom: string }) {
  if (days.length === 0) {
    return (
      <EmptyState title="No projection yet">
        Stock is projected once the SKU has a forecast at its distribution center.
      </EmptyState>
    );
  }
  return (
    <figure
      className="chart"
      data-testid="projected-stock"
      aria-label={`Projected stock over the next ${days.length} days against the reorder point, in ${uom}`}
    >
      <div className="chart__canvas chart__canvas--short">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...days]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
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
              tickFormatter={(value: number) => formatCount(value)}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <ReferenceLine y={0} stroke="var(--critical)" strokeOpacity={0.5} />
            <Tooltip content={<DayTooltip uom={uom} />} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              type="stepAfter"
              dataKey="projected"
              name="Projected stock"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="reorderPoint"
              name="Reorder point"
              stroke="var(--high)"
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>Show figures as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Projected stock</th>
              <th scope="col">Forecast demand</th>
              <th scope="col">Reorder point</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{formatRate(day.projected, uom)}</td>
                <td>{formatRate(day.forecast, uom)}</td>
                <td>
                  {formatCount(day.reorderPoint)} {uom}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
