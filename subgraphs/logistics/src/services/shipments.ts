import { type Identity, requireTenant, requireUser } from '@meridian/auth';
import type { PrismaClient, ShipmentStatus } from '@meridian/db';
import { decodeCursor, pageSize, toConnection } from '@meridian/subgraph-runtime';
import { onTimeRate } from '../domain/shipment';
import * as store from '../store/shipments';

const DAY_MS = 86_400_000;
/** On-time rate and delivery count look back this far. */
const KPI_WINDOW_DAYS = 30;

export interface ShipmentListArgs {
  status?: ShipmentStatus[] | null;
  first?: number | null;
  after?: string | null;
}

/** The tenant's shipments, latest planned arrival first. */
export async function listShipments(prisma: PrismaClient, identity: Identity, args: ShipmentListArgs) {
  const { tenantId } = requireUser(identity);
  const skip = decodeCursor(args.after);
  const take = pageSize(args.first);
  const filter = { tenantId, status: args.status };
  const [nodes, total] = await Promise.all([
    store.listShipments(prisma, filter, skip, take),
    store.countShipments(prisma, filter),
  ]);
  return toConnection(nodes, skip, take, total);
}

export function listCarriers(prisma: PrismaClient, identity: Identity) {
  return store.listCarriers(prisma, requireUser(identity).tenantId);
}

export async function shippingKpisFor(prisma: PrismaClient, identity: Identity, tenantId: string) {
  requireTenant(identity, tenantId);
  const now = new Date();
  const since = new Date(now.getTime() - KPI_WINDOW_DAYS * DAY_MS);
  const figures = await store.countShippingFigures(prisma, tenantId, since, now);
  return {
    onTimeRate: onTimeRate(figures),
    deliveredLast30Days: figures.delivered,
    openShipments: figures.openShipments,
    lateOpenShipments: figures.lateOpenShipments,
  };
}
