'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useMutation } from 'urql';
import {
  AcknowledgeChangeRequestMutation,
  ApproveChangeRequestMutation,
  type ChangeRequestEntry,
  RejectChangeRequestMutation,
  WithdrawChangeRequestMutation,
} from '../../graphql/master-data';
import { formatDateTime, formatRelative } from '../../lib/format';
import {
  describeApprovalReason,
  describeUser,
  entityLabel,
  formatSince,
  isMasterEntity,
  masterRecordPath,
} from '../../lib/master-data';
import { FailureState } from '../states/States';
import { ChangeRequestStatusBadge } from './ChangeRequestStatusBadge';
import { DiffTable } from './DiffTable';

function proposedText(proposed: unknown, key: string): string | null {
  const value = (proposed as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : null;
}

/**
 * One change request: what it changes and why it waits, who asked and when. While pending, anyone with the
 * right role can approve or reject it; the API refuses an approval by the requester, and that refusal is
 * shown here as it was given.
 */
export function ChangeRequestCard({
  request,
  signedInUserId,
  now,
  showRecordLink = true,
  onDecided,
}: {
  request: ChangeRequestEntry;
  signedInUserId: string | null;
  now: number;
  /** False on the record's own page */
  showRecordLink?: boolean;
  /** Called with the request as the decision left it. */
  onDecided: (updated: ChangeRequestEntry) => void;
}) {
  const [comment, setComment] = useState('');
  const [approving, approve] = useMutation(ApproveChangeRequestMutation);
  const [rejecting, reject] = useMutation(RejectChangeRequestMutation);
  const [acknowledging, acknowledge] = useMutation(AcknowledgeChangeRequestMutation);
  const [withdrawing, withdraw] = useMutation(WithdrawChangeRequestMutation);
  const [needsComment, setNeedsComment] = useState(false);
  const busy = approving.fetching || rejecting.fetching || acknowledging.fetching || withdrawing.fetching;
  const error = approving.error ?? rejecting.error ?? acknowledging.error ?? withdrawing.error;
  const failedAction = approving.error
    ? 'approved'
    : rejecting.error
      ? 'rejected'
      : acknowledging.error
        ? 'acknowledged'
        : 'withdrawn';

  const code = proposedText(request.proposed, 'code');
  const name = proposedText(request.proposed, 'name');
  const ownRequest = signedInUserId !== null && request.requestedById === signedInUserId;
  const pending = request.status === 'PENDING';
  const awaitingEffectiveDate = request.status === 'APPROVED' && request.publishedVersion === null;
  const titleId = `cr-${request.id}-title`;

  async function withdrawRequest() {
    const answer = await withdraw({ id: request.id });
    if (answer.data) onDecided(answer.data.withdrawChangeRequest);
  }

  async function decide(action: 'approve' | 'reject') {
    const text = comment.trim();
    if (action === 'reject' && !text) {
      setNeedsComment(true);
      return;
    }
    setNeedsComment(false);
    if (action === 'approve') {
      const answer = await approve({ id: request.id, comment: text || null });
      if (answer.data) onDecided(answer.data.approveChangeRequest);
    } else {
      const answer = await reject({ id: request.id, comment: text });
      if (answer.data) onDecided(answer.data.rejectChangeRequest);
    }
  }

  return (
    <article
      className="md-cr"
      aria-labelledby={titleId}
      data-testid="change-request"
      data-change-request-id={request.id}
      data-entity-id={request.entityId ?? undefined}
    >
      <div className="md-cr__head">
        <div>
          <h3 className="md-cr__title" id={titleId}>
            {entityLabel(request.entityType)} {code && <span className="mono">{code}</span>} {name}
          </h3>
          <span className="panel__hint" data-testid="change-request-requester">
            Requested by {describeUser(request.requestedById, request.requestedBy?.name, signedInUserId)}{' '}
            <time dateTime={request.requestedAt} title={formatDateTime(request.requestedAt)}>
              {formatSince(request.requestedAt, now)}
            </time>{' '}
            against version {request.baseVersion}
            {request.ticketId && (
              <>
                {' '}
                · ticket <span className="mono">{request.ticketId}</span>
              </>
            )}
          </span>
        </div>
        <div className="md-timeline__head">
          <ChangeRequestStatusBadge status={request.status} />
          {showRecordLink && request.entityId && isMasterEntity(request.entityType) && (
            <Link
              href={masterRecordPath(request.entityType, request.entityId)}
              data-testid="change-request-record-link"
            >
              Open the record
            </Link>
          )}
        </div>
      </div>
      <p className="md-cr__comment">“{request.comment}”</p>
      {request.reasons.length > 0 && (
        <ul className="md-cr__reasons" aria-label="Why it needs approval">
          {request.reasons.map((reason) => (
            <li key={`${reason.rule}/${reason.field}`}>{describeApprovalReason(reason)}</li>
          ))}
        </ul>
      )}
      <DiffTable changes={request.changes} label="Proposed changes" testId="change-request-changes" />
      {request.effectiveAt && (pending || awaitingEffectiveDate) && (
        <span className="panel__hint" data-testid="change-request-effective">
          {pending ? 'Takes effect' : 'Approved: publishes'} {formatDateTime(request.effectiveAt)}
          {pending && ' once approved'}.
        </span>
      )}
      {pending && request.acknowledgeDueAt && !request.acknowledgedAt && (
        <span className={request.slaBreached ? 'sla sla--breached' : 'panel__hint'}>
          Acknowledgement {request.slaBreached ? 'overdue since' : 'due'}{' '}
          {formatRelative(request.acknowledgeDueAt, now)}
        </span>
      )}
      {!pending && (
        <span className="panel__hint" data-testid="change-request-decision">
          {request.status === 'APPROVED' &&
            `Approved${request.publishedVersion ? ` and published as version ${request.publishedVersion}` : ''}`}
          {request.status === 'REJECTED' && 'Rejected'}
          {request.status === 'WITHDRAWN' && 'Withdrawn'}
          {request.status === 'LAPSED' && 'Approved, then lapsed at its effective date'}
          {request.decidedBy &&
            ` by ${describeUser(request.decidedBy.id, request.decidedBy.name, signedInUserId)}`}
          {request.decidedAt && ` on ${formatDateTime(request.decidedAt)}`}
          {request.decisionComment && `: “${request.decisionComment}”`}
        </span>
      )}
      {awaitingEffectiveDate && request.effectiveAt && ownRequest && (
        <div className="md-cr__decide">
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={busy}
            onClick={() => void withdrawRequest()}
          >
            Withdraw before it takes effect
          </button>
        </div>
      )}
      {pending && (
        <div className="md-cr__decide">
          {ownRequest && (
            <p className="notice md-cr__full">
              You requested this change: another user with the right role has to approve it.
            </p>
          )}
          <label className="field">
            <span className="field__label">Decision comment</span>
            <input
              className="field__input"
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
                setNeedsComment(false);
              }}
              maxLength={500}
              placeholder="required to reject"
              aria-invalid={needsComment ? true : undefined}
            />
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void decide('approve')}
          >
            {approving.fetching ? 'Approving…' : 'Approve'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void decide('reject')}>
            {rejecting.fetching ? 'Rejecting…' : 'Reject'}
          </button>
          {request.acknowledgeDueAt && !request.acknowledgedAt && !ownRequest && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() =>
                void acknowledge({ id: request.id }).then(
                  (answer) => answer.data && onDecided(answer.data.acknowledgeChangeRequest),
                )
              }
            >
              Acknowledge
            </button>
          )}
          {ownRequest && (
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              onClick={() => void withdrawRequest()}
            >
              Withdraw
            </button>
          )}
          {needsComment && (
            <p className="field__problem md-cr__full" role="alert">
              Say why the change is rejected; the requester sees your comment.
            </p>
          )}
        </div>
      )}
      {error && <FailureState error={error} prefix={`The change request was not ${failedAction}:`} />}
    </article>
  );
}
