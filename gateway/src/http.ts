import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { createGraphQLRequestHandler } from '@meridian/graphql-http';
import type { Logger } from '@meridian/observability';
import type { GatewayAuth } from './auth';
import type { GatewayContext } from './context';
import type { HealthReport } from './health';
import type { GatewayMetrics } from './metrics';

export interface RequestHandlerOptions {
  apollo: ApolloServer<GatewayContext>;
  auth: GatewayAuth;
  health: () => Promise<HealthReport>;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Browser origins allowed to call the API cross-origin (the control tower). */
  corsOrigins: ReadonlySet<string>;
  graphqlPath: string;
}

/**
 * The gateway's HTTP routes: GraphQL at `graphqlPath` (GET and POST, through Apollo Server), `/healthz`, `/metrics`.
 * Authentication happens before Apollo: a bad token is refused with HTTP 401 and no work is done.
 */
export function createRequestHandler(options: RequestHandlerOptions) {
  const { auth, corsOrigins } = options;

  /** CORS for the control tower's origin; answers preflights itself. */
  function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (origin && corsOrigins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
    }
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-request-id',
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }

  return createGraphQLRequestHandler<GatewayContext>({
    apollo: options.apollo,
    graphqlPath: options.graphqlPath,
    context: async (req, requestId) => ({
      caller: await auth.authenticate(req.headers.authorization),
      requestId,
    }),
    health: options.health,
    metrics: options.metrics,
    logger: options.logger,
    beforeGraphQL: applyCors,
  });
}
