import { randomUUID } from 'node:crypto';
import { type Identity, requireRole, requireUser, type UserIdentity } from '@meridian/auth';
import type { ChangeRequest, MasterRecordVersion, Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { z } from 'zod';
import { approvalReasons } from '../domain/approval';
import { applyInput, type EntityType, type MasterRecord, parseRecord } from '../domain/records';
import { stewardshipDueAt } from '../domain/stewardship';
import { diffRecords, type FieldChange, rebuildRecords, type StoredVersion } from '../domain/versioning';
import * as governance from '../store/governance';
import * as records from '../store/records';
import * as versions from '../store/versions';
import { checkReferences, publish, withDerivedFields } from './publication';

const changeContext = z.object({
  comment: z.string().trim().min(3, 'say why you make the change (3+ characters)').max(2000),
  ticketId: z.string().trim().min(1).max(64).nullish(),
  effectiveAt: z.date().nullish(),
});
export type ChangeContext = z.infer<typeof changeContext>;

export interface MasterChangeResult {
  outcome: 'PUBLISHED' | 'PENDING_APPROVAL' | 'SCHEDULED' | 'UNCHANGED';
  version: MasterRecordVersion | null;
  changeRequest: ChangeRequest | null;
}

/** Fields a planner may change on a supplier without the analyst role: the lead-time inputs of planning. */
const PLANNER_SUPPLIER_FIELDS = new Set(['leadTimeHours', 'leadTimeStdDevHours']);

function requireEditor(
  identity: Identity,
  entityType: EntityType,
  input: Record<string, unknown>,
  isNew: boolean,
) {
  const touched = Object.keys(input).filter((field) => input[field] !== undefined);
  const plannerMayEdit =
    entityType === 'SUPPLIER' && !isNew && touched.every((field) => PLANNER_SUPPLIER_FIELDS.has(field));
  return plannerMayEdit ? requireRole(identity, 'analyst', 'planner') : requireRole(identity, 'analyst');
}

const transactionOptions = { maxWait: 10_000, timeout: 30_000 };

/**
 * Creates (id null) or edits a master record. The whole record must pass its schema and reference rules
 * (BAD_USER_INPUT naming the field); within the approval thresholds it is published at once (or, with a future
 * effectiveAt, scheduled: an approved change request the catalog's job publishes then), beyond them it is
 * staged as a change request with a 24 h acknowledgement task, and the record's owner is told ahead of a
 * future effective date.
 */
export async function editRecord(
  prisma: PrismaClient,
  identity: Identity,
  entityType: EntityType,
  id: string | null,
  input: Record<string, unknown>,
  rawContext: unknown,
): Promise<MasterChangeResult> {
  const user = requireEditor(identity, entityType, input, id === null);
  const context = changeContext.parse(rawContext);
  return prisma.$transaction(async (tx) => {
    const before = id ? await records.findRecord(tx, user.tenantId, entityType, id, true) : null;
    if (id && !before) {
      throw new MeridianError(ErrorCode.NOT_FOUND, `No ${entityType.toLowerCase()} ${id} in your tenant.`, {
        field: 'id',
      });
    }
    const entityId = id ?? randomUUID();
    const candidate = await withDerivedFields(
      tx,
      user.tenantId,
      entityType,
      applyInput(entityType, before?.record ?? null, input),
    );
    const record = parseRecord(entityType, candidate);
    await checkReferences(tx, user.tenantId, entityType, entityId, record);
    const reasons = approvalReasons(entityType, before?.record ?? null, record);
    if (before && reasons.length > 0) {
      const changeRequest = await stageChangeRequest(tx, user, {
        entityType,
        entityId,
        baseVersion: before.version,
        ownerId: (before.record.dataOwnerId as string | null) ?? null,
        proposed: record,
        changes: diffRecords(entityType, before.record, record),
        reasons,
        context,
      });
      return { outcome: 'PENDING_APPROVAL', version: null, changeRequest };
    }
    if (before && context.effectiveAt && context.effectiveAt > new Date()) {
      const changes = diffRecords(entityType, before.record, record);
      if (changes.length > 0) {
        const changeRequest = await scheduleChange(tx, user, {
          entityType,
          entityId,
          baseVersion: before.version,
          ownerId: (before.record.dataOwnerId as string | null) ?? null,
          proposed: record,
          changes,
          reasons: [],
          context,
        });
        return { outcome: 'SCHEDULED', version: null, changeRequest };
      }
    }
    const version = await publish(tx, {
      tenantId: user.tenantId,
      entityType,
      entityId,
      before,
      record,
      authorId: user.userId,
      comment: context.comment,
      ticketId: context.ticketId,
    });
    return { outcome: version ? 'PUBLISHED' : 'UNCHANGED', version, changeRequest: null };
  }, transactionOptions);
}

export interface StagedChange {
  entityType: string;
  entityId: string | null;
  baseVersion: number;
  ownerId: string | null;
  proposed: Record<string, unknown>;
  changes: FieldChange[];
  reasons: unknown[];
  context: ChangeContext;
  id?: string;
}

/** The row of a change request for a staged change (the fields every way of raising one shares). */
export function changeRequestRow(
  requester: Pick<UserIdentity, 'tenantId' | 'userId'>,
  staged: StagedChange,
): Prisma.ChangeRequestUncheckedCreateInput {
  return {
    id: staged.id,
    tenantId: requester.tenantId,
    entityType: staged.entityType,
    entityId: staged.entityId,
    proposed: staged.proposed as Prisma.InputJsonValue,
    changes: staged.changes as unknown as Prisma.InputJsonValue,
    reasons: staged.reasons as Prisma.InputJsonValue,
    baseVersion: staged.baseVersion,
    requestedById: requester.userId,
    comment: staged.context.comment,
    ticketId: staged.context.ticketId ?? null,
    effectiveAt: staged.context.effectiveAt ?? null,
  };
}

/** A change request with its acknowledgement task, and a note to the owner when it takes effect later. */
export async function stageChangeRequest(
  tx: Prisma.TransactionClient,
  requester: Pick<UserIdentity, 'tenantId' | 'userId'>,
  staged: StagedChange,
): Promise<ChangeRequest> {
  const { tenantId } = requester;
  const changeRequest = await governance.createChangeRequest(tx, changeRequestRow(requester, staged));
  await governance.createStewardshipTask(tx, acknowledgementTask(tenantId, staged, changeRequest));
  await notifyOwnerOfPlannedChange(tx, requester, staged, changeRequest);
  return changeRequest;
}

/** The 24 h task of acknowledging a change request (every one crossed a threshold: high-impact). */
export function acknowledgementTask(
  tenantId: string,
  staged: Pick<StagedChange, 'entityType' | 'entityId' | 'changes' | 'reasons'>,
  changeRequest: Pick<ChangeRequest, 'id' | 'requestedAt'>,
): Prisma.StewardshipTaskCreateManyInput {
  const fields = staged.changes.map((change) => change.field).join(', ');
  return {
    tenantId,
    kind: 'HIGH_IMPACT_ACK',
    entityType: staged.entityType,
    entityId: staged.entityId,
    changeRequestId: changeRequest.id,
    title: `Acknowledge the ${staged.entityType} change request (${fields})`,
    detail: { reasons: staged.reasons } as Prisma.InputJsonValue,
    dueAt: stewardshipDueAt('HIGH_IMPACT_ACK', changeRequest.requestedAt),
  };
}

/**
 * A change within the approval thresholds that takes effect later: an approved change request (no decider,
 * nothing to acknowledge) that the catalog's job publishes at its effectiveAt.
 */
async function scheduleChange(
  tx: Prisma.TransactionClient,
  requester: Pick<UserIdentity, 'tenantId' | 'userId'>,
  staged: StagedChange,
): Promise<ChangeRequest> {
  const changeRequest = await governance.createChangeRequest(tx, {
    ...changeRequestRow(requester, staged),
    status: 'APPROVED',
    decidedAt: new Date(),
    decisionComment: 'Within the approval thresholds: scheduled for its effective date.',
  });
  await notifyOwnerOfPlannedChange(tx, requester, staged, changeRequest);
  return changeRequest;
}

/** The record's owner hears of a change that takes effect later, unless they asked for it themselves. */
async function notifyOwnerOfPlannedChange(
  tx: Prisma.TransactionClient,
  requester: Pick<UserIdentity, 'tenantId' | 'userId'>,
  staged: StagedChange,
  changeRequest: ChangeRequest,
) {
  const { tenantId, userId } = requester;
  const fields = staged.changes.map((change) => change.field).join(', ');
  const effectiveAt = staged.context.effectiveAt;
  if (effectiveAt && effectiveAt > changeRequest.requestedAt && staged.ownerId && staged.ownerId !== userId) {
    await governance.createNotification(tx, {
      tenantId,
      userId: staged.ownerId,
      kind: 'PLANNED_CHANGE',
      title: `A change to your ${staged.entityType.toLowerCase()} is planned for ${effectiveAt.toISOString()}`,
      body: `Fields: ${fields}. Reason given: ${staged.context.comment}`,
      entityType: staged.entityType,
      entityId: staged.entityId,
      changeRequestId: changeRequest.id,
    });
  }
}

/**
 * Publishes an earlier version's values as a new version (tagged `restoredVersion`). Published at once: the
 * values were in force before. A supplier site keeps the quarantine its supplier's rules give it today.
 */
export async function rollbackRecord(
  prisma: PrismaClient,
  identity: Identity,
  entityType: EntityType,
  id: string,
  toVersion: number,
  rawContext: unknown,
): Promise<MasterChangeResult> {
  const user = requireRole(identity, 'analyst');
  const context = changeContext.parse(rawContext);
  return prisma.$transaction(async (tx) => {
    const before = await records.findRecord(tx, user.tenantId, entityType, id, true);
    if (!before) {
      throw new MeridianError(ErrorCode.NOT_FOUND, `No ${entityType.toLowerCase()} ${id} in your tenant.`, {
        field: 'id',
      });
    }
    const target = (await recordsDownTo(tx, user.tenantId, entityType, id, toVersion)).get(toVersion);
    if (!target || toVersion >= before.version) {
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        `toVersion: choose an earlier published version of this record (1 to ${before.version - 1}).`,
        { field: 'toVersion' },
      );
    }
    const candidate = await withDerivedFields(tx, user.tenantId, entityType, { ...target.record });
    const record = parseRecord(entityType, candidate);
    await checkReferences(tx, user.tenantId, entityType, id, record);
    const version = await publish(tx, {
      tenantId: user.tenantId,
      entityType,
      entityId: id,
      before,
      record,
      authorId: user.userId,
      comment: context.comment,
      ticketId: context.ticketId,
      restoredVersion: toVersion,
    });
    return { outcome: version ? 'PUBLISHED' : 'UNCHANGED', version, changeRequest: null };
  }, transactionOptions);
}

/** A version as the API shows it: its row with the whole record, rebuilt when its snapshot was cleared. */
export interface VersionView extends Omit<MasterRecordVersion, 'snapshot' | 'changes'> {
  snapshot: MasterRecord;
  changes: FieldChange[];
  authorName: null;
}

function toStored(row: MasterRecordVersion): StoredVersion {
  return {
    version: row.version,
    snapshot: (row.snapshot as MasterRecord | null) ?? null,
    changes: row.changes as unknown as FieldChange[],
  };
}

function viewsOf(rows: MasterRecordVersion[]): Map<number, VersionView> {
  const rebuilt = rebuildRecords(rows.map(toStored));
  return new Map(
    rows.map((row) => [
      row.version,
      {
        ...row,
        snapshot: rebuilt.get(row.version)!,
        changes: row.changes as unknown as FieldChange[],
        authorName: null,
      },
    ]),
  );
}

async function recordsDownTo(
  db: records.Db,
  tenantId: string,
  entityType: EntityType,
  entityId: string,
  downTo: number,
): Promise<Map<number, { record: MasterRecord; view: VersionView }>> {
  const rows = await versions.listVersionsDownTo(db, tenantId, entityType, entityId, downTo);
  const views = viewsOf(rows);
  return new Map([...views].map(([version, view]) => [version, { record: view.snapshot, view }]));
}

export async function history(
  prisma: PrismaClient,
  identity: Identity,
  entityType: EntityType,
  entityId: string,
  first: number,
): Promise<VersionView[]> {
  const { tenantId } = requireUser(identity);
  const take = Math.min(Math.max(first, 1), 500);
  const rows = await versions.listNewestVersions(prisma, tenantId, entityType, entityId, take);
  return [...viewsOf(rows).values()];
}

export async function versionOf(
  prisma: PrismaClient,
  identity: Identity,
  entityType: EntityType,
  entityId: string,
  version: number,
): Promise<VersionView | null> {
  const { tenantId } = requireUser(identity);
  if (!Number.isInteger(version) || version < 1) return null;
  return (await recordsDownTo(prisma, tenantId, entityType, entityId, version)).get(version)?.view ?? null;
}

/** The version in force at `at` (null before the record's first version). */
export async function versionAsOf(
  prisma: PrismaClient,
  identity: Identity,
  entityType: EntityType,
  entityId: string,
  at: Date,
): Promise<VersionView | null> {
  const { tenantId } = requireUser(identity);
  const found = await versions.findVersionAt(prisma, tenantId, entityType, entityId, at);
  return found ? versionOf(prisma, identity, entityType, entityId, found.version) : null;
}

export async function diffVersions(
  prisma: PrismaClient,
  identity: Identity,
  entityType: EntityType,
  entityId: string,
  fromVersion: number,
  toVersion: number,
) {
  const { tenantId } = requireUser(identity);
  const downTo = Math.min(fromVersion, toVersion);
  const all = downTo >= 1 ? await recordsDownTo(prisma, tenantId, entityType, entityId, downTo) : new Map();
  const from = all.get(fromVersion);
  const to = all.get(toVersion);
  if (!from || !to) {
    throw new MeridianError(ErrorCode.NOT_FOUND, 'Both versions must be published versions of this record.', {
      field: from ? 'toVersion' : 'fromVersion',
    });
  }
  return { from: from.view, to: to.view, changes: diffRecords(entityType, from.record, to.record) };
}
