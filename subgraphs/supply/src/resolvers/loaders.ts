import { requireUser } from '@meridian/auth';
import type { InventoryPosition } from '@meridian/db';
import type { SubgraphContext } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import { z } from 'zod';
import * as positions from '../store/positions';

const idShape = z.guid();

function createLoaders({ prisma, identity }: SubgraphContext) {
  const { tenantId } = requireUser(identity);
  return {
    /** A page of 50 SKUs from the catalog asks for its positions in one query, not 50. */
    positionsBySku: new DataLoader<string, InventoryPosition[]>(async (skuIds) => {
      const ids = skuIds.filter((id) => idShape.safeParse(id).success);
      const rows = ids.length ? await positions.findPositionsBySkuIds(prisma, tenantId, ids) : [];
      return skuIds.map((id) => rows.filter((row) => row.skuId === id));
    }),
  };
}
type SupplyLoaders = ReturnType<typeof createLoaders>;

const loadersByRequest = new WeakMap<SubgraphContext, SupplyLoaders>();

/** One set of loaders per request: batching within it, no cache shared between callers. */
export function loadersFor(context: SubgraphContext): SupplyLoaders {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(context);
    loadersByRequest.set(context, loaders);
  }
  return loaders;
}
