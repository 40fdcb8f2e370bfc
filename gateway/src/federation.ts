import { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import type { SubgraphName } from '@meridian/config';
import type { Logger } from '@meridian/observability';
import type { GraphQLSchema } from 'graphql';
import type { GatewayAuth } from './auth';
import type { GatewayMetrics } from './metrics';
import { SubgraphClient } from './subgraph-client';
import { withSubscriptions } from './subscriptions/schema';
import { readSupergraphSdl, type SubgraphUrls } from './supergraph';

/**
 * @apollo/gateway over the committed supergraph, its subgraph fetches going through SubgraphClient, and the
 * API schema it announces extended with the gateway's Subscription type, so HTTP introspection, validation and
 * the WebSocket server all see one schema.
 */
export class FederatedGateway implements GatewayInterface {
  private readonly gateway: ApolloGateway;
  private readonly clients: SubgraphClient[] = [];
  private schema?: GraphQLSchema;

  constructor(options: {
    subgraphUrls: SubgraphUrls;
    auth: GatewayAuth;
    logger: Logger;
    metrics: GatewayMetrics;
    subgraphTimeoutMs: number;
  }) {
    this.gateway = new ApolloGateway({
      supergraphSdl: readSupergraphSdl(),
      logger: options.logger,
      buildService: ({ name }) => {
        const url = options.subgraphUrls[name as SubgraphName];
        if (!url)
          throw new Error(
            `The supergraph names subgraph "${name}", which has no URL; add it to SUBGRAPH_NAMES.`,
          );
        const client = new SubgraphClient({
          name,
          url,
          auth: options.auth,
          logger: options.logger,
          timeoutMs: options.subgraphTimeoutMs,
          duration: options.metrics.subgraphDuration,
        });
        this.clients.push(client);
        return client;
      },
    });
  }

  /** The served API schema (supergraph API + Subscription); available once Apollo Server has started. */
  get apiSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('The gateway has not loaded its supergraph yet.');
    return this.schema;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.schema = withSubscriptions(apiSchema);
      callback({ apiSchema: this.schema, coreSupergraphSdl });
    });
  }

  load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    return this.gateway.load(options);
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await Promise.all(this.clients.map((client) => client.close()));
  }
}
