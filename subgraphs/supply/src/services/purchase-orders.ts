import { type Identity, requireRole, requireUser } from '@meridian/auth';
import type { InventoryPosition, PrismaClient, PurchaseOrderProposal } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { appendToOutbox, createEvent } from '@meridian/events';
import { pageSize } from '@meridian/subgraph-runtime';
import { z } from 'zod';
import * as store from '../store/replenishment';
import { appendPositionEvents, type PositionChangeNotice } from './inventory';

const SOURCE = 'meridian/supply';
export const PURCHASE_ORDER_RELEASED = 'supply.purchase_order_released';
const STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED', 'RELEASED'] as const;

/**
 * `supply.purchase_order_released`: a proposal became an order for the supplier (a planner approved it, or
 * its class is auto-released). What an ERP integration turns into a purchase order.
 */
export const purchaseOrderReleasedData = z.object({
  tenantId: z.uuid(),
  proposalId: z.uuid(),
  skuId: z.uuid(),
  locationId: z.uuid(),
  supplierId: z.uuid().nullable(),
  quantity: z.number().int().positive(),
  unitCostCents: z.number().int(),
  /** approved | auto-released */
  how: z.enum(['approved', 'auto-released']),
  decidedById: z.uuid().nullable(),
  releasedAt: z.iso.datetime({ offset: true }),
});

/** The events of a released proposal: the order itself, and the position whose on-order units grew. */
export function releaseEvents(
  proposal: PurchaseOrderProposal,
  position: InventoryPosition,
  how: 'approved' | 'auto-released',
): { notice: PositionChangeNotice; event: ReturnType<typeof createEvent> } {
  return {
    notice: { position, reason: `purchase order of ${proposal.quantity} units ${how}` },
    event: createEvent({
      source: SOURCE,
      type: PURCHASE_ORDER_RELEASED,
      tenantId: proposal.tenantId,
      partitionKey: proposal.skuId,
      data: purchaseOrderReleasedData.parse({
        tenantId: proposal.tenantId,
        proposalId: proposal.id,
        skuId: proposal.skuId,
        locationId: proposal.locationId,
        supplierId: proposal.supplierId,
        quantity: proposal.quantity,
        unitCostCents: proposal.unitCostCents,
        how,
        decidedById: proposal.decidedById,
        releasedAt: (proposal.decidedAt ?? new Date()).toISOString(),
      }),
    }),
  };
}

export function listProposals(
  prisma: PrismaClient,
  identity: Identity,
  args: { status?: string | null; first?: number | null },
) {
  const { tenantId } = requireUser(identity);
  const status = args.status ?? null;
  if (status !== null && !STATUSES.includes(status as (typeof STATUSES)[number])) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `status must be one of ${STATUSES.join(', ')}, or null for all.`,
      {
        field: 'status',
      },
    );
  }
  return store.listProposals(prisma, tenantId, status, pageSize(args.first, 100));
}

const idInput = z.guid('use the id of a purchase order proposal (a UUID)');
const reasonInput = z
  .string()
  .trim()
  .min(3, 'say why (3+ characters), e.g. "stock is being cleared before the range change"')
  .max(500, 'keep the reason under 500 characters');

/** Locks an open proposal of the caller's tenant, or says why it cannot be decided. */
async function lockOpen(tx: Parameters<typeof store.lockProposal>[0], tenantId: string, id: string) {
  const proposal = await store.lockProposal(tx, tenantId, id);
  if (!proposal) {
    throw new MeridianError(
      ErrorCode.NOT_FOUND,
      'There is no purchase order proposal with that id in your tenant.',
      {
        field: 'id',
      },
    );
  }
  if (proposal.status !== 'PROPOSED') {
    throw new MeridianError(
      ErrorCode.CONFLICT,
      `This proposal is already ${proposal.status.toLowerCase()}; only open (PROPOSED) proposals can be decided.`,
      { field: 'id', status: proposal.status },
    );
  }
  return proposal;
}

/**
 * Approves a proposal: it becomes an order, the position's on-order units grow by its quantity, and
 * `supply.purchase_order_released` and `supply.inventory_position_changed` are appended in the same transaction.
 */
export async function approveProposal(prisma: PrismaClient, identity: Identity, rawId: unknown) {
  const user = requireRole(identity, 'planner');
  const id = parseId(rawId);
  return prisma.$transaction(async (tx) => {
    await lockOpen(tx, user.tenantId, id);
    const approved = await store.updateProposal(tx, id, {
      status: 'APPROVED',
      decidedAt: new Date(),
      decidedById: user.userId,
    });
    const position = await store.addOnOrder(
      tx,
      user.tenantId,
      approved.skuId,
      approved.locationId,
      approved.quantity,
    );
    const { notice, event } = releaseEvents(approved, position, 'approved');
    await appendToOutbox(tx, [event]);
    await appendPositionEvents(tx, [notice], new Date(), []);
    return approved;
  });
}

/** Rejects a proposal with the planner's reason (kept as the last line of its explanation). */
export async function rejectProposal(
  prisma: PrismaClient,
  identity: Identity,
  args: { id: unknown; reason: unknown },
) {
  const user = requireRole(identity, 'planner');
  const id = parseId(args.id);
  const reason = reasonInput.safeParse(args.reason);
  if (!reason.success) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, reason.error.issues[0]!.message, { field: 'reason' });
  }
  return prisma.$transaction(async (tx) => {
    const proposal = await lockOpen(tx, user.tenantId, id);
    const explanation = Array.isArray(proposal.explanation) ? proposal.explanation.map(String) : [];
    return store.updateProposal(tx, id, {
      status: 'REJECTED',
      decidedAt: new Date(),
      decidedById: user.userId,
      explanation: [...explanation, `Rejected: ${reason.data}`],
    });
  });
}

function parseId(rawId: unknown): string {
  const id = idInput.safeParse(rawId);
  if (!id.success)
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, id.error.issues[0]!.message, { field: 'id' });
  return id.data;
}
