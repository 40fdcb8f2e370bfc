import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { ErrorCode, httpStatusOf, MeridianError } from '@meridian/errors';
import type { Logger } from '@meridian/observability';
import type { GatewayAuth } from './auth';
import type { GatewayContext } from './context';
import type { HealthReport } from './health';
import type { GatewayMetrics } from './metrics';

export const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body is larger than 1 MiB; send less.'),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString() : Buffer.concat(chunks).toString()),
    );
    req.on('error', reject);
    // A client that hangs up mid-body sends neither 'end' nor always 'error'.
    req.on('close', () => {
      if (!req.complete) reject(new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body was cut off.'));
    });
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error body, so clients handle gateway-level refusals like any other error. */
function sendError(res: ServerResponse, error: MeridianError, requestId: string): void {
  const headers: Record<string, string> =
    error.code === ErrorCode.UNAUTHENTICATED ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
  sendJson(
    res,
    httpStatusOf(error.code),
    { errors: [{ message: error.message, extensions: { code: error.code, ...error.details, requestId } }] },
    headers,
  );
}

/**
 * The gateway's HTTP routes: GraphQL at `graphqlPath` (GET and POST, through Apollo Server), `/healthz`, `/metrics`.
 * Authentication happens here, before Apollo: a bad token is refused with HTTP 401 and no work is done.
 */
export function createRequestHandler(options: RequestHandlerOptions) {
  const { apollo, auth, metrics, logger, corsOrigins, graphqlPath } = options;

  function applyCors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && corsOrigins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
    }
  }

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string, search: string) {
    applyCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-request-id',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const caller = await auth.authenticate(req.headers.authorization);
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON.');
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => ({ caller, requestId }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    try {
      if (path === graphqlPath) {
        await serveGraphQL(req, res, requestId, queryStart === -1 ? '' : url.slice(queryStart));
      } else if (path === '/healthz') {
        sendJson(res, 200, await options.health());
      } else if (path === '/metrics') {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      } else {
        throw new MeridianError(ErrorCode.NOT_FOUND, `Nothing here; GraphQL is served at ${graphqlPath}.`);
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
          'Something went wrong on our side; quote the requestId when you report it.',
        ),
        requestId,
      );
    }
  }

  return (req: IncomingMessage, res: ServerResponse) => void route(req, res);
}
