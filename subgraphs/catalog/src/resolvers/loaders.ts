import { requireUser } from '@meridian/auth';
import type { Location, Sku, Supplier } from '@meridian/db';
import type { SubgraphContext } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import { z } from 'zod';
import * as store from '../store/catalog';

/** Rows in the order of the requested keys, null where none matched (DataLoader's contract). */
export function inKeyOrder<Row extends { id: string }>(
  keys: readonly string[],
  rows: Row[],
): Array<Row | null> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => byId.get(key) ?? null);
}

const idShape = z.guid();

/** Ids PostgreSQL could not parse as a uuid match nothing; dropping them keeps one bad id from failing the batch. */
function loadByIds<Row extends { id: string }>(find: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (keys) => {
    const ids = keys.filter((key) => idShape.safeParse(key).success);
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
export type CatalogLoaders = ReturnType<typeof createLoaders>;

const loadersByRequest = new WeakMap<SubgraphContext, CatalogLoaders>();

/**
 * One set of loaders per request (the context object lives exactly as long as the request): the
 * gateway resolving 50 shipment lines' SKUs becomes one query, and nothing is cached across callers.
 */
export function loadersFor(context: SubgraphContext): CatalogLoaders {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(context);
    loadersByRequest.set(context, loaders);
  }
  return loaders;
}
