import { requireUser } from '@meridian/auth';
import type { InventoryMovement, InventoryPosition } from '@meridian/db';
import { perRequest, type SubgraphContext, uuidKeys } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import * as movements from '../store/movements';
import * as positions from '../store/positions';

function createLoaders({ prisma, identity }: SubgraphContext) {
  const { tenantId } = requireUser(identity);
  const movementsByPageSize = new Map<number, DataLoader<string, InventoryMovement[]>>();
  return {
    /** A page of 50 SKUs from the catalog asks for its positions in one query, not 50. */
    positionsBySku: new DataLoader<string, InventoryPosition[]>(async (skuIds) => {
      const ids = uuidKeys(skuIds);
      const rows = ids.length ? await positions.findPositionsBySkuIds(prisma, tenantId, ids) : [];
      return skuIds.map((id) => rows.filter((row) => row.skuId === id));
    }),
    /** The newest `first` ledger rows per SKU, for every SKU of the request in one query. */
    movementsBySku(first: number) {
      let loader = movementsByPageSize.get(first);
      if (!loader) {
        loader = new DataLoader(async (skuIds) => {
          const ids = uuidKeys(skuIds);
          const rows =
            ids.length && first > 0 ? await movements.latestMovementsBySku(prisma, tenantId, ids, first) : [];
          return skuIds.map((id) => rows.filter((row) => row.skuId === id));
        });
        movementsByPageSize.set(first, loader);
      }
      return loader;
    },
  };
}
/** One set of loaders per request: the gateway resolving 50 references becomes one query. */
export const loadersFor = perRequest(createLoaders);
