import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireUser } from '@meridian/auth';
import type { Exception } from '@meridian/db';
import {
  dateTimeScalar,
  decodeCursor,
  pageSize,
  type SubgraphContext,
  toConnection,
} from '@meridian/subgraph-runtime';
import { isSlaBreached } from '../domain/sla';
import * as exceptions from '../services/exceptions';
import * as store from '../store/exceptions';
import { ingestionMutation, ingestionQuery, ingestionTypes } from './ingestion';

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  DateTime: dateTimeScalar,
  Query: {
    exception: (_, { id }: { id: string }, { prisma, identity }) =>
      store.findException(prisma, requireUser(identity).tenantId, id),
    exceptions: async (
      _,
      args: { status?: never; severity?: never; first?: number; after?: string },
      ctx,
    ) => {
      const { tenantId } = requireUser(ctx.identity);
      const skip = decodeCursor(args.after);
      const take = pageSize(args.first);
      const filter = { tenantId, status: args.status, severity: args.severity };
      const [nodes, total] = await Promise.all([
        store.listExceptions(ctx.prisma, filter, skip, take),
        store.countExceptions(ctx.prisma, filter),
      ]);
      return toConnection(nodes, skip, take, total);
    },
    ...ingestionQuery,
  },
  Mutation: {
    raiseException: (_, { input }: { input: unknown }, { prisma, identity }) =>
      exceptions.raiseException(prisma, identity, input),
    acknowledgeException: (_, { id }: { id: string }, { prisma, identity }) =>
      exceptions.acknowledgeException(prisma, identity, id),
    resolveException: (_, { id, resolution }: { id: string; resolution: string }, { prisma, identity }) =>
      exceptions.resolveException(prisma, identity, id, resolution),
    ...ingestionMutation,
  },
  Exception: {
    __resolveReference: (ref: { id: string }, { prisma, identity }: SubgraphContext) =>
      store.findException(prisma, requireUser(identity).tenantId, ref.id),
    sku: (exception: Exception) => (exception.skuId ? { id: exception.skuId } : null),
    shipment: (exception: Exception) => (exception.shipmentId ? { id: exception.shipmentId } : null),
    slaBreached: (exception: Exception) => isSlaBreached(exception, new Date()),
  },
  Sku: {
    openExceptions: (sku: { id: string }, _, { prisma, identity }) =>
      store.listOpenExceptionsForSku(prisma, requireUser(identity).tenantId, sku.id),
  },
  Tenant: {
    exceptionKpis: (tenant: { id: string }, _, { prisma, identity }) =>
      exceptions.exceptionKpisFor(prisma, identity, tenant.id),
  },
  ...ingestionTypes,
};
