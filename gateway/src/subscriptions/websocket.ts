import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { MAX_BODY_BYTES } from '@meridian/graphql-http';
import type { Logger } from '@meridian/observability';
import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Caller, GatewayAuth } from '../auth';
import type { GatewayContext } from '../context';
import { formatError } from '../errors';
import { isTokenLimitError, QUERY_LIMITS, QueryTooComplexError } from '../limits';
import type { GatewayMetrics } from '../metrics';
import type { RunQuery, SubscriptionResolvers } from './resolvers';

/** graphql-ws close code for a connection without a valid token (the protocol's own "Unauthorized"). */
export const CLOSE_UNAUTHORIZED = 4401;

interface ConnectionState {
  caller?: Caller;
  expiryTimer?: NodeJS.Timeout;
  /** Ids of this connection's live subscriptions (not its one-shot queries), for the gauge. */
  subscriptionIds: Set<string>;
}

interface OperationContext extends GatewayContext {
  /** The operation as the client sent it; queries and mutations are run through the gateway with it. */
  payload: SubscribePayload;
}

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  schema: () => GraphQLSchema;
  auth: GatewayAuth;
  resolvers: SubscriptionResolvers;
  runQuery: RunQuery;
  validationRules: ValidationRule[];
  logger: Logger;
  metrics: GatewayMetrics;
}

/** Errors leave over the socket exactly as over HTTP: shared codes, no internals, the request id. */
function forClient(
  errors: ReadonlyArray<GraphQLError | GraphQLFormattedError>,
  requestId: string,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const formatted =
      error instanceof GraphQLError ? formatError(error.toJSON(), error) : formatError(error, undefined);
    return { ...formatted, extensions: { ...formatted.extensions, requestId } };
  });
}

function parseOperation(query: string): ReturnType<typeof parse> | GraphQLError {
  try {
    return parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
  } catch (error) {
    const message = (error as Error).message;
    if (isTokenLimitError(message)) return new QueryTooComplexError(message);
    return new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } });
  }
}

/**
 * GraphQL over WebSocket (graphql-ws) on the gateway's HTTP server and path. A connection must authenticate in
 * `connection_init` (payload `{ authorization: "Bearer <token>" }`) or is closed with 4401; it is closed the
 * same way when its token expires. Operations get the same limits as over HTTP.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { auth, logger, metrics, resolvers } = options;
  // Messages are single operations: the same 1 MiB bound as an HTTP body (ws would allow 100 MiB).
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: MAX_BODY_BYTES,
  });
  const states = new WeakMap<object, ConnectionState>();
  const stateOf = (extra: object) => {
    let state = states.get(extra);
    if (!state) {
      state = { subscriptionIds: new Set() };
      states.set(extra, state);
    }
    return state;
  };

  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      async onConnect(ctx) {
        const refuse = (reason: string) => {
          logger.debug({ reason, address: ctx.extra.request.socket.remoteAddress }, 'websocket refused');
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, reason);
          return false;
        };
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof authorization !== 'string' || authorization.trim() === '') {
          return refuse('Unauthorized: send connectionParams.authorization "Bearer <token>"');
        }
        let caller: Caller;
        try {
          caller = await auth.authenticate(authorization);
        } catch (error) {
          const expired = error instanceof MeridianError && error.details.reason === 'TOKEN_EXPIRED';
          return refuse(
            expired ? 'Unauthorized: token expired, sign in again' : 'Unauthorized: invalid token',
          );
        }
        const state = stateOf(ctx.extra);
        state.caller = caller;
        state.expiryTimer = setTimeout(
          () => ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized: token expired, sign in again'),
          Math.min(caller.expiresAt - Date.now(), 2 ** 31 - 1),
        );
        state.expiryTimer.unref();
        metrics.wsConnections.inc();
        return true;
      },
      onClose(ctx) {
        const state = states.get(ctx.extra);
        if (state?.expiryTimer) clearTimeout(state.expiryTimer);
        if (state?.caller) metrics.wsConnections.dec();
      },
      onSubscribe(ctx, _id, payload) {
        const caller = stateOf(ctx.extra).caller;
        const requestId = randomUUID();
        if (!caller) {
          return [
            new GraphQLError('Sign in first.', {
              extensions: { code: ErrorCode.UNAUTHENTICATED, requestId },
            }),
          ];
        }
        const schema = options.schema();
        const document = parseOperation(payload.query);
        if (document instanceof GraphQLError) return withErrors([document], requestId);
        const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
        if (errors.length > 0) {
          return withErrors(
            errors.map((error) =>
              error instanceof QueryTooComplexError
                ? error
                : new GraphQLError(error.message, {
                    nodes: error.nodes,
                    extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
                  }),
            ),
            requestId,
          );
        }
        const contextValue: OperationContext = { caller, requestId, payload };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
          fieldResolver: resolvers.fieldResolver,
          subscribeFieldResolver: resolvers.subscribeFieldResolver,
        } satisfies ExecutionArgs;
      },
      // Queries and mutations sent over the socket run through the gateway like HTTP ones.
      async execute(args: ExecutionArgs): Promise<ExecutionResult> {
        const context = args.contextValue as OperationContext;
        const { query, variables } = context.payload;
        const result = await options.runQuery({ query, variables: variables ?? {} }, context);
        return result as ExecutionResult;
      },
      onOperation(ctx, id, _payload, args) {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation?.operation !== 'subscription') return;
        stateOf(ctx.extra).subscriptionIds.add(id);
        metrics.subscriptions.inc();
      },
      onComplete(ctx, id) {
        if (stateOf(ctx.extra).subscriptionIds.delete(id)) metrics.subscriptions.dec();
      },
      onNext(_ctx, _id, _payload, args, result) {
        if (!result.errors) return;
        const { requestId } = args.contextValue as OperationContext;
        return { ...result, errors: forClient(result.errors, requestId) };
      },
      onError(_ctx, _id, _payload, errors) {
        return forClient(errors, String(errors[0]?.extensions.requestId ?? randomUUID()));
      },
    },
    wss,
  );

  function withErrors(errors: GraphQLError[], requestId: string): GraphQLError[] {
    return errors.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes,
          originalError: error.originalError ?? error,
          extensions: { ...error.extensions, requestId },
        }),
    );
  }

  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
