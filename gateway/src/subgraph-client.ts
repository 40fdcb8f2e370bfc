import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { IDENTITY_HEADER } from '@meridian/auth';
import { ErrorCode } from '@meridian/errors';
import type { Logger } from '@meridian/observability';
import { type DocumentNode, Kind, parse } from 'graphql';
import type { Histogram } from 'prom-client';
import { Pool } from 'undici';
import { ANONYMOUS_CALLER, type GatewayAuth } from './auth';
import type { GatewayContext } from './context';

export interface SubgraphClientOptions {
  name: string;
  url: string;
  auth: GatewayAuth;
  logger: Logger;
  /** Longest wait for a subgraph to connect, answer, or finish its body. */
  timeoutMs: number;
  duration?: Histogram<'subgraph' | 'outcome'>;
}

/** At most this many per-field errors for one failed fetch; a long entity list gets one error per entity up to it. */
const MAX_FAILURE_ERRORS = 100;

/**
 * Where a failed fetch leaves holes: one path per entity for an entity fetch (the gateway maps
 * `['_entities', i]` to the entity's place in the response), else one per root field of the fetch.
 */
export function failurePaths(
  request: { query?: string; variables?: Record<string, unknown> },
  document: DocumentNode | undefined,
): Array<ReadonlyArray<string | number>> {
  const representations = request.variables?.representations;
  if (Array.isArray(representations)) {
    return representations.slice(0, MAX_FAILURE_ERRORS).map((_, index) => ['_entities', index]);
  }
  let parsed = document;
  if (!parsed && request.query) {
    try {
      parsed = parse(request.query);
    } catch {
      return [];
    }
  }
  const operation = parsed?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  return operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [[(selection.alias ?? selection.name).value]] : [],
  );
}

/** What the caller sees when a subgraph cannot be reached; the gateway adds `serviceName` and full paths. */
export function upstreamUnavailable(
  subgraph: string,
  paths: Array<ReadonlyArray<string | number>>,
): GatewayGraphQLResponse {
  const error = (path?: ReadonlyArray<string | number>) => ({
    message: `The ${subgraph} service is unavailable right now; try again shortly.`,
    ...(path ? { path } : {}),
    extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, service: subgraph },
  });
  return { data: null, errors: paths.length > 0 ? paths.map(error) : [error()] };
}

/**
 * Sends the gateway's subgraph fetches over a keep-alive undici pool with the caller's signed identity.
 * Stands in for RemoteGraphQLDataSource, which builds fetch Headers/Request objects on every call.
 * Network failures and timeouts become UPSTREAM_UNAVAILABLE errors so the rest of the plan still runs.
 */
export class SubgraphClient implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(private readonly options: SubgraphClientOptions) {
    const url = new URL(options.url);
    this.path = `${url.pathname}${url.search}`;
    this.pool = new Pool(url.origin, {
      connections: 128,
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: options.timeoutMs },
    });
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const document = 'document' in options ? options.document : undefined;
    const context = options.context as Partial<GatewayContext>;
    const requestId = context.requestId ?? 'internal';
    const started = performance.now();
    let outcome = 'ok';
    try {
      const assertion = await this.options.auth.assertionFor(context.caller ?? ANONYMOUS_CALLER);
      const response = await this.pool.request({
        method: 'POST',
        path: this.path,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-request-id': requestId,
          [IDENTITY_HEADER]: assertion,
        },
        body: JSON.stringify({
          query: request.query,
          variables: request.variables,
          operationName: request.operationName,
        }),
      });
      if (response.statusCode === 401) {
        // Field-level UNAUTHENTICATED comes with 200; a 401 means the subgraph refused the gateway itself,
        // i.e. GATEWAY_PRIVATE_KEY here does not match its GATEWAY_PUBLIC_KEY. Not the caller's fault.
        await response.body.dump();
        outcome = 'unavailable';
        this.options.logger.error(
          { requestId, subgraph: this.options.name },
          'subgraph refused the identity assertion; check that the gateway key pair matches',
        );
        return upstreamUnavailable(this.options.name, failurePaths(request, document));
      }
      const contentType = response.headers['content-type'];
      if (typeof contentType === 'string' && contentType.includes('json')) {
        const body = (await response.body.json()) as GatewayGraphQLResponse;
        if (body && (body.data !== undefined || body.errors !== undefined)) {
          if (response.statusCode >= 400) outcome = 'error';
          return body;
        }
      } else {
        await response.body.dump();
      }
      outcome = 'unavailable';
      this.options.logger.warn(
        { requestId, subgraph: this.options.name, status: response.statusCode },
        'subgraph answered without a GraphQL response',
      );
      return upstreamUnavailable(this.options.name, failurePaths(request, document));
    } catch (error) {
      outcome = 'unavailable';
      this.options.logger.warn(
        { requestId, subgraph: this.options.name, err: error },
        'subgraph request failed',
      );
      return upstreamUnavailable(this.options.name, failurePaths(request, document));
    } finally {
      this.options.duration?.observe(
        { subgraph: this.options.name, outcome },
        (performance.now() - started) / 1000,
      );
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
