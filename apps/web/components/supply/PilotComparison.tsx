'use client';

import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useQuery } from 'urql';
import { LatestPilotRunQuery, type PilotRunData } from '../../graphql/supply-planning';
import { formatCount, formatDateTime, formatDay } from '../../lib/format';
import { formatRelativeChange } from '../../lib/supply-format';
import {
  defaultDailySeries,
  describeParameters,
  type PilotDay,
  type PilotKpi,
  parsePilotDaily,
  pilotKpis,
  seedsWon,
  seriesLabel,
  spreadOf,
  verdictOf,
} from '../../lib/supply-pilot';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import './supply.css';
import { PageHead } from '../shell/PageHead';

const SERIES_COLOURS = ['var(--muted)', 'var(--accent)', '#d99a06', 'var(--critical)', '#13804a', '#7a5af8'];
const verdictColour = {
  better: '#13804a',
  worse: 'var(--critical)',
  unchanged: '#9fb3c8',
  neutral: '#9fb3c8',
};

/** The latest 30-day pilot simulation: the baseline policy against Meridian's, over several seeds. */
export function PilotComparison() {
  const [result, reexecute] = useQuery({ query: LatestPilotRunQuery, requestPolicy: 'cache-and-network' });
  const run = result.data?.pilotRuns[0];

  return (
    <div className="supply">
      <PageHead
        title="Pilot"
        subtitle={
          <>
            A 30-day simulation of the demo family: today&apos;s reorder policy (baseline) against
            Meridian&apos;s forecasts and policies, on the same simulated demand.
          </>
        }
      >
        {run && (
          <span className="page-head__updated" data-testid="pilot-run-at">
            Run {formatDateTime(run.createdAt)}
          </span>
        )}
      </PageHead>
      {result.error && !result.data ? (
        <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <LoadingState label="Loading the latest pilot run…" />
      ) : !run ? (
        <EmptyState title="No pilot run yet">
          Run <code className="command">npm run pilot</code> at the repository root: it simulates 30 days with
          both policies over several seeds and stores the run. Its results appear here.
        </EmptyState>
      ) : (
        <PilotRunView run={run} />
      )}
    </div>
  );
}

function PilotRunView({ run }: { run: PilotRunData }) {
  const parameters = describeParameters(run.parameters);
  const daily = useMemo(() => parsePilotDaily(run.daily), [run.daily]);
  const seedCount = run.seeds.length;

  return (
    <>
      <section className="panel" aria-labelledby="pilot-kpis-title">
        <header className="panel__head">
          <h2 id="pilot-kpis-title">Baseline against Meridian</h2>
          <span className="panel__hint">
            means over {formatCount(seedCount)} {seedCount === 1 ? 'seed' : 'seeds'}, ± standard deviation
          </span>
        </header>
        <table className="data-table" data-testid="pilot-kpis">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" className="data-table__number">
                Baseline
              </th>
              <th scope="col" className="data-table__number">
                Meridian
              </th>
              <th scope="col" className="data-table__number">
                Change
              </th>
              <th scope="col" className="data-table__number">
                Seeds Meridian did better
              </th>
            </tr>
          </thead>
          <tbody>
            {pilotKpis.map((kpi) => {
              const change = run.relativeChange[kpi.key];
              const verdict = verdictOf(kpi, change);
              return (
                <tr key={kpi.key} data-testid="pilot-kpi-row" data-kpi={kpi.key} data-verdict={verdict}>
                  <th scope="row">{kpi.label}</th>
                  <td className="data-table__number">
                    <MeanAndSpread
                      kpi={kpi}
                      mean={run.baselineMean[kpi.key]}
                      values={run.seeds.map((s) => s.baseline[kpi.key])}
                    />
                  </td>
                  <td className="data-table__number">
                    <MeanAndSpread
                      kpi={kpi}
                      mean={run.meridianMean[kpi.key]}
                      values={run.seeds.map((s) => s.meridian[kpi.key])}
                    />
                  </td>
                  <td
                    className={`data-table__number${verdict === 'better' ? ' change--better' : verdict === 'worse' ? ' change--worse' : ''}`}
                    data-testid="pilot-kpi-change"
                  >
                    {formatRelativeChange(change)}
                    <span className="visually-hidden">
                      {verdict === 'better' ? ' (better)' : verdict === 'worse' ? ' (worse)' : ''}
                    </span>
                  </td>
                  <td className="data-table__number">
                    {kpi.better === null
                      ? '—'
                      : `${formatCount(seedsWon(run.seeds, kpi))} of ${formatCount(seedCount)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {parameters.some((parameter) => !parameter.long) && (
          <dl className="facts-inline facts-inline--spaced" aria-label="Simulation parameters">
            {parameters
              .filter((parameter) => !parameter.long)
              .map((parameter) => (
                <div key={parameter.label}>
                  <dt>{parameter.label}</dt>
                  <dd>{parameter.value}</dd>
                </div>
              ))}
          </dl>
        )}
        {parameters.some((parameter) => parameter.long) && (
          <details className="chart__table">
            <summary>How the run was simulated</summary>
            <dl className="pilot-parameters">
              {parameters
                .filter((parameter) => parameter.long)
                .map((parameter) => (
                  <div key={parameter.label}>
                    <dt>{parameter.label}</dt>
                    <dd>
                      {parameter.value.startsWith('{') || parameter.value.startsWith('[') ? (
                        <pre className="code-block">{parameter.value}</pre>
                      ) : (
                        parameter.value
                      )}
                    </dd>
                  </div>
                ))}
            </dl>
          </details>
        )}
      </section>

      <section className="panel" aria-labelledby="pilot-change-title">
        <header className="panel__head">
          <h2 id="pilot-change-title">Relative change by KPI</h2>
        </header>
        <RelativeChangeChart run={run} />
      </section>
      <section className="panel" aria-labelledby="pilot-seeds-title">
        <header className="panel__head">
          <h2 id="pilot-seeds-title">Per seed</h2>
          <span className="panel__hint">baseline → Meridian</span>
        </header>
        <SeedTable run={run} />
      </section>

      <section className="panel" aria-labelledby="pilot-daily-title">
        <header className="panel__head">
          <h2 id="pilot-daily-title">Day by day (first seed)</h2>
        </header>
        <DailyChart days={daily.days} series={daily.series} />
      </section>
    </>
  );
}

function MeanAndSpread({ kpi, mean, values }: { kpi: PilotKpi; mean: number; values: readonly number[] }) {
  const spread = spreadOf(values);
  return (
    <>
      {kpi.format(mean)}
      {spread && spread.count > 1 && (
        <span
          className="data-table__sub"
          title={`Range ${kpi.format(spread.min)} – ${kpi.format(spread.max)}`}
        >
          {' '}
          ± {kpi.format(spread.stdDev)}
        </span>
      )}
    </>
  );
}

function RelativeChangeChart({ run }: { run: PilotRunData }) {
  const rows = pilotKpis.map((kpi) => ({
    label: kpi.label,
    change: run.relativeChange[kpi.key],
    verdict: verdictOf(kpi, run.relativeChange[kpi.key]),
  }));
  return (
    <figure className="chart" aria-label="Relative change of each KPI, Meridian against the baseline">
      <div className="chart__canvas chart__canvas--short">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" horizontal={false} />
            <XAxis
              type="number"
              tickFormatter={(value: number) => formatRelativeChange(value)}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
            />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: 'var(--text)' }} />
            <ReferenceLine x={0} stroke="var(--border)" />
            <Tooltip formatter={(value) => formatRelativeChange(Number(value))} />
            <Bar dataKey="change" name="Change" isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.label} fill={verdictColour[row.verdict]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>Show figures as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Change</th>
              <th scope="col">Judged</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{formatRelativeChange(row.change)}</td>
                <td>{row.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function SeedTable({ run }: { run: PilotRunData }) {
  return (
    <table className="data-table" data-testid="pilot-seeds">
      <thead>
        <tr>
          <th scope="col">Seed</th>
          {pilotKpis.map((kpi) => (
            <th key={kpi.key} scope="col" className="data-table__number">
              {kpi.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {run.seeds.map((seed) => (
          <tr key={seed.seed}>
            <th scope="row" className="mono">
              {seed.seed}
            </th>
            {pilotKpis.map((kpi) => (
              <td key={kpi.key} className="data-table__number">
                {kpi.format(seed.baseline[kpi.key])} → {kpi.format(seed.meridian[kpi.key])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A pilot day is a calendar day ("2026-12-01") or a day number; calendar days are shortened. */
const dayLabel = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDay(day) : `Day ${day}`);

function DailyChart({ days, series }: { days: readonly PilotDay[]; series: readonly string[] }) {
  const [shown, setShown] = useState<string[]>(() => defaultDailySeries(series));
  if (days.length === 0 || series.length === 0) {
    return (
      <EmptyState title="No daily series in this run">
        Runs store the first seed&apos;s days for charting.
      </EmptyState>
    );
  }
  const toggle = (key: string, on: boolean) =>
    setShown((current) =>
      on
        ? series.filter((entry) => entry === key || current.includes(entry))
        : current.filter((entry) => entry !== key),
    );
  return (
    <figure className="chart" aria-label={`${shown.map(seriesLabel).join(', ')} per day of the first seed`}>
      <fieldset className="series-picker">
        <legend className="visually-hidden">Series shown in the chart</legend>
        {series.map((key) => (
          <label key={key} className="inline-field">
            <input
              type="checkbox"
              checked={shown.includes(key)}
              onChange={(event) => toggle(key, event.target.checked)}
            />
            {seriesLabel(key)}
          </label>
        ))}
      </fieldset>
      <div className="chart__canvas">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...days]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={dayLabel}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              minTickGap={24}
            />
            <YAxis
              tickFormatter={(value: number) => formatCount(value)}
              tick={{ fontSize: 12, fill: 'var(--muted)' }}
              width={56}
            />
            <Tooltip
              labelFormatter={(day) => dayLabel(String(day))}
              formatter={(value) => formatCount(Number(value))}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((key, index) =>
              shown.includes(key) ? (
                <Line
                  key={key}
                  dataKey={key}
                  name={seriesLabel(key)}
                  stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ) : null,
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__table">
        <summary>Show figures as a table (every series)</summary>
        <table data-testid="pilot-daily-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((key) => (
                <th key={key} scope="col">
                  {seriesLabel(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                {series.map((key) => (
                  <td key={key}>{day[key] === undefined ? '—' : formatCount(day[key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
