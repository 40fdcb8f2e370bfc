'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import {
  ExceptionRaisedSubscription,
  FEED_SIZE,
  type FeedException,
  KpiUpdatedSubscription,
  OverviewQuery,
  TREND_DAYS,
} from '../../graphql/overview';
import { useConnectionStatus } from '../../lib/connection-status';
import { describeError } from '../../lib/errors';
import { mergeFeed } from '../../lib/exception-feed';
import { formatClock, formatCount } from '../../lib/format';
import { clearSession } from '../../lib/session';
import { useThrottledCallback } from '../../lib/use-throttled-callback';
import { PageHead } from '../shell/PageHead';
import { ErrorState, LoadingState } from '../states/States';
import { ExceptionFeed } from './ExceptionFeed';
import { FillRateTrendChart } from './FillRateTrendChart';
import { KpiTiles } from './KpiTiles';

const REFRESH_INTERVAL_MS = 1_000;
const variables = { trendDays: TREND_DAYS, feedSize: FEED_SIZE };

export function Overview() {
  const [result, reexecute] = useQuery({
    query: OverviewQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const refresh = useThrottledCallback(
    () => reexecute({ requestPolicy: 'network-only' }),
    REFRESH_INTERVAL_MS,
  );

  // Exceptions pushed since the page opened, newest first; the reducer keeps them across events.
  const [raised] = useSubscription(
    { query: ExceptionRaisedSubscription },
    (previous: FeedException[] = [], data) => [data.exceptionRaised, ...previous.slice(0, FEED_SIZE - 1)],
  );
  const [kpiUpdate] = useSubscription({ query: KpiUpdatedSubscription });

  // New exceptions change the counts, KPI events change the tiles: both re-read the overview.
  useEffect(() => {
    if (raised.data || kpiUpdate.data) refresh();
  }, [raised.data, kpiUpdate.data, refresh]);

  // Events sent while the socket was down are lost; catch up once it is back.
  const connection = useConnectionStatus();
  const previousConnection = useRef(connection);
  useEffect(() => {
    if (connection === 'live' && previousConnection.current === 'reconnecting') refresh();
    previousConnection.current = connection;
  }, [connection, refresh]);

  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (result.data) setUpdatedAt(new Date());
  }, [result.data]);

  const signedOut = result.data !== undefined && result.data.me === null && !result.error;
  useEffect(() => {
    if (signedOut) clearSession('session-expired');
  }, [signedOut]);

  const feed = useMemo(
    () =>
      mergeFeed(raised.data ?? [], result.data?.exceptions.edges.map((edge) => edge.node) ?? [], FEED_SIZE),
    [raised.data, result.data],
  );
  const freshIds = useMemo(() => new Set(raised.data?.map((exception) => exception.id)), [raised.data]);

  const tenant = result.data?.me?.tenant;
  const liveError = raised.error ?? kpiUpdate.error;

  return (
    <div className="overview">
      <PageHead
        title="Overview"
        subtitle={<>Service levels and open exceptions across {tenant?.name ?? 'your tenant'}</>}
      >
        {updatedAt && (
          <span className="page-head__updated" data-testid="overview-updated-at">
            {result.stale || result.fetching ? 'Refreshing…' : `Updated ${formatClock(updatedAt)}`}
          </span>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
          disabled={result.fetching}
        >
          Refresh
        </button>
      </PageHead>

      {result.error && tenant && (
        <ErrorState message={`Some figures could not be refreshed: ${describeError(result.error)}`} />
      )}

      {!tenant ? (
        result.error ? (
          <ErrorState
            message={describeError(result.error)}
            onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        ) : (
          <LoadingState label="Loading service levels…" />
        )
      ) : (
        <>
          <KpiTiles tenant={tenant} />
          <div className="overview__grid">
            <section className="panel" aria-labelledby="trend-title">
              <header className="panel__head">
                <h2 id="trend-title">Fill rate, daily</h2>
                <span className="panel__hint">last {TREND_DAYS} days, units shipped ÷ ordered</span>
              </header>
              <FillRateTrendChart days={tenant.inventoryKpis.fillRateTrend} />
            </section>
            <section className="panel panel--feed" aria-labelledby="feed-title">
              <header className="panel__head">
                <h2 id="feed-title">Open exceptions</h2>
                <span className="panel__hint" data-testid="feed-count">
                  newest {formatCount(feed.length)} of {formatCount(tenant.exceptionKpis.open)}
                </span>
              </header>
              {liveError && (
                <ErrorState
                  message={`Live updates are unavailable: ${describeError(liveError)} New exceptions show after a refresh.`}
                />
              )}
              <ExceptionFeed exceptions={feed} freshIds={freshIds} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
