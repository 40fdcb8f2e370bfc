'use client';

import Link from 'next/link';
import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ApprovePurchaseOrderProposalMutation,
  type PurchaseOrderProposalData,
  PurchaseOrderProposalsQuery,
  RejectPurchaseOrderProposalMutation,
  RunReplenishmentMutation,
} from '../../graphql/supply-planning';
import { type ApiFailure, describeFailure } from '../../lib/errors';
import { formatCount, formatDateTime, formatDay, formatQuantity } from '../../lib/format';
import { useSession } from '../../lib/session';
import { skuPath } from '../../lib/sku';
import { formatMoney, utcToday } from '../../lib/supply-format';
import {
  daysUntilStockout,
  type ProposalStatus,
  proposalStatuses,
  proposalStatusLabel,
  proposalValueCents,
  rejectionReasonProblem,
  sortQueue,
} from '../../lib/supply-purchase-orders';
import { canDecidePurchaseOrders } from '../../lib/supply-roles';
import { usePolling } from '../../lib/use-polling';
import { EmptyState, ErrorState, FailureState, LoadingState } from '../states/States';
import './supply.css';
import { PageHead } from '../shell/PageHead';

/** Proposals are made on schedule by the replenishment run; re-read the queue now and then. */
const POLL_MS = 15_000;
const QUEUE_SIZE = 100;

interface Decision {
  proposal: PurchaseOrderProposalData;
}

/** The purchase order proposals replenishment made, each with why; planners approve or reject them. */
export function PurchaseOrderQueue() {
  const session = useSession();
  const canDecide = canDecidePurchaseOrders(session?.user.roles ?? []);
  const [status, setStatus] = useState<ProposalStatus>('PROPOSED');
  const [result, reexecute] = useQuery({
    query: PurchaseOrderProposalsQuery,
    variables: { status, first: QUEUE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [run, runReplenishment] = useMutation(RunReplenishmentMutation);
  const [runOutcome, setRunOutcome] = useState<{ updated: number } | ApiFailure | null>(null);
  const today = utcToday();

  async function runNow() {
    setRunOutcome(null);
    const answer = await runReplenishment({});
    setRunOutcome(
      answer.error ? describeFailure(answer.error) : { updated: answer.data?.runReplenishment ?? 0 },
    );
    refresh();
  }

  const proposals = result.data ? sortQueue(result.data.purchaseOrderProposals) : [];
  const totalCents = proposals.reduce((sum, proposal) => sum + proposalValueCents(proposal), 0);

  return (
    <div className="supply">
      <PageHead
        title="Purchase orders"
        subtitle={
          <>
            Orders replenishment proposes where projected stock falls to the reorder point, soonest stock-out
            first.
          </>
        }
      >
        {canDecide && (
          <button type="button" className="button" onClick={() => void runNow()} disabled={run.fetching}>
            {run.fetching ? 'Running replenishment…' : 'Run replenishment now'}
          </button>
        )}
      </PageHead>

      {runOutcome &&
        ('updated' in runOutcome ? (
          <p className="notice" role="status" data-testid="replenishment-ran">
            Replenishment ran: forecasts retrained, policies recomputed, {formatCount(runOutcome.updated)}{' '}
            {runOutcome.updated === 1 ? 'proposal' : 'proposals'} created or refreshed.
          </p>
        ) : (
          <ErrorState message={`Replenishment did not run: ${runOutcome.message}`} code={runOutcome.code} />
        ))}

      {decision && (
        <p
          className="notice"
          role="status"
          data-testid="proposal-decided"
          data-status={decision.proposal.status}
        >
          {proposalStatusLabel(decision.proposal.status)}:{' '}
          {formatQuantity(decision.proposal.quantity, decision.proposal.sku.baseUom)} of{' '}
          <span className="mono">{decision.proposal.sku.code}</span> for {decision.proposal.location.code} (
          {formatMoney(proposalValueCents(decision.proposal))}).
        </p>
      )}

      <section className="panel" aria-labelledby="proposals-title">
        <header className="panel__head">
          <h2 id="proposals-title">{proposalStatusLabel(status)} purchase orders</h2>
          {result.data && (
            <span className="panel__hint" data-testid="proposal-count">
              {formatCount(proposals.length)} {proposals.length === 1 ? 'proposal' : 'proposals'} ·{' '}
              {formatMoney(totalCents)}
            </span>
          )}
        </header>
        <fieldset className="tabs">
          <legend className="visually-hidden">Show proposals by status</legend>
          {proposalStatuses.map((entry) => (
            <button
              key={entry.status}
              type="button"
              className="button button--small"
              aria-pressed={status === entry.status}
              onClick={() => setStatus(entry.status)}
            >
              {entry.label}
            </button>
          ))}
        </fieldset>
        {result.error && !result.data ? (
          <FailureState error={result.error} onRetry={refresh} />
        ) : !result.data ? (
          <LoadingState label="Loading proposals…" />
        ) : proposals.length === 0 ? (
          <EmptyState title={`No ${proposalStatusLabel(status).toLowerCase()} proposals`}>
            {status === 'PROPOSED'
              ? 'Nothing to decide: no position is projected to reach its reorder point. Replenishment runs on schedule.'
              : 'Decided proposals appear here.'}
          </EmptyState>
        ) : (
          <>
            {result.error && <FailureState error={result.error} prefix="The queue could not be refreshed:" />}
            <ul className="proposals" data-testid="proposal-queue">
              {proposals.map((proposal) => (
                <ProposalItem
                  key={proposal.id}
                  proposal={proposal}
                  today={today}
                  canDecide={canDecide && proposal.status === 'PROPOSED'}
                  onDecided={(decided) => {
                    setDecision({ proposal: decided });
                    refresh();
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function ProposalItem({
  proposal,
  today,
  canDecide,
  onDecided,
}: {
  proposal: PurchaseOrderProposalData;
  today: string;
  canDecide: boolean;
  onDecided: (proposal: PurchaseOrderProposalData) => void;
}) {
  const reasonId = useId();
  const [approved, approve] = useMutation(ApprovePurchaseOrderProposalMutation);
  const [rejected, reject] = useMutation(RejectPurchaseOrderProposalMutation);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const busy = approved.fetching || rejected.fetching;
  const uom = proposal.sku.baseUom;
  const daysLeft = daysUntilStockout(proposal, today);

  async function approveNow() {
    setFailure(null);
    const answer = await approve({ id: proposal.id });
    if (answer.error) setFailure(describeFailure(answer.error));
    else if (answer.data) onDecided(answer.data.approvePurchaseOrderProposal);
  }

  async function rejectNow(event: FormEvent) {
    event.preventDefault();
    const problem = rejectionReasonProblem(reason);
    setReasonProblem(problem);
    if (problem) return;
    setFailure(null);
    const answer = await reject({ id: proposal.id, reason: reason.trim() });
    if (answer.error) setFailure(describeFailure(answer.error));
    else if (answer.data) onDecided(answer.data.rejectPurchaseOrderProposal);
  }

  return (
    <li
      className="proposal"
      data-testid="proposal"
      data-proposal-id={proposal.id}
      data-sku-code={proposal.sku.code}
      aria-labelledby={`${reasonId}-title`}
    >
      <div className="proposal__head">
        <h3 id={`${reasonId}-title`}>
          <span data-testid="proposal-quantity">{formatQuantity(proposal.quantity, uom)}</span> of{' '}
          <Link href={skuPath(proposal.sku.code)} className="mono">
            {proposal.sku.code}
          </Link>{' '}
          <span className="data-table__sub">{proposal.sku.name}</span> for{' '}
          <span className="mono" title={proposal.location.name}>
            {proposal.location.code}
          </span>
        </h3>
        <span className="panel__hint">
          {formatMoney(proposalValueCents(proposal))} at {formatMoney(proposal.unitCostCents)}/{uom}
        </span>
      </div>
      <dl className="facts-inline">
        <div>
          <dt>Status</dt>
          <dd data-testid="proposal-status">{proposalStatusLabel(proposal.status)}</dd>
        </div>
        <div>
          <dt>Projected stock-out</dt>
          <dd>
            {proposal.projectedStockoutOn === null || daysLeft === null
              ? 'none in the horizon'
              : `${formatDay(proposal.projectedStockoutOn)} (${daysLeft <= 0 ? 'now' : `in ${formatCount(daysLeft)} ${daysLeft === 1 ? 'day' : 'days'}`})`}
          </dd>
        </div>
        <div>
          <dt>Reorder point</dt>
          <dd>{formatQuantity(proposal.reorderPoint, uom)}</dd>
        </div>
        <div>
          <dt>Projected stock on {formatDay(proposal.triggerDay)}</dt>
          <dd>{formatQuantity(proposal.projectedStock, uom)}</dd>
        </div>
        <div>
          <dt>Proposed</dt>
          <dd>{formatDateTime(proposal.createdAt)}</dd>
        </div>
        {proposal.decidedAt && (
          <div>
            <dt>Decided</dt>
            <dd>{formatDateTime(proposal.decidedAt)}</dd>
          </div>
        )}
      </dl>
      <ol className="explanation" aria-label="Why this order is proposed">
        {proposal.explanation.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {canDecide && (
        <form className="proposal__actions" onSubmit={rejectNow} noValidate>
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => void approveNow()}
            disabled={busy}
          >
            {approved.fetching ? 'Approving…' : 'Approve'}
          </button>
          {rejecting ? (
            <>
              <div className="field">
                <label className="field__label" htmlFor={reasonId}>
                  Reason for rejecting
                </label>
                <input
                  id={reasonId}
                  className="field__input field__input--small"
                  value={reason}
                  onChange={(event) => {
                    setReason(event.target.value);
                    setReasonProblem(null);
                  }}
                  aria-invalid={reasonProblem ? true : undefined}
                  aria-describedby={reasonProblem ? `${reasonId}-error` : undefined}
                />
                {reasonProblem && (
                  <span className="field__error" id={`${reasonId}-error`}>
                    {reasonProblem}
                  </span>
                )}
              </div>
              <button type="submit" className="button button--small" disabled={busy}>
                {rejected.fetching ? 'Rejecting…' : 'Reject'}
              </button>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => setRejecting(false)}
              >
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => setRejecting(true)}
              disabled={busy}
            >
              Reject…
            </button>
          )}
        </form>
      )}
      {failure && (
        <ErrorState message={`The proposal was not decided: ${failure.message}`} code={failure.code} />
      )}
    </li>
  );
}
