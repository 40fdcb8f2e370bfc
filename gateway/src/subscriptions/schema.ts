import { extendSchema, type GraphQLSchema, parse } from 'graphql';

/**
 * The gateway's own subscription schema, merged into the supergraph's API schema (the JS gateway cannot plan
 * federated subscriptions). Its fields are fed by the event backbone; `exceptionRaised` resolves whatever
 * Exception fields the client selects through the supergraph.
 */
export const SUBSCRIPTION_TYPE_DEFS = parse(/* GraphQL */ `
  extend schema {
    subscription: Subscription
  }

  "A KPI's new value for your tenant"
  type KpiUpdate {
    "Machine name of the KPI, e.g. fill_rate, on_time_rate, open_exceptions"
    kpi: String!
    value: Float!
    "Unit of value, e.g. ratio, count"
    unit: String!
    at: DateTime!
  }

  """
  Live updates over graphql-ws (WebSocket, subprotocol graphql-transport-ws) at the same URL as queries.
  Send connectionParams { authorization: "Bearer <token>" }.
  """
  type Subscription {
    "Each exception raised in your tenant, as it is raised; any Exception fields may be selected"
    exceptionRaised: Exception!
    "Each KPI change in your tenant (supply, logistics and quality KPIs)"
    kpiUpdated: KpiUpdate!
  }
`);

export function withSubscriptions(apiSchema: GraphQLSchema): GraphQLSchema {
  return extendSchema(apiSchema, SUBSCRIPTION_TYPE_DEFS);
}
