import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { ShipmentLine, ShipmentMilestone, ShipmentStatus } from '@meridian/db';
import { dateTimeScalar, type SubgraphContext } from '@meridian/subgraph-runtime';
import { etaVarianceHours, lastPosition, milestoneVarianceHours } from '../domain/shipment';
import * as shipments from '../services/shipments';
import type { ShipmentWithDetails } from '../store/shipments';
import { loadersFor } from './loaders';

type Reference = { id: string };

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  DateTime: dateTimeScalar,
  Query: {
    shipment: (_, { id }: Reference, ctx: SubgraphContext) => loadersFor(ctx).shipment.load(id),
    shipments: (_, args: shipments.ShipmentListArgs, { prisma, identity }: SubgraphContext) =>
      shipments.listShipments(prisma, identity, args),
    carriers: (_, __, { prisma, identity }: SubgraphContext) => shipments.listCarriers(prisma, identity),
  },
  Shipment: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).shipment.load(ref.id),
    origin: (shipment: ShipmentWithDetails) => ({ id: shipment.originLocationId }),
    destination: (shipment: ShipmentWithDetails) => ({ id: shipment.destinationLocationId }),
    etaVarianceHours: (shipment: ShipmentWithDetails) => etaVarianceHours(shipment),
    milestones: (shipment: ShipmentWithDetails, _, ctx: SubgraphContext) =>
      loadersFor(ctx).milestones.load(shipment.id),
    lastPosition: (shipment: ShipmentWithDetails) => lastPosition(shipment),
  },
  ShipmentMilestone: {
    varianceHours: (milestone: ShipmentMilestone) => milestoneVarianceHours(milestone),
  },
  ShipmentLine: {
    sku: (line: ShipmentLine) => ({ id: line.skuId }),
  },
  Carrier: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).carrier.load(ref.id),
  },
  Sku: {
    inboundShipments: (
      sku: Reference,
      { status }: { status?: ShipmentStatus[] | null },
      ctx: SubgraphContext,
    ) => loadersFor(ctx).inboundShipments(status).load(sku.id),
  },
  Tenant: {
    shippingKpis: (tenant: Reference, _, { prisma, identity }: SubgraphContext) =>
      shipments.shippingKpisFor(prisma, identity, tenant.id),
  },
};
