import { requireUser } from '@meridian/auth';
import type { InventoryPosition } from '@meridian/db';
import { perRequest, type SubgraphContext, uuidKeys } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import * as positions from '../store/positions';

function createLoaders({ prisma, identity }: SubgraphContext) {
  const { tenantId } = requireUser(identity);
  return {
    /** A page of 50 SKUs from the catalog asks for its positions in one query, not 50. */
    positionsBySku: new DataLoader<string, InventoryPosition[]>(async (skuIds) => {
      const ids = uuidKeys(skuIds);
      const rows = ids.length ? await positions.findPositionsBySkuIds(prisma, tenantId, ids) : [];
      return skuIds.map((id) => rows.filter((row) => row.skuId === id));
    }),
  };
}
/** One set of loaders per request: the gateway resolving 50 references becomes one query. */
export const loadersFor = perRequest(createLoaders);
