import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createIdentityAssertionVerifier, IDENTITY_HEADER } from '@meridian/auth';
import type { SubgraphName } from '@meridian/config';
import { ErrorCode, httpStatusOf, MeridianError } from '@meridian/errors';
import { createMetrics, type Logger } from '@meridian/observability';
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
}

export interface RunningSubgraph {
  url: string;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body is larger than 1 MiB.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, error: MeridianError, requestId: string): void {
  res.writeHead(httpStatusOf(error.code), { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      errors: [{ message: error.message, extensions: { code: error.code, ...error.details, requestId } }],
    }),
  );
}

export async function startSubgraph(
  module: SubgraphModule,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { prisma, backbone, gatewayPublicKey } = options;
  const logger: Logger = options.logger.child({ subgraph: module.name });
  const metrics = createMetrics(`subgraph-${module.name}`);
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

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const assertion = req.headers[IDENTITY_HEADER];
    if (typeof assertion !== 'string') {
      throw new MeridianError(
        ErrorCode.UNAUTHENTICATED,
        'This service only answers requests that come through the Meridian gateway.',
      );
    }
    const identity = await identityOf(assertion);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value);
    }
    const url = new URL(req.url ?? '/', 'http://subgraph');
    const rawBody = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON.');
    }
    const response = await requestScope.run({ requestId }, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({ identity, requestId, prisma, backbone, logger }),
      }),
    );
    const responseHeaders: Record<string, string> = { 'x-request-id': requestId };
    for (const [key, value] of response.headers) responseHeaders[key] = value;
    res.writeHead(response.status ?? 200, responseHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (path === '/healthz') {
        await prisma.$queryRawUnsafe('SELECT 1');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok', subgraph: module.name }));
      } else if (path === '/metrics') {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      } else if (path === '/graphql') {
        await serveGraphQL(req, res, requestId);
      } else {
        sendError(
          res,
          new MeridianError(ErrorCode.NOT_FOUND, 'Try /graphql, /healthz or /metrics.'),
          requestId,
        );
      }
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof MeridianError) {
        metrics.errors.inc({ code: error.code });
        sendError(res, error, requestId);
        return;
      }
      logger.error({ err: error, requestId }, 'request failed');
      metrics.errors.inc({ code: ErrorCode.INTERNAL });
      sendError(
        res,
        new MeridianError(
          ErrorCode.INTERNAL,
          `Something went wrong on our side; quote request ${requestId}.`,
        ),
        requestId,
      );
    }
  }

  const server: Server = createServer((req, res) => void route(req, res));
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
