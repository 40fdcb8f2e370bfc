import type { MappingKind, SourceMapping } from '@meridian/db';
import type { SubgraphContext } from '@meridian/subgraph-runtime';
import * as imports from '../services/imports';
import * as mappings from '../services/mappings';
import { catalogEventPropagation } from '../services/propagation';
import * as snapshots from '../services/snapshots';
import * as stewardship from '../services/stewardship';

type Reference = { id: string };

/** Stewardship tasks, owners' notifications, snapshots, mappings and bulk imports. */
export const governanceResolvers = {
  Query: {
    stewardshipTasks: (
      _: unknown,
      args: { open?: boolean | null; first?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => stewardship.listTasks(prisma, identity, args.open ?? null, args.first ?? 50),
    myNotifications: (
      _: unknown,
      args: { unreadOnly?: boolean | null; first?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => stewardship.listNotifications(prisma, identity, args.unreadOnly ?? false, args.first ?? 50),
    catalogSnapshots: (
      _: unknown,
      { first }: { first?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => snapshots.listSnapshots(prisma, identity, first ?? 120),
    sourceMappings: (
      _: unknown,
      args: { sourceSystem: string; kind?: MappingKind | null; at?: Date | null },
      { prisma, identity }: SubgraphContext,
    ) => mappings.mappingsAt(prisma, identity, args.sourceSystem, args.kind, args.at),
    mappingSetVersions: (
      _: unknown,
      { sourceSystem }: { sourceSystem: string },
      { prisma, identity }: SubgraphContext,
    ) => mappings.mappingSets(prisma, identity, sourceSystem),
    dryRunMapping: (
      _: unknown,
      { sourceSystem, payload }: { sourceSystem: string; payload: unknown },
      { prisma, identity }: SubgraphContext,
    ) => mappings.dryRunMapping(prisma, identity, sourceSystem, payload),
    bulkImports: (_: unknown, { first }: { first?: number | null }, { prisma, identity }: SubgraphContext) =>
      imports.listImports(prisma, identity, first ?? 20),
    bulkImport: (_: unknown, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      imports.findImport(prisma, identity, id),
    catalogEventPropagation: (
      _: unknown,
      { recentEvents }: { recentEvents?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => catalogEventPropagation(prisma, identity, recentEvents ?? 500),
  },
  Mutation: {
    resolveStewardshipTask: (_: unknown, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      stewardship.resolveTask(prisma, identity, id),
    markNotificationRead: (_: unknown, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      stewardship.markNotificationRead(prisma, identity, id),
    saveSourceMappings: (_: unknown, args: unknown, { prisma, identity }: SubgraphContext) =>
      mappings.saveSourceMappings(prisma, identity, args),
    importMasterRecords: (_: unknown, args: imports.ImportArgs, { prisma, identity }: SubgraphContext) =>
      imports.importMasterRecords(prisma, identity, args),
  },
  SourceMapping: {
    factor: (mapping: SourceMapping) => mapping.factor?.toNumber() ?? null,
  },
};
