import {
  type ChangeRequestDecidedData,
  changeRequestDecidedData,
  DOMAIN_EVENT_TYPES,
  masterRecordPublishedData,
} from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { applyOnce, type EventEnvelope, recordApplyOutcome } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { appendPositionEvents } from '../services/inventory';
import { applyPolicy, explanationOf, type PolicyValues, replenishTenant } from '../services/replenishment';
import { inventoryKpiFigures, publishKpiChanges } from '../services/supply-kpis';
import * as catalog from '../store/catalog-master';
import * as store from '../store/replenishment';

export const SUPPLY_CATALOG_CONSUMER = 'supply-catalog-changes';

/** Master-data fields replenishment policies are computed from. */
const SUPPLIER_FIELDS = new Set(['leadTimeHours', 'leadTimeStdDevHours']);
const SKU_FIELDS = new Set(['unitCostCents', 'minOrderQty', 'packSize', 'supplierId']);

/**
 * A decided REPLENISHMENT_POLICY change request: APPROVED puts the waiting policy in force, REJECTED drops it
 * and remembers its reorder point so the same change is not asked again. One transaction with the inbox claim.
 */
export async function handleChangeRequestDecided(prisma: PrismaClient, event: EventEnvelope): Promise<void> {
  const decided = changeRequestDecidedData.parse(event.data);
  await prisma.$transaction(async (tx) => {
    if (!(await applyOnce(tx, SUPPLY_CATALOG_CONSUMER, event))) return;
    if (decided.entityType !== 'REPLENISHMENT_POLICY') {
      await recordApplyOutcome(tx, SUPPLY_CATALOG_CONSUMER, [event.id], 'NOT_APPLICABLE');
      return;
    }
    const { skuId, locationId } = policyKeyOf(decided);
    const policy = await store.findPendingPolicy(
      tx,
      decided.tenantId,
      decided.changeRequestId,
      skuId,
      locationId,
    );
    const stored = policy ? explanationOf(policy) : null;
    if (!policy || !stored?.pending) {
      await recordApplyOutcome(tx, SUPPLY_CATALOG_CONSUMER, [event.id], 'NO_PENDING_POLICY');
      return;
    }
    const context = { tenantId: decided.tenantId, now: new Date(decided.decidedAt) };
    const position = await tx.inventoryPosition.findUnique({
      where: {
        tenantId_skuId_locationId: {
          tenantId: policy.tenantId,
          skuId: policy.skuId,
          locationId: policy.locationId,
        },
      },
    });
    if (!position) {
      await recordApplyOutcome(tx, SUPPLY_CATALOG_CONSUMER, [event.id], 'UNKNOWN_POSITION');
      return;
    }
    if (decided.status === 'APPROVED') {
      const values: PolicyValues = {
        ...stored.pending,
        steps: [...stored.pending.steps, `Approved in change request ${decided.changeRequestId}.`],
      };
      const applied = await applyPolicy(tx, context, position, values, null);
      if (applied.positionChanged) {
        await appendPositionEvents(
          tx,
          [{ position: applied.position, reason: 'replenishment policy approved' }],
          context.now,
        );
      }
      return;
    }
    await store.upsertPolicy(tx, {
      ...policy,
      explanation: { ...stored, pending: null, rejectedReorderPoint: stored.pending.reorderPoint },
      pendingChangeRequestId: null,
    });
  });
}

/** The SKU and location a policy change request concerns, from the staged record the catalog sends back. */
function policyKeyOf(decided: ChangeRequestDecidedData): { skuId: string | null; locationId: string | null } {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { skuId: text(decided.proposed.skuId), locationId: text(decided.proposed.locationId) };
}

/**
 * A published supplier whose lead time (or its variability) changed, or a SKU whose cost, order constraints
 * or supplier changed: the policies of the SKUs concerned are recomputed. Recomputing is idempotent (the
 * same inputs give the same policy, an open proposal is updated, a waiting change is not proposed twice), so
 * the run happens before the inbox claim and a redelivery only recomputes again.
 */
export async function handleMasterRecordPublished(prisma: PrismaClient, event: EventEnvelope): Promise<void> {
  const published = masterRecordPublishedData.parse(event.data);
  const fields = published.changes.map((change) => change.field);
  let skuIds: string[] = [];
  if (published.entityType === 'SUPPLIER' && fields.some((field) => SUPPLIER_FIELDS.has(field))) {
    skuIds = await catalog.findSkuIdsOfSupplier(prisma, published.tenantId, published.entityId);
  } else if (published.entityType === 'SKU' && fields.some((field) => SKU_FIELDS.has(field))) {
    skuIds = [published.entityId];
  }
  if (skuIds.length > 0) {
    const before = await inventoryKpiFigures(prisma, published.tenantId, new Date());
    await replenishTenant(prisma, published.tenantId, { skuIds });
    await publishKpiChanges(prisma, published.tenantId, before, new Date());
  }
  await prisma.$transaction(async (tx) => {
    if (!(await applyOnce(tx, SUPPLY_CATALOG_CONSUMER, event))) return;
    if (skuIds.length === 0)
      await recordApplyOutcome(tx, SUPPLY_CATALOG_CONSUMER, [event.id], 'NOT_APPLICABLE');
  });
}

export function startCatalogChangesConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consume({
    consumer: SUPPLY_CATALOG_CONSUMER,
    types: [DOMAIN_EVENT_TYPES.changeRequestDecided, DOMAIN_EVENT_TYPES.masterRecordPublished],
    handler: async (event) => {
      if (event.type === DOMAIN_EVENT_TYPES.changeRequestDecided)
        await handleChangeRequestDecided(prisma, event);
      else await handleMasterRecordPublished(prisma, event);
      logger.debug({ type: event.type, eventId: event.id }, 'catalog change applied to replenishment');
    },
  });
}
