import { requireUser } from '@meridian/auth';
import type { Location, Sku, Supplier } from '@meridian/db';
import { inKeyOrder, perRequest, type SubgraphContext, uuidKeys } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import * as store from '../store/catalog';

/** Ids PostgreSQL could not parse as a uuid match nothing; dropping them keeps one bad id from failing the batch. */
function loadByIds<Row extends { id: string }>(find: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (keys) => {
    const ids = uuidKeys(keys);
    return inKeyOrder(keys, ids.length ? await find(ids) : []);
  });
}

function createLoaders({ prisma, identity }: SubgraphContext) {
  const { tenantId } = requireUser(identity);
  return {
    sku: loadByIds<Sku>((ids) => store.findSkusByIds(prisma, tenantId, ids)),
    family: loadByIds<store.SkuFamilyWithCount>((ids) => store.findFamiliesByIds(prisma, tenantId, ids)),
    supplier: loadByIds<Supplier>((ids) => store.findSuppliersByIds(prisma, tenantId, ids)),
    location: loadByIds<Location>((ids) => store.findLocationsByIds(prisma, tenantId, ids)),
  };
}

/** One set of loaders per request: the gateway resolving 50 references becomes one query. */
export const loadersFor = perRequest(createLoaders);
