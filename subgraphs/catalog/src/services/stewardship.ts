import { type Identity, requireRole, requireUser } from '@meridian/auth';
import { DOMAIN_EVENT_TYPES, stewardshipSlaBreachedData } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import * as governance from '../store/governance';
import { SOURCE } from './publication';

export function listTasks(prisma: PrismaClient, identity: Identity, open: boolean | null, first: number) {
  const { tenantId } = requireUser(identity);
  return governance.listStewardshipTasks(prisma, tenantId, open, Math.min(Math.max(first, 1), 200));
}

/** A data steward marks a task done (a change request's acknowledgement closes its task by itself). */
export async function resolveTask(prisma: PrismaClient, identity: Identity, id: string) {
  const user = requireRole(identity, 'analyst');
  const task = await governance.findStewardshipTask(prisma, user.tenantId, id);
  if (!task)
    throw new MeridianError(ErrorCode.NOT_FOUND, `No stewardship task ${id} in your tenant.`, {
      field: 'id',
    });
  if (task.doneAt) return task;
  return governance.updateStewardshipTask(prisma, id, { doneAt: new Date(), doneById: user.userId });
}

/**
 * The SLA job: marks every task past its due time as breached, once, and emits
 * `catalog.stewardship_sla_breached` for each in the same transaction (quality raises the exception).
 */
export async function markSlaBreaches(prisma: PrismaClient, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const breached = await governance.markBreachedTasks(tx, now);
    await appendToOutbox(
      tx,
      breached.map((task) =>
        createEvent({
          source: SOURCE,
          type: DOMAIN_EVENT_TYPES.stewardshipSlaBreached,
          tenantId: task.tenantId,
          partitionKey: task.entityId ?? task.id,
          // The task id: a second marking of the same breach could never append a second event.
          id: `stewardship-sla-breached/${task.id}`,
          data: stewardshipSlaBreachedData.parse({
            tenantId: task.tenantId,
            taskId: task.id,
            kind: task.kind,
            title: task.title,
            entityType: task.entityType,
            entityId: task.entityId,
            dueAt: task.dueAt.toISOString(),
            breachedAt: task.breachedAt.toISOString(),
          }),
        }),
      ),
    );
    return breached.length;
  });
}

export function listNotifications(
  prisma: PrismaClient,
  identity: Identity,
  unreadOnly: boolean,
  first: number,
) {
  const user = requireUser(identity);
  return governance.listNotifications(
    prisma,
    user.tenantId,
    user.userId,
    unreadOnly,
    Math.min(Math.max(first, 1), 200),
  );
}

export async function markNotificationRead(prisma: PrismaClient, identity: Identity, id: string) {
  const user = requireUser(identity);
  const notification = await governance.findNotification(prisma, user.tenantId, user.userId, id);
  if (!notification)
    throw new MeridianError(ErrorCode.NOT_FOUND, `No notification ${id} of yours.`, { field: 'id' });
  return notification.readAt ? notification : governance.markNotificationRead(prisma, id, new Date());
}
