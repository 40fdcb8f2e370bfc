import { requireUser } from '@meridian/auth';
import type { Carrier, ShipmentStatus } from '@meridian/db';
import type { SubgraphContext } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import { z } from 'zod';
import { OPEN_STATUSES } from '../domain/shipment';
import * as store from '../store/shipments';

const idShape = z.guid();
const validIds = (keys: readonly string[]) => keys.filter((key) => idShape.safeParse(key).success);

function byId<Row extends { id: string }>(keys: readonly string[], rows: Row[]): Array<Row | null> {
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => rowsById.get(key) ?? null);
}

function createLoaders({ prisma, identity }: SubgraphContext) {
  const { tenantId } = requireUser(identity);
  const inboundByStatuses = new Map<string, DataLoader<string, store.ShipmentWithDetails[]>>();
  return {
    shipment: new DataLoader<string, store.ShipmentWithDetails | null>(async (keys) => {
      const ids = validIds(keys);
      return byId(keys, ids.length ? await store.findShipmentsByIds(prisma, tenantId, ids) : []);
    }),
    carrier: new DataLoader<string, Carrier | null>(async (keys) => {
      const ids = validIds(keys);
      return byId(keys, ids.length ? await store.findCarriersByIds(prisma, tenantId, ids) : []);
    }),
    /** Inbound shipments per SKU, one query per status set for all SKUs of the request. */
    inboundShipments(statuses: readonly ShipmentStatus[] | null | undefined) {
      const wanted = statuses?.length ? [...new Set(statuses)].sort() : [...OPEN_STATUSES];
      const key = wanted.join(',');
      let loader = inboundByStatuses.get(key);
      if (!loader) {
        loader = new DataLoader(async (skuIds) => {
          const ids = validIds(skuIds);
          const shipments = ids.length
            ? await store.findInboundShipmentsForSkus(prisma, tenantId, ids, wanted)
            : [];
          return skuIds.map((skuId) =>
            shipments.filter((shipment) => shipment.lines.some((l) => l.skuId === skuId)),
          );
        });
        inboundByStatuses.set(key, loader);
      }
      return loader;
    },
  };
}
type LogisticsLoaders = ReturnType<typeof createLoaders>;

const loadersByRequest = new WeakMap<SubgraphContext, LogisticsLoaders>();

/** One set of loaders per request: batching within it, no cache shared between callers. */
export function loadersFor(context: SubgraphContext): LogisticsLoaders {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = createLoaders(context);
    loadersByRequest.set(context, loaders);
  }
  return loaders;
}
