import { Supergraph } from '@apollo/federation-internals';
import { withSubscriptions } from '@meridian/gateway/src/subscriptions/schema';
import { readSupergraphSdl } from '@meridian/gateway/src/supergraph';
import type { GraphQLSchema } from 'graphql';

/**
 * The schema the gateway serves to clients, built the way the gateway builds it: the committed supergraph
 * stripped of its federation machinery (join and link directives and types), plus the gateway's own
 * Subscription type. Codegen types the control tower's operations against it.
 */
export function apiSchema(): GraphQLSchema {
  return withSubscriptions(Supergraph.build(readSupergraphSdl()).apiSchema().toGraphQLJSSchema());
}
