import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createIdentityAssertionVerifier, IDENTITY_HEADER } from '@meridian/auth';
import type { SubgraphName } from '@meridian/config';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { createGraphQLRequestHandler } from '@meridian/graphql-http';
import { createMetrics, type Logger, type ServiceMetrics } from '@meridian/observability';
import type { DocumentNode } from 'graphql';
import type { CryptoKey } from 'jose';
import type { SubgraphContext, SubgraphDeps } from './context';
import { createErrorFormatter } from './errors';

/** What a domain contributes: its SDL, resolvers, and the consumers it runs for other domains' events. */
export interface SubgraphModule {
  name: SubgraphName;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext>;
  consumers?: Array<(deps: SubgraphDeps) => Promise<{ stop(): Promise<void> }>>;
}

export interface StartSubgraphOptions extends SubgraphDeps {
  port: number;
  host?: string;
  gatewayPublicKey: CryptoKey;
  /** Consumers are off in tests that only exercise the API. */
  runConsumers?: boolean;
  /** The service's registry, shared with the backbone's consumer metrics; made here when absent. */
  metrics?: ServiceMetrics;
}

export interface RunningSubgraph {
  url: string;
  stop(): Promise<void>;
}

export async function startSubgraph(
  module: SubgraphModule,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { prisma, backbone, gatewayPublicKey } = options;
  const logger: Logger = options.logger.child({ subgraph: module.name });
  const metrics = options.metrics ?? createMetrics(`subgraph-${module.name}`);
  const requestScope = new AsyncLocalStorage<{ requestId: string }>();
  const identityOf = createIdentityAssertionVerifier(gatewayPublicKey);

  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema([{ typeDefs: module.typeDefs, resolvers: module.resolvers }]),
    formatError: createErrorFormatter(logger, () => requestScope.getStore()?.requestId),
    includeStacktraceInErrorResponses: false,
    // Only the gateway reaches a subgraph, and it composes from committed SDL, so no introspection is needed.
    introspection: process.env.NODE_ENV !== 'production',
    plugins: [
      // Federated traces only feed Apollo's hosted reporting, which we don't use; skip their cost.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          const started = performance.now();
          return {
            async willSendResponse({ operationName, errors }) {
              const outcome = errors?.length ? 'error' : 'ok';
              metrics.requestDuration.observe(
                { operation: operationName ?? 'anonymous', outcome },
                (performance.now() - started) / 1000,
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const consumers =
    options.runConsumers === false
      ? []
      : await Promise.all((module.consumers ?? []).map((start) => start({ prisma, backbone, logger })));

  const handleRequest = createGraphQLRequestHandler<SubgraphContext>({
    apollo,
    context: async (req, requestId) => {
      const assertion = req.headers[IDENTITY_HEADER];
      if (typeof assertion !== 'string') {
        throw new MeridianError(
          ErrorCode.UNAUTHENTICATED,
          'This service only answers requests that come through the Meridian gateway.',
        );
      }
      return { identity: await identityOf(assertion), requestId, prisma, backbone, logger };
    },
    health: async () => {
      try {
        await prisma.$queryRawUnsafe('SELECT 1');
      } catch {
        throw new MeridianError(ErrorCode.DATABASE_UNAVAILABLE, 'The database does not answer.');
      }
      return { status: 'ok', subgraph: module.name };
    },
    metrics,
    logger,
    withinRequest: (requestId, run) => requestScope.run({ requestId }, run),
  });

  const server: Server = createServer(handleRequest);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, 'subgraph listening');

  return {
    url,
    async stop() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
