import { requireUser } from '@meridian/auth';
import type { ChangeRequest, Location, Sku, Supplier } from '@meridian/db';
import { inKeyOrder, perRequest, type SubgraphContext, uuidKeys } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import * as store from '../store/catalog';
import { listPendingForRecords } from '../store/governance';

/** Rows grouped under each key, in key order (an empty list for a key without rows). */
function groupBy<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string | null): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row) ?? '')?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

function loadGroups<Row>(find: (ids: string[]) => Promise<Row[]>, keyOf: (row: Row) => string | null) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const ids = uuidKeys(keys);
    return groupBy(keys, ids.length ? await find(ids) : [], keyOf);
  });
}

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
    children: loadGroups<Location>(
      (ids) => store.findChildLocations(prisma, tenantId, ids),
      (location) => location.parentId,
    ),
    pendingChangeRequests: loadGroups<ChangeRequest>(
      (ids) => listPendingForRecords(prisma, tenantId, ids),
      (changeRequest) => changeRequest.entityId,
    ),
  };
}

/** One set of loaders per request: the gateway resolving 50 references becomes one query. */
export const loadersFor = perRequest(createLoaders);
