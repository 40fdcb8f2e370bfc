import type { Prisma, PrismaClient, ShipmentStatus } from '@meridian/db';
import { OPEN_STATUSES } from '../domain/shipment';

type Db = PrismaClient | Prisma.TransactionClient;

/** Shipments always come with their carrier and lines: every screen that lists them shows both. */
const withCarrierAndLines = {
  carrier: true,
  lines: { orderBy: { id: 'asc' } },
} satisfies Prisma.ShipmentInclude;
export type ShipmentWithDetails = Prisma.ShipmentGetPayload<{ include: typeof withCarrierAndLines }>;

export interface ShipmentFilter {
  tenantId: string;
  status?: ShipmentStatus[] | null;
}

function where({ tenantId, status }: ShipmentFilter): Prisma.ShipmentWhereInput {
  return { tenantId, ...(status?.length ? { status: { in: status } } : {}) };
}

export function findShipmentsByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return db.shipment.findMany({ where: { tenantId, id: { in: [...ids] } }, include: withCarrierAndLines });
}

export function listShipments(db: Db, filter: ShipmentFilter, skip: number, take: number) {
  return db.shipment.findMany({
    where: where(filter),
    include: withCarrierAndLines,
    orderBy: [{ plannedArrival: 'desc' }, { id: 'desc' }],
    skip,
    take: take + 1,
  });
}

export function countShipments(db: Db, filter: ShipmentFilter) {
  return db.shipment.count({ where: where(filter) });
}

/** Inbound shipments in the given statuses that carry any of the SKUs, soonest planned arrival first. */
export function findInboundShipmentsForSkus(
  db: Db,
  tenantId: string,
  skuIds: readonly string[],
  statuses: readonly ShipmentStatus[],
) {
  return db.shipment.findMany({
    where: {
      tenantId,
      direction: 'INBOUND',
      status: { in: [...statuses] },
      lines: { some: { skuId: { in: [...skuIds] } } },
    },
    include: withCarrierAndLines,
    orderBy: [{ plannedArrival: 'asc' }, { id: 'asc' }],
  });
}

export function listCarriers(db: Db, tenantId: string) {
  return db.carrier.findMany({ where: { tenantId }, orderBy: { code: 'asc' } });
}

export function findCarriersByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return db.carrier.findMany({ where: { tenantId, id: { in: [...ids] } } });
}

/** The counts behind the shipping KPIs; deliveries are those whose actual arrival falls in [since, now]. */
export async function countShippingFigures(db: Db, tenantId: string, since: Date, now: Date) {
  const deliveredInWindow: Prisma.ShipmentWhereInput = {
    tenantId,
    status: 'DELIVERED',
    actualArrival: { gte: since, lte: now },
  };
  const open: Prisma.ShipmentWhereInput = { tenantId, status: { in: [...OPEN_STATUSES] } };
  const [delivered, onTime, openShipments, lateOpenShipments] = await Promise.all([
    db.shipment.count({ where: deliveredInWindow }),
    db.shipment.count({
      where: { AND: [deliveredInWindow, { actualArrival: { lte: db.shipment.fields.plannedArrival } }] },
    }),
    db.shipment.count({ where: open }),
    db.shipment.count({ where: { ...open, plannedArrival: { lt: now } } }),
  ]);
  return { delivered, onTime, openShipments, lateOpenShipments };
}

/** Milestones of the shipments, in the order they happened. */
export function findMilestonesByShipmentIds(db: Db, tenantId: string, shipmentIds: readonly string[]) {
  return db.shipmentMilestone.findMany({
    where: { tenantId, shipmentId: { in: [...shipmentIds] } },
    orderBy: [{ actualAt: 'asc' }, { recordedAt: 'asc' }],
  });
}
