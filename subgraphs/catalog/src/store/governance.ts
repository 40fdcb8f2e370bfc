import type { ChangeRequestStatus, Prisma } from '@meridian/db';
import type { Db } from './records';

export function createChangeRequest(db: Db, data: Prisma.ChangeRequestUncheckedCreateInput) {
  return db.changeRequest.create({ data });
}

export function createChangeRequests(db: Db, data: Prisma.ChangeRequestCreateManyInput[]) {
  return db.changeRequest.createMany({ data });
}

export function findChangeRequest(db: Db, tenantId: string, id: string) {
  return db.changeRequest.findFirst({ where: { tenantId, id } });
}

/** Locks the request row, so two approvers cannot both decide it. */
export async function lockChangeRequest(db: Db, tenantId: string, id: string) {
  await db.$executeRawUnsafe(
    'SELECT 1 FROM "catalog"."ChangeRequest" WHERE "id" = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE',
    id,
    tenantId,
  );
  return findChangeRequest(db, tenantId, id);
}

/** Approved change requests of these entity types waiting for an effectiveAt that has come, oldest first. */
export function listDueScheduledChanges(db: Db, entityTypes: readonly string[], now: Date) {
  return db.changeRequest.findMany({
    where: {
      status: 'APPROVED',
      publishedVersion: null,
      effectiveAt: { lte: now },
      entityType: { in: [...entityTypes] },
    },
    orderBy: [{ effectiveAt: 'asc' }, { id: 'asc' }],
    select: { id: true, tenantId: true },
    take: 500,
  });
}

export function updateChangeRequest(db: Db, id: string, data: Prisma.ChangeRequestUncheckedUpdateInput) {
  return db.changeRequest.update({ where: { id }, data });
}

export function listChangeRequests(
  db: Db,
  tenantId: string,
  status: ChangeRequestStatus | null,
  take: number,
) {
  return db.changeRequest.findMany({
    where: { tenantId, ...(status ? { status } : {}) },
    orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

export function listPendingForRecords(db: Db, tenantId: string, entityIds: readonly string[]) {
  return db.changeRequest.findMany({
    where: { tenantId, status: 'PENDING', entityId: { in: [...entityIds] } },
    orderBy: { requestedAt: 'asc' },
  });
}

export function createStewardshipTask(db: Db, data: Prisma.StewardshipTaskUncheckedCreateInput) {
  return db.stewardshipTask.create({ data });
}

export function createStewardshipTasks(db: Db, data: Prisma.StewardshipTaskCreateManyInput[]) {
  return db.stewardshipTask.createMany({ data });
}

/** Closes the open tasks of a change request (acknowledged or decided). */
export function closeTasksOfChangeRequest(db: Db, changeRequestId: string, doneById: string, at: Date) {
  return db.stewardshipTask.updateMany({
    where: { changeRequestId, doneAt: null },
    data: { doneAt: at, doneById },
  });
}

export function findTasksOfChangeRequests(db: Db, ids: readonly string[]) {
  return db.stewardshipTask.findMany({ where: { changeRequestId: { in: [...ids] } } });
}

export function listStewardshipTasks(db: Db, tenantId: string, open: boolean | null, take: number) {
  return db.stewardshipTask.findMany({
    where: { tenantId, ...(open === null ? {} : open ? { doneAt: null } : { doneAt: { not: null } }) },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take,
  });
}

export function findStewardshipTask(db: Db, tenantId: string, id: string) {
  return db.stewardshipTask.findFirst({ where: { tenantId, id } });
}

export function updateStewardshipTask(db: Db, id: string, data: Prisma.StewardshipTaskUncheckedUpdateInput) {
  return db.stewardshipTask.update({ where: { id }, data });
}

export interface BreachedTask {
  id: string;
  tenantId: string;
  kind: string;
  title: string;
  entityType: string;
  entityId: string | null;
  dueAt: Date;
  breachedAt: Date;
}

/**
 * Marks every open task past its due time as breached and returns those it marked. `breachedAt IS NULL` in
 * the same statement makes it once per task, even with two catalog instances running the job.
 */
export function markBreachedTasks(db: Db, now: Date): Promise<BreachedTask[]> {
  return db.$queryRawUnsafe<BreachedTask[]>(
    `UPDATE "catalog"."StewardshipTask" SET "breachedAt" = $1::timestamptz
      WHERE "doneAt" IS NULL AND "breachedAt" IS NULL AND "dueAt" < $1::timestamptz
      RETURNING "id", "tenantId", "kind", "title", "entityType", "entityId", "dueAt", "breachedAt"`,
    now,
  );
}

export function createNotification(db: Db, data: Prisma.OwnerNotificationUncheckedCreateInput) {
  return db.ownerNotification.create({ data });
}

export function listNotifications(
  db: Db,
  tenantId: string,
  userId: string,
  unreadOnly: boolean,
  take: number,
) {
  return db.ownerNotification.findMany({
    where: { tenantId, userId, ...(unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

export function findNotification(db: Db, tenantId: string, userId: string, id: string) {
  return db.ownerNotification.findFirst({ where: { tenantId, userId, id } });
}

export function markNotificationRead(db: Db, id: string, at: Date) {
  return db.ownerNotification.update({ where: { id }, data: { readAt: at } });
}
