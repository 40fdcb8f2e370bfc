import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { SubgraphContext } from '@meridian/subgraph-runtime';
import * as forecasts from '../services/forecasts';
import * as promotions from '../services/promotions';

type Reference = { id: string };

/** Forecasts, promotions and marketing signals; spread into the subgraph's resolver map. */
export const forecastResolvers = {
  Query: {
    promotions: (_: unknown, args: { includePast?: boolean | null }, { prisma, identity }: SubgraphContext) =>
      promotions.listPromotions(prisma, identity, { includePast: args.includePast }),
    promotion: (_: unknown, { id }: { id: string }, { prisma, identity }: SubgraphContext) =>
      promotions.findPromotion(prisma, identity, id),
  },
  Mutation: {
    createPromotion: (_: unknown, { input }: { input: unknown }, { prisma, identity }: SubgraphContext) =>
      promotions.createPromotion(prisma, identity, input),
    updatePromotion: (
      _: unknown,
      { id, input }: { id: unknown; input: unknown },
      { prisma, identity }: SubgraphContext,
    ) => promotions.updatePromotion(prisma, identity, id, input),
    deletePromotion: (_: unknown, { id }: { id: unknown }, { prisma, identity }: SubgraphContext) =>
      promotions.deletePromotion(prisma, identity, id),
  },
  Sku: {
    forecasts: (sku: Reference, _: unknown, { prisma, identity }: SubgraphContext) =>
      forecasts.forecastsOfSku(prisma, identity, sku.id),
    promotions: (
      sku: Reference,
      args: { includePast?: boolean | null },
      { prisma, identity }: SubgraphContext,
    ) => promotions.listPromotions(prisma, identity, { includePast: args.includePast, skuId: sku.id }),
    marketingSignals: (sku: Reference, { days }: { days?: unknown }, { prisma, identity }: SubgraphContext) =>
      forecasts.marketingSignalsOfSku(prisma, identity, sku.id, days),
  },
  InventoryKpis: {
    // The KPI object is the caller's tenant's: Tenant.inventoryKpis checked that.
    forecastAccuracy: (_: unknown, __: unknown, { prisma, identity }: SubgraphContext) =>
      forecasts.forecastAccuracy(prisma, identity),
  },
} satisfies GraphQLResolverMap<SubgraphContext>;
