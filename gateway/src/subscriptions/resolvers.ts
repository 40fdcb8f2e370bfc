import type { ExceptionRaisedData, KpiUpdatedData } from '@meridian/canonical';
import { ErrorCode } from '@meridian/errors';
import type { Logger } from '@meridian/observability';
import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver } from 'graphql';
import type { GatewayContext } from '../context';
import { exceptionQueryFor } from './exception-query';
import type { LiveEvent, LiveFeed } from './feed';
import { type GatewayResult, resolveGatewayField, rootOf } from './gateway-data';

/** Runs a query through the gateway (the supergraph) as the given caller. */
export type RunQuery = (
  request: { query: string; variables: Record<string, unknown> },
  context: GatewayContext,
) => Promise<GatewayResult>;

export interface SubscriptionResolvers {
  subscribeFieldResolver: GraphQLFieldResolver<unknown, GatewayContext>;
  fieldResolver: GraphQLFieldResolver<unknown, GatewayContext>;
}

type ExceptionOutcome = Awaited<ReturnType<typeof rootOf>>;

/**
 * Who may see the same answer: Meridian authorizes by tenant and role (requireTenant, requireRole), and no
 * user-specific field is reachable from Exception, so subscribers of one tenant with one role set share one
 * supergraph query per event instead of one each. Should a per-user field become reachable from Exception,
 * key by `caller.token` here instead.
 */
export function audienceOf(context: GatewayContext): string {
  const { identity } = context.caller;
  return identity.kind === 'user'
    ? `${identity.tenantId}|${[...identity.roles].sort().join(',')}`
    : 'anonymous';
}

/**
 * Resolvers for WebSocket operations. Subscription fields stream the caller's tenant's events from the feed;
 * `exceptionRaised` then fetches the subscriber's selection through the supergraph with the subscriber's
 * identity; subscribers with the same audience (see `audienceOf`) and selection share that query per event.
 */
export function createSubscriptionResolvers({
  feed,
  runQuery,
  logger,
}: {
  feed: LiveFeed;
  runQuery: RunQuery;
  logger: Logger;
}): SubscriptionResolvers {
  async function exceptionRaised(
    event: LiveEvent<ExceptionRaisedData>,
    context: GatewayContext,
    info: Parameters<GraphQLFieldResolver<unknown, GatewayContext>>[3],
  ): Promise<unknown> {
    const { query, idVariable, variableNames } = exceptionQueryFor(info);
    const variables: Record<string, unknown> = { [idVariable]: event.data.exceptionId };
    for (const name of variableNames) variables[name] = info.variableValues[name];
    const key = `${audienceOf(context)}\n${query}\n${JSON.stringify(variables)}`;
    let outcome = event.memo.get(key) as Promise<ExceptionOutcome> | undefined;
    if (!outcome) {
      const requestId = `${context.requestId}:${event.id}`;
      outcome = runQuery({ query, variables }, { ...context, requestId }).then((result) => {
        const extracted = rootOf(result, 'exception');
        if ('unplaced' in extracted && extracted.unplaced.length > 0) {
          logger.warn(
            { requestId, errors: extracted.unplaced },
            'exceptionRaised: errors without a field path',
          );
        }
        return extracted;
      });
      event.memo.set(key, outcome);
    }
    const resolved = await outcome;
    if ('error' in resolved) throw resolved.error;
    return resolved.value;
  }

  return {
    subscribeFieldResolver(_source, _args, context, info) {
      if (context.caller.identity.kind !== 'user') {
        throw new GraphQLError('Sign in first.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
      }
      const { tenantId } = context.caller.identity;
      if (info.fieldName === 'exceptionRaised') return feed.subscribe('exceptionRaised', tenantId);
      if (info.fieldName === 'kpiUpdated') return feed.subscribe('kpiUpdated', tenantId);
      throw new GraphQLError(`Unknown subscription field ${info.fieldName}.`);
    },
    fieldResolver(source, args, context, info) {
      if (info.parentType === info.schema.getSubscriptionType()) {
        if (info.fieldName === 'exceptionRaised') {
          return exceptionRaised(source as LiveEvent<ExceptionRaisedData>, context, info);
        }
        return (source as LiveEvent<KpiUpdatedData>).data;
      }
      if (info.parentType.name === 'KpiUpdate') return defaultFieldResolver(source, args, context, info);
      return resolveGatewayField(source, info);
    },
  };
}
