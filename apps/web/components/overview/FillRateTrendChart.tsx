'use client';

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FillRateDay } from '../../graphql/overview';
import { formatCount, formatDay, formatPercent } from '../../lib/format';
import { EmptyState } from '../states/States';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: FillRateDay }[];
}

function DayTooltip({ active, payload }: TooltipProps) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatDay(day.day)}</strong>
      <span>{day.fillRate === null ? 'Nothing ordered' : `Fill rate ${formatPercent(day.fillRate)}`}</span>
      <span>
        {formatCount(day.shipped)} of {formatCount(day.ordered)} units shipped
      </span>
    </div>
  );
}

/** Round ticks (every 5 or 10 points) from just under the lowest day up to 100 %. */
function percentTicks(lowest: number): number[] {
  const step = lowest >= 0.7 ? 5 : 10;
  const floor = Math.max(0, Math.floor((lowest * 100) / step) * step - step);
  const ticks: number[] = [];
  for (let point = floor; point <= 100; point += step) ticks.push(point / 100);
  return ticks;
}

/** Daily fill rate as an area chart, with the same figures as a table for keyboard and screen-reader users. */
export function FillRateTrendChart({ days }: { days: readonly FillRateDay[] }) {
  const rates = days.flatMap((day) => (day.fillRate === null ? [] : [day.fillRate]));
  if (rates.length === 0) {
    return (
      <EmptyState title="No orders in this period">The trend appears once orders are recorded.</EmptyState>
    );
  }
  const ticks = percentTicks(Math.min(...rates));
  return (
    <figure
      className="chart"
      data-testid="fill-rate-trend"
      aria-label={`Daily fill rate over the last ${days.length} days`}
    >
      <div className="chart__canvas">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={[...days]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <defs>
              <linearGradient id="fill-rate-gradient" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor="var(--accent)" stopOpacity={0.25} />
                <stop offset="100%" stopColor="var(--accent)" stopOpacity={0.02} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={formatDay}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border)' }}
              minTickGap={24}
            />
            <YAxis
              domain={[ticks[0] ?? 0, 1]}
              ticks={ticks}
              tickFormatter={(value: number) => `${Math.round(value * 100)}%`}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <Tooltip content={<DayTooltip />} />
            <Area
              type="monotone"
              dataKey="fillRate"
              name="Fill rate"
              stroke="var(--accent)"
              strokeWidth={2}
              fill="url(#fill-rate-gradient)"
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>Show figures as a table</summary>
        <table data-testid="fill-rate-table">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Ordered</th>
              <th scope="col">Shipped</th>
              <th scope="col">Fill rate</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{formatCount(day.ordered)} units</td>
                <td>{formatCount(day.shipped)} units</td>
                <td>{day.fillRate === null ? '—' : formatPercent(day.fillRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
