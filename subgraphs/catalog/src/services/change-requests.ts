import { type Identity, requireRole, requireUser, type UserIdentity } from '@meridian/auth';
import { changeRequestDecidedData, DOMAIN_EVENT_TYPES } from '@meridian/canonical';
import type { ChangeRequest, ChangeRequestStatus, Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import { ENTITY_TYPES, type EntityType, parseRecord } from '../domain/records';
import { stewardshipDueAt } from '../domain/stewardship';
import * as governance from '../store/governance';
import * as records from '../store/records';
import { checkReferences, publish, SOURCE } from './publication';

const REPLENISHMENT_POLICY = 'REPLENISHMENT_POLICY';
const transactionOptions = { maxWait: 10_000, timeout: 30_000 };

/** Master data is decided by data stewards (analyst); replenishment policies by planners. Admins decide both. */
function requireDecider(identity: Identity, changeRequest: Pick<ChangeRequest, 'entityType'>): UserIdentity {
  return changeRequest.entityType === REPLENISHMENT_POLICY
    ? requireRole(identity, 'planner')
    : requireRole(identity, 'analyst');
}

async function lockPending(tx: Prisma.TransactionClient, tenantId: string, id: string) {
  const changeRequest = await governance.lockChangeRequest(tx, tenantId, id);
  if (!changeRequest) {
    throw new MeridianError(ErrorCode.NOT_FOUND, `No change request ${id} in your tenant.`, { field: 'id' });
  }
  if (changeRequest.status !== 'PENDING') {
    throw new MeridianError(ErrorCode.CONFLICT, `The change request is already ${changeRequest.status}.`, {
      field: 'id',
    });
  }
  return changeRequest;
}

function refuseOwnRequest(user: UserIdentity, changeRequest: ChangeRequest, action: string) {
  if (changeRequest.requestedById === user.userId) {
    throw new MeridianError(
      ErrorCode.FORBIDDEN,
      `A change request needs a second person: ask another data steward to ${action} your own request.`,
      { field: 'id' },
    );
  }
}

/**
 * Approves (publishing the staged record as the next version, or, with a future effectiveAt, checking it now
 * and leaving it to publishDueChangeRequests then) or rejects a pending change request. The decider must hold
 * the right role and must not be the requester. Emits `catalog.change_request_decided` either way.
 */
export async function decideChangeRequest(
  prisma: PrismaClient,
  identity: Identity,
  id: string,
  status: 'APPROVED' | 'REJECTED',
  comment: string | null | undefined,
): Promise<ChangeRequest> {
  const { tenantId } = requireUser(identity);
  const decisionComment = comment?.trim() || null;
  if (status === 'REJECTED' && (!decisionComment || decisionComment.length < 3)) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'comment: say why you reject it (3+ characters).', {
      field: 'comment',
    });
  }
  return prisma.$transaction(async (tx) => {
    const changeRequest = await lockPending(tx, tenantId, id);
    const user = requireDecider(identity, changeRequest);
    refuseOwnRequest(user, changeRequest, status === 'APPROVED' ? 'approve' : 'reject');
    const now = new Date();
    let publishedVersion: number | null = null;
    if (status === 'APPROVED' && ENTITY_TYPES.includes(changeRequest.entityType as EntityType)) {
      const scheduled = changeRequest.effectiveAt !== null && changeRequest.effectiveAt > now;
      if (scheduled) await checkStaged(tx, changeRequest, tenantId);
      else publishedVersion = await publishStaged(tx, changeRequest, tenantId, user.userId);
    }
    const decided = await governance.updateChangeRequest(tx, changeRequest.id, {
      status,
      decidedAt: now,
      decidedById: user.userId,
      decisionComment,
      publishedVersion,
    });
    await governance.closeTasksOfChangeRequest(tx, changeRequest.id, user.userId, now);
    await appendToOutbox(tx, [
      createEvent({
        source: SOURCE,
        type: DOMAIN_EVENT_TYPES.changeRequestDecided,
        tenantId,
        partitionKey: changeRequest.entityId ?? changeRequest.id,
        subject: `change-request/${changeRequest.id}`,
        data: changeRequestDecidedData.parse({
          tenantId,
          changeRequestId: changeRequest.id,
          entityType: changeRequest.entityType,
          entityId: changeRequest.entityId,
          status,
          proposed: changeRequest.proposed,
          decidedById: user.userId,
          decidedAt: now.toISOString(),
        }),
      }),
    ]);
    return decided;
  }, transactionOptions);
}

/** The sandbox copy can become the next version: nobody published another version meanwhile, and it holds. */
async function checkStaged(tx: Prisma.TransactionClient, changeRequest: ChangeRequest, tenantId: string) {
  const entityType = changeRequest.entityType as EntityType;
  const before = await records.findRecord(tx, tenantId, entityType, changeRequest.entityId!, true);
  if (!before) throw new MeridianError(ErrorCode.NOT_FOUND, 'The record of this change request is gone.');
  if (before.version !== changeRequest.baseVersion) {
    throw new MeridianError(
      ErrorCode.CONFLICT,
      `The record moved from version ${changeRequest.baseVersion} to ${before.version} since this request was made; reject it and ask for a new one.`,
      { field: 'id' },
    );
  }
  const record = parseRecord(entityType, changeRequest.proposed as Record<string, unknown>);
  await checkReferences(tx, tenantId, entityType, before.id, record);
  return { entityType, before, record };
}

/** The sandbox copy becomes the next version (checkStaged first); approvedById null: it needed no approval. */
async function publishStaged(
  tx: Prisma.TransactionClient,
  changeRequest: ChangeRequest,
  tenantId: string,
  approvedById: string | null,
): Promise<number> {
  const { entityType, before, record } = await checkStaged(tx, changeRequest, tenantId);
  const version = await publish(tx, {
    tenantId,
    entityType,
    entityId: before.id,
    before,
    record,
    authorId: changeRequest.requestedById,
    approvedById,
    comment: changeRequest.comment,
    ticketId: changeRequest.ticketId,
    changeRequestId: changeRequest.id,
  });
  return version?.version ?? before.version;
}

/**
 * Publishes approved change requests whose effectiveAt has come, each in its own transaction, as approved
 * (by its decider; a change within the thresholds was scheduled without one).
 * One the record moved past meanwhile (or that no longer holds) lapses: LAPSED with the reason, and the
 * requester is told. Safe to run on several instances: each request is locked and looked at again.
 */
export async function publishDueChangeRequests(
  prisma: PrismaClient,
  now = new Date(),
): Promise<{ published: number; lapsed: number }> {
  let published = 0;
  let lapsed = 0;
  for (const due of await governance.listDueScheduledChanges(prisma, ENTITY_TYPES, now)) {
    try {
      published += await prisma.$transaction(async (tx) => {
        const changeRequest = await governance.lockChangeRequest(tx, due.tenantId, due.id);
        if (changeRequest?.status !== 'APPROVED' || changeRequest.publishedVersion !== null) return 0;
        const publishedVersion = await publishStaged(
          tx,
          changeRequest,
          due.tenantId,
          changeRequest.decidedById,
        );
        await governance.updateChangeRequest(tx, changeRequest.id, { publishedVersion });
        return 1;
      }, transactionOptions);
    } catch (error) {
      if (!(error instanceof MeridianError)) throw error;
      // The approval-time advice after the semicolon ("reject it …") does not apply to a lapsed request.
      lapsed += await lapse(prisma, due, error.message.split(';')[0]!);
    }
  }
  return { published, lapsed };
}

async function lapse(prisma: PrismaClient, due: { id: string; tenantId: string }, reason: string) {
  return prisma.$transaction(async (tx) => {
    const changeRequest = await governance.lockChangeRequest(tx, due.tenantId, due.id);
    if (changeRequest?.status !== 'APPROVED' || changeRequest.publishedVersion !== null) return 0;
    const note = `Not published at ${changeRequest.effectiveAt!.toISOString()}: ${reason}`;
    await governance.updateChangeRequest(tx, changeRequest.id, {
      status: 'LAPSED',
      decisionComment: changeRequest.decisionComment ? `${changeRequest.decisionComment} — ${note}` : note,
    });
    await governance.createNotification(tx, {
      tenantId: due.tenantId,
      userId: changeRequest.requestedById,
      kind: 'CHANGE_LAPSED',
      title: `Your approved ${changeRequest.entityType.toLowerCase()} change was not published`,
      body: note,
      entityType: changeRequest.entityType,
      entityId: changeRequest.entityId,
      changeRequestId: changeRequest.id,
    });
    return 1;
  }, transactionOptions);
}

/** A steward other than the requester has seen the request: its 24 h acknowledgement task is done. */
export async function acknowledgeChangeRequest(prisma: PrismaClient, identity: Identity, id: string) {
  const { tenantId } = requireUser(identity);
  return prisma.$transaction(async (tx) => {
    const changeRequest = await lockPending(tx, tenantId, id);
    const user = requireDecider(identity, changeRequest);
    refuseOwnRequest(user, changeRequest, 'acknowledge');
    if (changeRequest.acknowledgedAt) return changeRequest;
    const now = new Date();
    await governance.closeTasksOfChangeRequest(tx, id, user.userId, now);
    return governance.updateChangeRequest(tx, id, { acknowledgedAt: now, acknowledgedById: user.userId });
  });
}

/** Approved for a future effectiveAt and not published yet: the catalog's job will publish it then. */
function awaitsEffectiveDate(changeRequest: ChangeRequest): boolean {
  return (
    changeRequest.status === 'APPROVED' &&
    changeRequest.publishedVersion === null &&
    changeRequest.effectiveAt !== null &&
    ENTITY_TYPES.includes(changeRequest.entityType as EntityType)
  );
}

/**
 * The requester takes back a pending change request, or a scheduled one (approved, waiting for its effective
 * date), which a steward who could have decided it may stop too; the approval's date stays in the comment.
 */
export async function withdrawChangeRequest(prisma: PrismaClient, identity: Identity, id: string) {
  const user = requireUser(identity);
  return prisma.$transaction(async (tx) => {
    const locked = await governance.lockChangeRequest(tx, user.tenantId, id);
    if (locked && awaitsEffectiveDate(locked)) {
      if (locked.requestedById !== user.userId) requireDecider(identity, locked);
      const note = `approved on ${locked.decidedAt!.toISOString()}, withdrawn before its effective date`;
      return governance.updateChangeRequest(tx, id, {
        status: 'WITHDRAWN',
        decidedAt: new Date(),
        decidedById: user.userId,
        decisionComment: locked.decisionComment
          ? `${locked.decisionComment} (${note})`
          : `Scheduled change ${note}.`,
      });
    }
    const changeRequest = await lockPending(tx, user.tenantId, id);
    if (changeRequest.requestedById !== user.userId) {
      throw new MeridianError(ErrorCode.FORBIDDEN, 'Only the requester can withdraw a change request.', {
        field: 'id',
      });
    }
    const now = new Date();
    await governance.closeTasksOfChangeRequest(tx, id, user.userId, now);
    return governance.updateChangeRequest(tx, id, {
      status: 'WITHDRAWN',
      decidedAt: now,
      decidedById: user.userId,
    });
  });
}

export function listChangeRequests(
  prisma: PrismaClient,
  identity: Identity,
  status: ChangeRequestStatus | null | undefined,
  first: number,
) {
  const { tenantId } = requireUser(identity);
  return governance.listChangeRequests(prisma, tenantId, status ?? null, Math.min(Math.max(first, 1), 200));
}

export function findChangeRequest(prisma: PrismaClient, identity: Identity, id: string) {
  return governance.findChangeRequest(prisma, requireUser(identity).tenantId, id);
}

export function pendingForRecord(prisma: PrismaClient, identity: Identity, entityId: string) {
  return governance.listPendingForRecords(prisma, requireUser(identity).tenantId, [entityId]);
}

/** When acknowledgement is due: every change request crossed a threshold, so each is high-impact (24 h). */
export function acknowledgeDueAt(changeRequest: Pick<ChangeRequest, 'requestedAt'>): Date {
  return stewardshipDueAt('HIGH_IMPACT_ACK', changeRequest.requestedAt);
}

/** Not acknowledged (nor decided) within the SLA, whether it is still open or was answered late. */
export function slaBreached(
  changeRequest: Pick<ChangeRequest, 'requestedAt' | 'acknowledgedAt' | 'decidedAt'>,
  now = new Date(),
): boolean {
  const due = acknowledgeDueAt(changeRequest).getTime();
  const answeredAt = changeRequest.acknowledgedAt ?? changeRequest.decidedAt;
  return (answeredAt?.getTime() ?? now.getTime()) > due;
}
