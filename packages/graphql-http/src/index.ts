import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { ErrorCode, httpStatusOf, MeridianError } from '@meridian/errors';
import type { Logger, ServiceMetrics } from '@meridian/observability';

/**
 * Apollo Server on plain `node:http`, as the gateway and every subgraph serve it: GraphQL at one path,
 * `/healthz`, `/metrics`, a request id on every response, bounded bodies, and refusals in GraphQL's
 * error shape with the shared codes. Leaner than a web framework on the hot path.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
// Fatal: a body that is not UTF-8 is refused, not silently stored with replacement characters.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface GraphQLRequestHandlerOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  graphqlPath?: string;
  /** Who is calling; throw a MeridianError (e.g. UNAUTHENTICATED) to refuse before any work is done. */
  context: (req: IncomingMessage, requestId: string) => Promise<Context>;
  /** `/healthz` body; throw a MeridianError to answer with its status (e.g. 503). */
  health: () => Promise<unknown>;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Runs before GraphQL requests (CORS, say); returns true when it has answered the request itself. */
  beforeGraphQL?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Runs the request inside the caller's async scope (e.g. to let formatError see the request id). */
  withinRequest?: <T>(requestId: string, run: () => Promise<T>) => Promise<T>;
}

/**
 * The request body as text, at most `maxBytes`. Over the limit (by content-length, or as a chunked body
 * grows) it stops buffering and refuses with BAD_USER_INPUT; given the response, it marks it
 * `connection: close` and discards the rest of the body, so the client reads the coded refusal and the
 * connection then closes. Without a response to answer on, the connection is cut. A body that is not
 * UTF-8 is refused too.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
  res?: ServerResponse,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => {
      req.removeListener('data', onData);
      if (res) {
        res.setHeader('connection', 'close');
        req.resume();
      } else {
        req.destroy();
      }
      reject(
        new MeridianError(
          ErrorCode.BAD_USER_INPUT,
          `The request body is larger than ${maxBytes / 1024 / 1024} MiB; send less (split the batch).`,
          { field: 'body', limitBytes: maxBytes },
        ),
      );
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge();
      else chunks.push(chunk);
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      tooLarge();
      return;
    }
    req.on('data', onData);
    req.on('end', () => {
      try {
        resolve(utf8.decode(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
      } catch {
        reject(
          new MeridianError(
            ErrorCode.BAD_USER_INPUT,
            'The request body is not valid UTF-8; send UTF-8 text.',
            {
              field: 'body',
            },
          ),
        );
      }
    });
    req.on('error', reject);
    // A client that hangs up mid-body sends neither 'end' nor always 'error'.
    req.on('close', () => {
      if (!req.complete) reject(new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body was cut off.'));
    });
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error body, so clients handle HTTP-level refusals like any other error. */
export function sendError(res: ServerResponse, error: MeridianError, requestId: string): void {
  const headers: Record<string, string> =
    error.code === ErrorCode.UNAUTHENTICATED ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
  sendJson(
    res,
    httpStatusOf(error.code),
    { errors: [{ message: error.message, extensions: { code: error.code, ...error.details, requestId } }] },
    headers,
  );
}

async function parseBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const raw = await readBody(req, MAX_BODY_BYTES, res);
  try {
    return raw === '' ? undefined : JSON.parse(raw);
  } catch {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON.');
  }
}

export function createGraphQLRequestHandler<Context extends BaseContext>(
  options: GraphQLRequestHandlerOptions<Context>,
) {
  const { apollo, metrics, logger } = options;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const withinRequest = options.withinRequest ?? ((_requestId, run) => run());

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string, search: string) {
    if (options.beforeGraphQL?.(req, res)) return;
    const context = await options.context(req, requestId);
    const body = await parseBody(req, res);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await withinRequest(requestId, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
        context: async () => context,
      }),
    );
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
