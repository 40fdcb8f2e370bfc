'use client';

import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { IngestionDashboardQuery, THROUGHPUT_MINUTES } from '../../graphql/ingestion';
import { formatCount, formatPercent } from '../../lib/format';
import { fillThroughput, rejectRate, throughputTotals } from '../../lib/ingestion';
import { useSession } from '../../lib/session';
import { useNow } from '../../lib/use-now';
import { usePolling } from '../../lib/use-polling';
import { PageHead } from '../shell/PageHead';
import { PageRefresh } from '../shell/PageRefresh';
import { FailureState, LoadingState } from '../states/States';
import { ConsumerLagTable } from './ConsumerLagTable';
import { DeadLettersPanel } from './DeadLettersPanel';
import { EventRetentionPanel } from './EventRetentionPanel';
import { QuarantinePanel } from './QuarantinePanel';
import { RejectReasons } from './RejectReasons';
import { ThroughputChart } from './ThroughputChart';
import { ValidationModePanel } from './ValidationModePanel';

/** The gateway pushes no ingestion events: figures and the quarantine are re-read this often. */
const POLL_MS = 5_000;
const variables = { minutes: THROUGHPUT_MINUTES };

function Figure({ id, label, value, detail }: { id: string; label: string; value: string; detail: string }) {
  return (
    <div className="figure" data-testid={`ingest-${id}`}>
      <span className="figure__label">{label}</span>
      <span className="figure__value" data-testid={`ingest-${id}-value`}>
        {value}
      </span>
      <span className="figure__detail">{detail}</span>
    </div>
  );
}

export function Ingestion() {
  const session = useSession();
  const isAdmin = session?.user.roles.includes('ADMIN') ?? false;
  const [result, reexecute] = useQuery({
    query: IngestionDashboardQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  const now = useNow(POLL_MS);

  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (result.data) setUpdatedAt(new Date());
  }, [result.data]);

  const status = result.data?.ingestionStatus;
  const minutes = useMemo(
    () => fillThroughput(status?.throughput ?? [], now, THROUGHPUT_MINUTES),
    [status?.throughput, now],
  );
  const totals = throughputTotals(minutes);
  const rate = rejectRate(totals);

  return (
    <div className="ingestion">
      <PageHead
        title="Ingestion"
        subtitle={
          <>
            What source systems sent in the last hour, what was refused and why, and the records waiting for a
            fix
          </>
        }
      >
        <PageRefresh
          onRefresh={refresh}
          busy={result.fetching}
          updatedAt={updatedAt}
          testId="ingestion-updated-at"
        />
      </PageHead>

      {result.error && status && (
        <FailureState error={result.error} prefix="Some figures could not be refreshed:" />
      )}

      {!status ? (
        result.error ? (
          <FailureState error={result.error} onRetry={refresh} />
        ) : (
          <LoadingState label="Loading ingestion figures…" />
        )
      ) : (
        <>
          <div className="ingestion__top">
            <ValidationModePanel mode={status.validationMode} canChange={isAdmin} onChanged={refresh} />
            <section className="panel" aria-labelledby="last-hour-title">
              <header className="panel__head">
                <h2 id="last-hour-title">Last {THROUGHPUT_MINUTES} minutes</h2>
                <span className="panel__hint">records answered by the ingest</span>
              </header>
              <div className="figures">
                <Figure
                  id="accepted"
                  label="Accepted"
                  value={formatCount(totals.accepted)}
                  detail="appended to the backbone"
                />
                <Figure
                  id="duplicates"
                  label="Duplicates"
                  value={formatCount(totals.duplicates)}
                  detail="sent before, applied once"
                />
                <Figure
                  id="rejected"
                  label="Rejected"
                  value={formatCount(totals.rejected)}
                  detail={rate === null ? 'nothing arrived' : `${formatPercent(rate)} of records`}
                />
                <Figure
                  id="warned"
                  label="Warned"
                  value={formatCount(totals.warned)}
                  detail="of the accepted, flagged in fallback mode"
                />
              </div>
            </section>
          </div>
          <div className="ingestion__grid">
            <section className="panel" aria-labelledby="throughput-title">
              <header className="panel__head">
                <h2 id="throughput-title">Throughput per minute</h2>
                <span className="panel__hint">records by outcome, last {THROUGHPUT_MINUTES} minutes</span>
              </header>
              <ThroughputChart minutes={minutes} />
            </section>
            <div className="ingestion__stack">
              <section className="panel" aria-labelledby="rejects-title">
                <header className="panel__head">
                  <h2 id="rejects-title">Rejects by reason</h2>
                  <span className="panel__hint">records in quarantine, by field and code</span>
                </header>
                <RejectReasons reasons={status.rejectsByReason} />
              </section>
              <section className="panel" aria-labelledby="consumers-title">
                <header className="panel__head">
                  <h2 id="consumers-title">Consumers</h2>
                  <span className="panel__hint">backlog of the services applying ingested events</span>
                </header>
                <ConsumerLagTable consumers={status.consumers} />
              </section>
              <EventRetentionPanel retention={status.eventRetention} canChange={isAdmin} />
            </div>
          </div>
        </>
      )}

      <QuarantinePanel pollMs={POLL_MS} />
      <DeadLettersPanel pollMs={POLL_MS} />
    </div>
  );
}
