import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireUser } from '@meridian/auth';
import type { ChangeRequest, ChangeRequestStatus, LocationType, Sku, Supplier } from '@meridian/db';
import { dateTimeScalar, type SubgraphContext } from '@meridian/subgraph-runtime';
import { SYSTEM_USER_ID } from '../consumers/policy-change-proposed';
import type { EntityType } from '../domain/records';
import * as changeRequests from '../services/change-requests';
import * as masterRecords from '../services/master-records';
import * as skus from '../services/skus';
import * as store from '../store/catalog';
import { governanceResolvers } from './governance';
import { loadersFor } from './loaders';
import { jsonScalar } from './scalars';

type Reference = { id: string };
type Edit = { id?: string; input: Record<string, unknown>; context: unknown };

const edit =
  (entityType: EntityType) =>
  (_: unknown, { id, input, context }: Edit, { prisma, identity }: SubgraphContext) =>
    masterRecords.editRecord(prisma, identity, entityType, id ?? null, input, context);

const historyOf =
  (entityType: EntityType) =>
  (record: Reference, { first }: { first?: number | null }, { prisma, identity }: SubgraphContext) =>
    masterRecords.history(prisma, identity, entityType, record.id, first ?? 50);

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  DateTime: dateTimeScalar,
  JSON: jsonScalar,
  Query: {
    sku: (_, { id }: Reference, ctx: SubgraphContext) => loadersFor(ctx).sku.load(id),
    skuByCode: (_, { code }: { code: string }, { prisma, identity }: SubgraphContext) =>
      skus.findSkuByCode(prisma, identity, code),
    skus: (_, args: skus.SkuSearchArgs, { prisma, identity }: SubgraphContext) =>
      skus.searchSkus(prisma, identity, args),
    skuFamilies: (_, __, { prisma, identity }: SubgraphContext) =>
      store.listFamilies(prisma, requireUser(identity).tenantId),
    supplier: (_, { id }: Reference, ctx: SubgraphContext) => loadersFor(ctx).supplier.load(id),
    suppliers: (_, __, { prisma, identity }: SubgraphContext) =>
      store.listSuppliers(prisma, requireUser(identity).tenantId),
    location: (_, { id }: Reference, ctx: SubgraphContext) => loadersFor(ctx).location.load(id),
    locations: (_, { type }: { type?: LocationType | null }, { prisma, identity }: SubgraphContext) =>
      store.listLocations(prisma, requireUser(identity).tenantId, type),
    masterRecordAsOf: (
      _,
      args: { entityType: EntityType; id: string; at: Date },
      { prisma, identity }: SubgraphContext,
    ) => masterRecords.versionAsOf(prisma, identity, args.entityType, args.id, args.at),
    masterRecordVersion: (
      _,
      args: { entityType: EntityType; id: string; version: number },
      { prisma, identity }: SubgraphContext,
    ) => masterRecords.versionOf(prisma, identity, args.entityType, args.id, args.version),
    masterRecordDiff: (
      _,
      args: { entityType: EntityType; id: string; fromVersion: number; toVersion: number },
      { prisma, identity }: SubgraphContext,
    ) =>
      masterRecords.diffVersions(
        prisma,
        identity,
        args.entityType,
        args.id,
        args.fromVersion,
        args.toVersion,
      ),
    changeRequests: (
      _,
      args: { status?: ChangeRequestStatus | null; first?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => changeRequests.listChangeRequests(prisma, identity, args.status, args.first ?? 50),
    changeRequest: (_, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      changeRequests.findChangeRequest(prisma, identity, id),
    ...governanceResolvers.Query,
  },
  Mutation: {
    createSku: edit('SKU'),
    updateSku: edit('SKU'),
    createSupplier: edit('SUPPLIER'),
    updateSupplier: edit('SUPPLIER'),
    createLocation: edit('LOCATION'),
    updateLocation: edit('LOCATION'),
    rollbackMasterRecord: (
      _,
      args: { entityType: EntityType; id: string; toVersion: number; context: unknown },
      { prisma, identity }: SubgraphContext,
    ) =>
      masterRecords.rollbackRecord(prisma, identity, args.entityType, args.id, args.toVersion, args.context),
    acknowledgeChangeRequest: (_, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      changeRequests.acknowledgeChangeRequest(prisma, identity, id),
    approveChangeRequest: (
      _,
      { id, comment }: { id: string; comment?: string | null },
      { prisma, identity }: SubgraphContext,
    ) => changeRequests.decideChangeRequest(prisma, identity, id, 'APPROVED', comment),
    rejectChangeRequest: (
      _,
      { id, comment }: { id: string; comment: string },
      { prisma, identity }: SubgraphContext,
    ) => changeRequests.decideChangeRequest(prisma, identity, id, 'REJECTED', comment),
    withdrawChangeRequest: (_, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      changeRequests.withdrawChangeRequest(prisma, identity, id),
    ...governanceResolvers.Mutation,
  },
  SourceMapping: governanceResolvers.SourceMapping,
  MasterRecordVersion: {
    author: (version: { authorId: string }) => ({ id: version.authorId }),
    approvedBy: (version: { approvedById: string | null }) =>
      version.approvedById ? { id: version.approvedById } : null,
  },
  ChangeRequest: {
    requestedBy: (changeRequest: ChangeRequest) =>
      changeRequest.requestedById === SYSTEM_USER_ID ? null : { id: changeRequest.requestedById },
    decidedBy: (changeRequest: ChangeRequest) =>
      changeRequest.decidedById ? { id: changeRequest.decidedById } : null,
    acknowledgeDueAt: (changeRequest: ChangeRequest) => changeRequests.acknowledgeDueAt(changeRequest),
    slaBreached: (changeRequest: ChangeRequest) => changeRequests.slaBreached(changeRequest),
  },
  Sku: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).sku.load(ref.id),
    family: (sku: Sku, _, ctx: SubgraphContext) => loadersFor(ctx).family.load(sku.familyId),
    supplier: (sku: Sku, _, ctx: SubgraphContext) =>
      sku.supplierId ? loadersFor(ctx).supplier.load(sku.supplierId) : null,
    history: historyOf('SKU'),
    pendingChangeRequests: (sku: Sku, _, ctx: SubgraphContext) =>
      loadersFor(ctx).pendingChangeRequests.load(sku.id),
  },
  SkuFamily: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).family.load(ref.id),
    skuCount: (family: store.SkuFamilyWithCount) => family._count.skus,
  },
  Supplier: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).supplier.load(ref.id),
    reliability: (supplier: Supplier) => supplier.reliability.toNumber(),
    history: historyOf('SUPPLIER'),
  },
  Location: {
    __resolveReference: (ref: Reference, ctx: SubgraphContext) => loadersFor(ctx).location.load(ref.id),
    parent: (location: { parentId: string | null }, _, ctx: SubgraphContext) =>
      location.parentId ? loadersFor(ctx).location.load(location.parentId) : null,
    children: (location: Reference, _, ctx: SubgraphContext) => loadersFor(ctx).children.load(location.id),
    history: historyOf('LOCATION'),
  },
};
