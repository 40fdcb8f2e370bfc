import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ErrorCode } from '@meridian/errors';
import type { Logger } from '@meridian/observability';
import { execute, GraphQLError, Kind } from 'graphql';
import type { GatewayContext } from './context';
import { errorCodeOf } from './errors';
import type { GatewayMetrics } from './metrics';

/** Request ids on every error, a log line for every unexpected one, and per-operation metrics. */
export function observabilityPlugin(
  logger: Logger,
  metrics: GatewayMetrics,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = errorCodeOf({ message: error.message, extensions: error.extensions }, error);
            if (code === undefined || code === ErrorCode.INTERNAL) {
              logger.error(
                { err: error.originalError ?? error, requestId: contextValue.requestId, operationName },
                'unexpected error',
              );
            }
          }
        },
        async willSendResponse({ response, contextValue, operationName }) {
          const { body } = response;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          if (body.kind === 'single' && errors) {
            body.singleResult.errors = errors.map((error) => {
              metrics.errors.inc({ code: String(error.extensions?.code ?? ErrorCode.INTERNAL) });
              return { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } };
            });
          }
          metrics.requestDuration.observe(
            { operation: operationName ?? 'anonymous', outcome: errors ? 'error' : 'ok' },
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}

/** Subscriptions need a socket; say so instead of letting the gateway fail to plan one. */
export const subscriptionsOverHttp: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws) at this same URL; open a socket to subscribe.',
            { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
          );
        }
      },
    };
  },
};

/**
 * Introspection answered from the served schema (supergraph API + Subscription) rather than by the gateway's
 * executor, which only knows the supergraph: clients and codegen see the Subscription type over HTTP too.
 */
export const introspectionFromServedSchema: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async responseForOperation({ schema, document, operation, operationName, request }) {
        const introspectionOnly = operation.selectionSet.selections.every(
          (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
        );
        if (!introspectionOnly) return null;
        const result = await execute({ schema, document, operationName, variableValues: request.variables });
        return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
      },
    };
  },
};
