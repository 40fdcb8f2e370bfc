import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from '@meridian/observability';
import type { GatewayAuth } from './auth';
import type { GatewayContext } from './context';
import { formatError } from './errors';
import { FederatedGateway } from './federation';
import { createHealthCheck } from './health';
import { createRequestHandler } from './http';
import { createQueryLimits } from './limits';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { introspectionFromServedSchema, observabilityPlugin, subscriptionsOverHttp } from './plugins';
import { type LiveEventSource, LiveFeed } from './subscriptions/feed';
import { createSubscriptionResolvers, type RunQuery } from './subscriptions/resolvers';
import { startSubscriptionServer } from './subscriptions/websocket';
import type { SubgraphUrls } from './supergraph';

export const GRAPHQL_PATH = '/graphql';

export interface GatewayServerOptions {
  port: number;
  host: string;
  subgraphUrls: SubgraphUrls;
  auth: GatewayAuth;
  /** The backbone's live tail for subscriptions. */
  events: LiveEventSource;
  logger: Logger;
  production: boolean;
  subgraphTimeoutMs: number;
  corsOrigins: string[];
}

export interface RunningGateway {
  url: string;
  wsUrl: string;
  port: number;
  metrics: GatewayMetrics;
  stop(): Promise<void>;
}

/** One HTTP server: GraphQL over HTTP and graphql-ws at /graphql, plus /healthz and /metrics. */
export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const { auth, logger, production } = options;
  const metrics = createGatewayMetrics();
  const limits = createQueryLimits({ production });
  const gateway = new FederatedGateway({
    subgraphUrls: options.subgraphUrls,
    auth,
    logger,
    metrics,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ...limits.plugins,
      observabilityPlugin(logger, metrics),
      subscriptionsOverHttp,
      introspectionFromServedSchema,
      // The gateway sets no cache headers, so computing a cache policy per request is wasted work.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const runQuery: RunQuery = async (request, contextValue) => {
    const response = await apollo.executeOperation(request, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported here.');
    return response.body.singleResult;
  };

  const httpServer = createServer(
    createRequestHandler({
      apollo,
      auth,
      health: createHealthCheck(options.subgraphUrls),
      metrics,
      logger,
      corsOrigins: new Set(options.corsOrigins),
      graphqlPath: GRAPHQL_PATH,
    }),
  );
  httpServer.keepAliveTimeout = 65_000;

  const feed = new LiveFeed(logger);
  const subscriptions = startSubscriptionServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema: () => gateway.apiSchema,
    auth,
    resolvers: createSubscriptionResolvers({ feed, runQuery, logger }),
    runQuery,
    validationRules: limits.validationRules,
    logger,
    metrics,
  });
  await feed.start(options.events);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const origin = `${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  logger.info({ url: `http://${origin}${GRAPHQL_PATH}` }, 'gateway listening');

  return {
    url: `http://${origin}${GRAPHQL_PATH}`,
    wsUrl: `ws://${origin}${GRAPHQL_PATH}`,
    port,
    metrics,
    async stop() {
      await feed.stop();
      await subscriptions.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
