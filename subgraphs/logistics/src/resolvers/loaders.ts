import { requireUser } from '@meridian/auth';
import type { Carrier, ShipmentMilestone, ShipmentStatus } from '@meridian/db';
import { inKeyOrder, perRequest, type SubgraphContext, uuidKeys } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import { OPEN_STATUSES } from '../domain/shipment';
import * as store from '../store/shipments';

function createLoaders({ prisma, identity }: SubgraphContext) {
  const { tenantId } = requireUser(identity);
  const inboundByStatuses = new Map<string, DataLoader<string, store.ShipmentWithDetails[]>>();
  return {
    shipment: new DataLoader<string, store.ShipmentWithDetails | null>(async (keys) => {
      const ids = uuidKeys(keys);
      return inKeyOrder(keys, ids.length ? await store.findShipmentsByIds(prisma, tenantId, ids) : []);
    }),
    carrier: new DataLoader<string, Carrier | null>(async (keys) => {
      const ids = uuidKeys(keys);
      return inKeyOrder(keys, ids.length ? await store.findCarriersByIds(prisma, tenantId, ids) : []);
    }),
    /** Milestones of every shipment of the request in one query. */
    milestones: new DataLoader<string, ShipmentMilestone[]>(async (shipmentIds) => {
      const ids = uuidKeys(shipmentIds);
      const rows = ids.length ? await store.findMilestonesByShipmentIds(prisma, tenantId, ids) : [];
      return shipmentIds.map((id) => rows.filter((row) => row.shipmentId === id));
    }),
    /** Inbound shipments per SKU, one query per status set for all SKUs of the request. */
    inboundShipments(statuses: readonly ShipmentStatus[] | null | undefined) {
      const wanted = statuses?.length ? [...new Set(statuses)].sort() : [...OPEN_STATUSES];
      const key = wanted.join(',');
      let loader = inboundByStatuses.get(key);
      if (!loader) {
        loader = new DataLoader(async (skuIds) => {
          const ids = uuidKeys(skuIds);
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
/** One set of loaders per request: the gateway resolving 50 references becomes one query. */
export const loadersFor = perRequest(createLoaders);
