import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireUser } from '@meridian/auth';
import type { LocationType, Sku, Supplier } from '@meridian/db';
import type { SubgraphContext } from '@meridian/subgraph-runtime';
import * as skus from '../services/skus';
import * as store from '../store/catalog';
import { loadersFor } from './loaders';

type Reference = { id: string };

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  Query: {
    sku: (_, { id }: Reference, ctx: SubgraphContext) => loadersFor(ctx).sku.load(id),
    skuByCode: (_, { code }: { code: string }, { prisma, identity }: SubgraphContext) =>
      skus.findSkuByCode(prisma, identity, code),
    skus: (_, args: skus.SkuSearchArgs, { prisma, identity }: SubgraphContext) =>
      skus.searchSkus(prisma, identity, args),
    skuFamilies: (_, __, { prisma, identity }: SubgraphContext) =>
      store.listFamilies(prisma, requireUser(identity).tenantId),
    suppliers: (_, __, { prisma, identity }: SubgraphContext) =>
      store.listSuppliers(prisma, requireUser(identity).tenantId),
    locations: (_, { type }: { type?: LocationType | null }, { prisma, identity }: SubgraphContext) =>
      store.listLocations(prisma, requireUser(identity).tenantId, type),
  },
  Sku: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).sku.load(ref.id),
    family: (sku: Sku, _, ctx: SubgraphContext) => loadersFor(ctx).family.load(sku.familyId),
    supplier: (sku: Sku, _, ctx: SubgraphContext) =>
      sku.supplierId ? loadersFor(ctx).supplier.load(sku.supplierId) : null,
  },
  SkuFamily: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).family.load(ref.id),
    skuCount: (family: store.SkuFamilyWithCount) => family._count.skus,
  },
  Supplier: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).supplier.load(ref.id),
    reliability: (supplier: Supplier) => supplier.reliability.toNumber(),
  },
  Location: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).location.load(ref.id),
    parent: (location: { parentId: string | null }, _, ctx: SubgraphContext) =>
      location.parentId ? loadersFor(ctx).location.load(location.parentId) : null,
  },
};
