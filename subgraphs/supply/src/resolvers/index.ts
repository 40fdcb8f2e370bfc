import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { InventoryMovement, InventoryPosition } from '@meridian/db';
import { dateTimeScalar, pageSize, type SubgraphContext } from '@meridian/subgraph-runtime';
import { available, isAtStockoutRisk } from '../domain/position';
import * as inventory from '../services/inventory';
import { replayCorrelationInSandbox } from '../services/sandbox-replay';
import { forecastResolvers as forecasting } from './forecasts';
import { loadersFor } from './loaders';
import { replenishmentResolvers as replenishment } from './replenishment';

type Reference = { id: string };

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  DateTime: dateTimeScalar,
  Query: {
    inventoryPositions: (
      _,
      args: { atStockoutRisk?: boolean | null; first?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => inventory.listPositions(prisma, identity, args),
    ...replenishment.Query,
    ...forecasting.Query,
  },
  Mutation: {
    adjustInventory: (_, { input }: { input: unknown }, { prisma, identity }: SubgraphContext) =>
      inventory.adjustInventory(prisma, identity, input),
    replayCorrelationInSandbox: (
      _,
      args: { correlationId: unknown },
      { prisma, backbone, identity }: SubgraphContext,
    ) => replayCorrelationInSandbox(prisma, backbone, identity, args),
    ...replenishment.Mutation,
    ...forecasting.Mutation,
  },
  InventoryPosition: {
    __resolveReference: (ref: Reference, { prisma, identity }: SubgraphContext) =>
      inventory.findPosition(prisma, identity, ref.id),
    sku: (position: InventoryPosition) => ({ id: position.skuId }),
    location: (position: InventoryPosition) => ({ id: position.locationId }),
    available: (position: InventoryPosition) => available(position),
    atStockoutRisk: (position: InventoryPosition) => isAtStockoutRisk(position),
    ...replenishment.InventoryPosition,
  },
  ReplenishmentPolicy: replenishment.ReplenishmentPolicy,
  PurchaseOrderProposal: replenishment.PurchaseOrderProposal,
  Sku: {
    inventoryPositions: (sku: Reference, _, ctx: SubgraphContext) =>
      loadersFor(ctx).positionsBySku.load(sku.id),
    demandHistory: (sku: Reference, { days }: { days?: number }, { prisma, identity }: SubgraphContext) =>
      inventory.demandHistory(prisma, identity, sku.id, days),
    movements: (sku: Reference, { first }: { first?: number | null }, ctx: SubgraphContext) =>
      loadersFor(ctx).movementsBySku(pageSize(first, 20)).load(sku.id),
    ...replenishment.Sku,
    ...forecasting.Sku,
  },
  InventoryMovement: {
    location: (movement: InventoryMovement) => ({ id: movement.locationId }),
  },
  InventoryKpis: forecasting.InventoryKpis,
  Tenant: {
    inventoryKpis: (tenant: Reference, _, { prisma, identity }: SubgraphContext) =>
      inventory.inventoryKpisFor(prisma, identity, tenant.id),
  },
};
