import { DOMAIN_EVENT_TYPES, stewardshipSlaBreachedData } from '@meridian/canonical';
import { applyOnce } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { raiseExceptionForTenant } from '../services/exceptions';

const CONSUMER = 'quality-stewardship-sla-breach';

/**
 * Turns the catalog's breached stewardship SLAs into STEWARDSHIP_SLA_BREACH exceptions for the data stewards'
 * queue, once per event (inbox). A missed 24 h acknowledgement is HIGH, an unresolved validation failure MEDIUM.
 */
export function startStewardshipSlaBreachedConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consume({
    consumer: CONSUMER,
    types: [DOMAIN_EVENT_TYPES.stewardshipSlaBreached],
    handler: async (event) => {
      const breach = stewardshipSlaBreachedData.parse(event.data);
      await prisma.$transaction(async (tx) => {
        if (!(await applyOnce(tx, CONSUMER, event))) return;
        const what =
          breach.kind === 'HIGH_IMPACT_ACK' ? 'not acknowledged within 24 h' : 'not resolved within 72 h';
        const exception = await raiseExceptionForTenant(
          prisma,
          breach.tenantId,
          {
            kind: 'STEWARDSHIP_SLA_BREACH',
            severity: breach.kind === 'HIGH_IMPACT_ACK' ? 'HIGH' : 'MEDIUM',
            title: `Stewardship SLA breached: ${breach.title}`.slice(0, 200),
            detail: `${breach.entityType} ${breach.entityId ?? ''} — ${what} (due ${breach.dueAt}). Stewardship task ${breach.taskId}.`,
            skuId: breach.entityType === 'SKU' ? breach.entityId : null,
            shipmentId: null,
          },
          null,
          tx,
        );
        logger.info({ exceptionId: exception.id, taskId: breach.taskId }, 'stewardship SLA breach raised');
      });
    },
  });
}
