import { DOMAIN_EVENT_TYPES, policyChangeProposedData } from '@meridian/canonical';
import { applyOnce } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { z } from 'zod';
import { APPROVAL_THRESHOLDS, reorderPointReason } from '../domain/approval';
import { stageChangeRequest } from '../services/master-records';

const CONSUMER = 'catalog-policy-change-proposed';
/** Proposals come from supply's replenishment run, not a person: the requester is this fixed system id. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Turns supply's proposed replenishment policies (reorder point moved > 5 %) into REPLENISHMENT_POLICY change
 * requests that a planner approves. The change request's id is the event's id, so supply knows which request
 * answers its proposal (`catalog.change_request_decided`).
 */
export function startPolicyChangeProposedConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consume({
    consumer: CONSUMER,
    types: [DOMAIN_EVENT_TYPES.policyChangeProposed],
    handler: async (event) => {
      const proposal = policyChangeProposedData.parse(event.data);
      await prisma.$transaction(async (tx) => {
        if (!(await applyOnce(tx, CONSUMER, event))) return;
        const fields = ['reorderPoint', 'safetyStock', 'orderQuantity'] as const;
        const reason = reorderPointReason(proposal.before.reorderPoint, proposal.after.reorderPoint);
        const changeRequest = await stageChangeRequest(
          tx,
          { tenantId: proposal.tenantId, userId: SYSTEM_USER_ID },
          {
            id: z.uuid().safeParse(event.id).success ? event.id : undefined,
            entityType: 'REPLENISHMENT_POLICY',
            entityId: proposal.skuId,
            baseVersion: 0,
            ownerId: null,
            proposed: {
              skuId: proposal.skuId,
              locationId: proposal.locationId,
              ...proposal.after,
              explanation: proposal.explanation,
            },
            changes: fields
              .filter((field) => proposal.before[field] !== proposal.after[field])
              .map((field) => ({ field, before: proposal.before[field], after: proposal.after[field] })),
            reasons: [
              reason ?? {
                rule: 'REORDER_POINT_CHANGE',
                field: 'reorderPoint',
                before: proposal.before.reorderPoint,
                after: proposal.after.reorderPoint,
                variance: proposal.variance,
                threshold: APPROVAL_THRESHOLDS.reorderPointChange,
              },
            ],
            context: { comment: proposal.explanation.slice(0, 2000) || 'Recomputed replenishment policy' },
          },
        );
        logger.info(
          { changeRequestId: changeRequest.id, skuId: proposal.skuId },
          'replenishment policy staged',
        );
      });
    },
  });
}
