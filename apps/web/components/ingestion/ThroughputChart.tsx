'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatMinute } from '../../lib/format';
import type { ThroughputMinute } from '../../lib/ingestion';

/** The four counts, each with its own colour; warned records are among the accepted (flagged in fallback mode). */
export const throughputSeries = [
  { key: 'accepted', label: 'Accepted', colour: 'var(--accent)' },
  { key: 'duplicates', label: 'Duplicates', colour: '#7a8797' },
  { key: 'rejected', label: 'Rejected', colour: 'var(--critical)' },
  { key: 'warned', label: 'Warned', colour: '#d99a06' },
] as const;

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: ThroughputMinute }[];
}

function MinuteTooltip({ active, payload }: TooltipProps) {
  const minute = payload?.[0]?.payload;
  if (!active || !minute) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatMinute(minute.minute)}</strong>
      {throughputSeries.map((series) => (
        <span key={series.key}>
          {series.label}: {formatCount(minute[series.key])} records
        </span>
      ))}
    </div>
  );
}

/** Records per minute by outcome, with the same figures as a table for keyboard and screen-reader users. */
export function ThroughputChart({ minutes }: { minutes: readonly ThroughputMinute[] }) {
  return (
    <figure
      className="chart"
      data-testid="ingest-throughput"
      aria-label={`Records per minute by outcome over the last ${minutes.length} minutes`}
    >
      <div className="chart__canvas chart__canvas--short">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...minutes]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="minute"
              tickFormatter={formatMinute}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border)' }}
              minTickGap={32}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(value: number) => formatCount(value)}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <Tooltip content={<MinuteTooltip />} />
            <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
            {throughputSeries.map((series) => (
              <Line
                key={series.key}
                type="monotone"
                dataKey={series.key}
                name={series.label}
                stroke={series.colour}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>Show figures as a table</summary>
        <table data-testid="ingest-throughput-table">
          <thead>
            <tr>
              <th scope="col">Minute</th>
              {throughputSeries.map((series) => (
                <th key={series.key} scope="col">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {minutes.map((minute) => (
              <tr key={minute.minute}>
                <th scope="row">
                  <time dateTime={minute.minute}>{formatMinute(minute.minute)}</time>
                </th>
                {throughputSeries.map((series) => (
                  <td key={series.key}>{formatCount(minute[series.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
