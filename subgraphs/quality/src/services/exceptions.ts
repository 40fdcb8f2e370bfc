import { type Identity, requireRole, requireUser } from '@meridian/auth';
import { exceptionRaisedDataOf } from '@meridian/canonical';
import type { Exception, Prisma, PrismaClient } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import { z } from 'zod';
import { exceptionKpis } from '../domain/kpis';
import { slaDueAt } from '../domain/sla';
import * as store from '../store/exceptions';

const SOURCE = 'meridian/quality';

export const raiseExceptionInput = z.object({
  kind: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'use an upper-case code such as STOCKOUT_RISK or DATA_QUALITY'),
  severity: z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']),
  title: z.string().trim().min(3, 'give a title of at least 3 characters').max(200),
  detail: z.string().max(4000).nullish(),
  skuId: z.uuid('skuId must be a SKU id').nullish(),
  shipmentId: z.uuid('shipmentId must be a shipment id').nullish(),
});
export type RaiseExceptionInput = z.infer<typeof raiseExceptionInput>;

/** Publishes the tenant's exception KPIs in the same transaction as the change that moved them. */
async function appendKpiUpdate(tx: Prisma.TransactionClient, tenantId: string, now: Date) {
  const { openCounts, breachedSla } = await store.countOpenBySeverity(tx, tenantId, now);
  const kpis = exceptionKpis(openCounts, breachedSla);
  await appendToOutbox(tx, [
    createEvent({
      source: SOURCE,
      type: 'quality.kpi_updated',
      tenantId,
      partitionKey: tenantId,
      data: { tenantId, kpi: 'open_exceptions', value: kpis.open, unit: 'count', at: now.toISOString() },
    }),
  ]);
}

/** Raises an exception for a tenant; used by people (through GraphQL) and by consumers (rules). */
export async function raiseExceptionForTenant(
  prisma: PrismaClient,
  tenantId: string,
  input: RaiseExceptionInput,
  raisedById: string | null,
  tx?: Prisma.TransactionClient,
): Promise<Exception> {
  const run = async (db: Prisma.TransactionClient) => {
    const now = new Date();
    const exception = await store.createException(db, {
      tenantId,
      kind: input.kind,
      severity: input.severity,
      title: input.title,
      detail: input.detail ?? '',
      skuId: input.skuId ?? null,
      shipmentId: input.shipmentId ?? null,
      raisedById,
      raisedAt: now,
      slaDueAt: slaDueAt(input.severity, now),
    });
    await appendToOutbox(db, [
      createEvent({
        source: SOURCE,
        type: 'quality.exception_raised',
        tenantId,
        partitionKey: exception.skuId ?? exception.shipmentId ?? exception.id,
        data: exceptionRaisedDataOf(exception),
      }),
    ]);
    await appendKpiUpdate(db, tenantId, now);
    return exception;
  };
  return tx ? run(tx) : prisma.$transaction(run);
}

export async function raiseException(prisma: PrismaClient, identity: Identity, rawInput: unknown) {
  const user = requireRole(identity, 'planner', 'logistics', 'analyst', 'partner');
  const input = raiseExceptionInput.parse(rawInput);
  return raiseExceptionForTenant(prisma, user.tenantId, input, user.userId);
}

async function transition(
  prisma: PrismaClient,
  identity: Identity,
  id: string,
  change: (exception: Exception, now: Date) => Prisma.ExceptionUncheckedUpdateInput,
) {
  const user = requireRole(identity, 'planner', 'logistics', 'analyst');
  return prisma.$transaction(async (tx) => {
    const exception = await store.findException(tx, user.tenantId, id);
    if (!exception)
      throw new MeridianError(ErrorCode.NOT_FOUND, `No exception ${id} in your tenant.`, { field: 'id' });
    if (exception.status === 'RESOLVED') {
      throw new MeridianError(ErrorCode.CONFLICT, 'The exception is already resolved.', { field: 'id' });
    }
    const now = new Date();
    const updated = await store.updateException(tx, id, change(exception, now));
    await appendToOutbox(tx, [
      createEvent({
        source: SOURCE,
        type: `quality.exception_${updated.status.toLowerCase()}`,
        tenantId: user.tenantId,
        partitionKey: updated.skuId ?? updated.shipmentId ?? updated.id,
        data: { exceptionId: updated.id, tenantId: user.tenantId, status: updated.status, by: user.userId },
      }),
    ]);
    await appendKpiUpdate(tx, user.tenantId, now);
    return updated;
  });
}

export function acknowledgeException(prisma: PrismaClient, identity: Identity, id: string) {
  return transition(prisma, identity, id, () => ({ status: 'ACKNOWLEDGED' }));
}

export function resolveException(prisma: PrismaClient, identity: Identity, id: string, resolution: string) {
  const text = resolution.trim();
  if (text.length < 3) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'Say how the exception was resolved (3+ characters).', {
      field: 'resolution',
    });
  }
  return transition(prisma, identity, id, (exception) => ({
    status: 'RESOLVED',
    resolvedAt: new Date(),
    detail: exception.detail ? `${exception.detail}\n\nResolution: ${text}` : `Resolution: ${text}`,
  }));
}

export async function exceptionKpisFor(prisma: PrismaClient, identity: Identity, tenantId: string) {
  const user = requireUser(identity);
  if (user.tenantId !== tenantId) throw new MeridianError(ErrorCode.FORBIDDEN, 'That tenant is not yours.');
  const { openCounts, breachedSla } = await store.countOpenBySeverity(prisma, tenantId, new Date());
  return exceptionKpis(openCounts, breachedSla);
}
