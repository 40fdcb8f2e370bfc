import type { SubgraphContext } from '@meridian/subgraph-runtime';
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
  },
  Mutation: {
    resolveStewardshipTask: (_: unknown, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      stewardship.resolveTask(prisma, identity, id),
    markNotificationRead: (_: unknown, { id }: Reference, { prisma, identity }: SubgraphContext) =>
      stewardship.markNotificationRead(prisma, identity, id),
  },
};
