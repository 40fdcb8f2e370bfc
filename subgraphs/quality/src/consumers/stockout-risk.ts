import { DOMAIN_EVENT_TYPES, inventoryPositionChangedData } from '@meridian/canonical';
import { applyOnce } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { stockoutException } from '../domain/stockout-rule';
import { raiseExceptionForTenant } from '../services/exceptions';
import { findOpenExceptionOfKind } from '../store/exceptions';

const CONSUMER = 'quality-stockout-risk';

/** Turns supply's position changes into STOCKOUT_RISK exceptions, once per event (inbox) and per open risk. */
export function startStockoutRiskConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consume({
    consumer: CONSUMER,
    types: [DOMAIN_EVENT_TYPES.inventoryPositionChanged],
    handler: async (event) => {
      const position = inventoryPositionChangedData.parse(event.data);
      await prisma.$transaction(async (tx) => {
        if (!(await applyOnce(tx, CONSUMER, event))) return;
        const open = await findOpenExceptionOfKind(tx, position.tenantId, 'STOCKOUT_RISK', position.skuId);
        const raised = stockoutException(position, open !== null);
        if (!raised) return;
        const exception = await raiseExceptionForTenant(
          prisma,
          position.tenantId,
          { kind: 'STOCKOUT_RISK', skuId: position.skuId, shipmentId: null, ...raised },
          null,
          tx,
        );
        logger.info({ exceptionId: exception.id, skuId: position.skuId }, 'stock-out risk raised');
      });
    },
  });
}
