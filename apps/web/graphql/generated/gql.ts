/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n": typeof types.FillRateDayFragmentDoc,
    "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n": typeof types.FeedExceptionFragmentDoc,
    "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n": typeof types.ExceptionRaisedDocument,
    "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n": typeof types.KpiUpdatedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n": types.FillRateDayFragmentDoc,
    "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n": types.FeedExceptionFragmentDoc,
    "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n": types.ExceptionRaisedDocument,
    "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n": types.KpiUpdatedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n"): (typeof documents)["\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n"): (typeof documents)["\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;