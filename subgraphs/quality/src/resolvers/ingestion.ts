import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireUser } from '@meridian/auth';
import type { QuarantinedRecord } from '@meridian/db';
import type { QuarantineStatus, ValidationMode } from '@meridian/ingestion';
import { decodeCursor, pageSize, type SubgraphContext, toConnection } from '@meridian/subgraph-runtime';
import type { GraphQLFieldResolver } from 'graphql';
import * as deadLetters from '../services/dead-letters';
import * as eventRetention from '../services/event-retention';
import * as ingestion from '../services/ingestion';
import * as store from '../store/ingestion';

type Resolvers = GraphQLResolverMap<SubgraphContext>;
/** Root fields, spread into the subgraph's Query and Mutation. */
type RootFields = Record<string, GraphQLFieldResolver<unknown, SubgraphContext>>;
type IngestionStatusParent = { tenantId: string; validationMode: ValidationMode };

export const ingestionQuery: RootFields = {
  ingestionStatus: (_, __, ctx: SubgraphContext) => ingestion.ingestionStatus(ctx),
  quarantinedRecords: async (
    _,
    args: { status?: QuarantineStatus[] | null; first?: number; after?: string },
    ctx: SubgraphContext,
  ) => {
    const { tenantId } = requireUser(ctx.identity);
    const skip = decodeCursor(args.after);
    const take = pageSize(args.first);
    const filter = { tenantId, status: args.status };
    const [nodes, total] = await Promise.all([
      store.listQuarantined(ctx.prisma, filter, skip, take),
      store.countQuarantined(ctx.prisma, filter),
    ]);
    return toConnection(nodes, skip, take, total);
  },
  quarantinedRecord: (_, { id }: { id: string }, { prisma, identity }: SubgraphContext) =>
    store.findQuarantined(prisma, requireUser(identity).tenantId, id),
  deadLetters: (_, { first }: { first?: number }, ctx: SubgraphContext) =>
    deadLetters.listDeadLetters(ctx, first),
  deadLetter: (_, { id }: { id: string }, ctx: SubgraphContext) => deadLetters.findDeadLetter(ctx, id),
  eventTrail: (_, { correlationId }: { correlationId: string }, ctx: SubgraphContext) =>
    deadLetters.eventTrail(ctx, correlationId),
};

export const ingestionMutation: RootFields = {
  setIngestValidationMode: (_, { mode }: { mode: ValidationMode }, ctx: SubgraphContext) =>
    ingestion.setValidationMode(ctx, mode),
  correctQuarantinedRecord: (
    _,
    { id, recordJson }: { id: string; recordJson: string },
    ctx: SubgraphContext,
  ) => ingestion.correctQuarantinedRecord(ctx, id, recordJson),
  discardQuarantinedRecord: (_, { id, reason }: { id: string; reason: string }, ctx: SubgraphContext) =>
    ingestion.discardQuarantinedRecord(ctx, id, reason),
  submitTransactions: (
    _,
    { recordsJson, idempotencyKey }: { recordsJson: string[]; idempotencyKey: string },
    ctx: SubgraphContext,
  ) => ingestion.submitTransactions(ctx, recordsJson, idempotencyKey),
  replayDeadLetter: (_, { id }: { id: string }, ctx: SubgraphContext) =>
    deadLetters.replayDeadLetter(ctx, id),
  setEventRetention: (_, { days }: { days: number }, ctx: SubgraphContext) =>
    eventRetention.setEventRetention(ctx, days),
};

export const ingestionTypes: Resolvers = {
  IngestionStatus: {
    throughput: (
      status: IngestionStatusParent,
      { minutes }: { minutes?: number | null },
      { prisma }: SubgraphContext,
    ) => ingestion.throughput(prisma, status.tenantId, minutes),
    rejectsByReason: (status: IngestionStatusParent, _, { prisma }: SubgraphContext) =>
      ingestion.rejectsByReason(prisma, status.tenantId),
    consumers: (status: IngestionStatusParent, _, { backbone }: SubgraphContext) =>
      deadLetters.consumersFor(backbone, status.tenantId),
    eventRetention: (status: IngestionStatusParent, _, { backbone }: SubgraphContext) =>
      eventRetention.eventRetention(backbone, status.tenantId),
  },
  QuarantinedRecord: {
    recordJson: (record: QuarantinedRecord) => JSON.stringify(record.record),
    reasons: (record: QuarantinedRecord) => (Array.isArray(record.reasons) ? record.reasons : []),
  },
};
