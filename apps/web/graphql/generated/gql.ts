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
    "\n  fragment Issue on RecordIssue {\n    field\n    code\n    message\n  }\n": typeof types.IssueFragmentDoc,
    "\n  fragment ThroughputMinute on IngestionMinute {\n    minute\n    accepted\n    duplicates\n    rejected\n    warned\n  }\n": typeof types.ThroughputMinuteFragmentDoc,
    "\n  fragment QuarantineEntry on QuarantinedRecord {\n    id\n    channel\n    transactionId\n    correlationId\n    sourceSystem\n    recordJson\n    reasons {\n      ...Issue\n    }\n    status\n    quarantinedAt\n    resolvedAt\n    replayedTransactionId\n  }\n": typeof types.QuarantineEntryFragmentDoc,
    "\n  fragment ConsumerLag on ConsumerLag {\n    consumer\n    lag\n    pendingRetries\n    deadLetters\n  }\n": typeof types.ConsumerLagFragmentDoc,
    "\n  fragment DeadLetterEntry on DeadLetter {\n    id\n    consumer\n    eventId\n    eventType\n    correlationId\n    attempts\n    errorCode\n    lastError\n    deadAt\n    replayedAt\n  }\n": typeof types.DeadLetterEntryFragmentDoc,
    "\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n": typeof types.IngestionDashboardDocument,
    "\n  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {\n    quarantinedRecords(status: $status, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...QuarantineEntry\n        }\n      }\n    }\n  }\n": typeof types.QuarantineListDocument,
    "\n  query QuarantineRecord($id: ID!) {\n    quarantinedRecord(id: $id) {\n      ...QuarantineEntry\n    }\n  }\n": typeof types.QuarantineRecordDocument,
    "\n  mutation SetIngestValidationMode($mode: IngestValidationMode!) {\n    setIngestValidationMode(mode: $mode)\n  }\n": typeof types.SetIngestValidationModeDocument,
    "\n  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {\n    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {\n      record {\n        ...QuarantineEntry\n      }\n      issues {\n        ...Issue\n      }\n      warnings {\n        ...Issue\n      }\n    }\n  }\n": typeof types.CorrectQuarantinedRecordDocument,
    "\n  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {\n    discardQuarantinedRecord(id: $id, reason: $reason) {\n      ...QuarantineEntry\n    }\n  }\n": typeof types.DiscardQuarantinedRecordDocument,
    "\n  query DeadLetters($first: Int!) {\n    deadLetters(first: $first) {\n      ...DeadLetterEntry\n    }\n  }\n": typeof types.DeadLettersDocument,
    "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      ...DeadLetterEntry\n      payloadJson\n    }\n  }\n": typeof types.DeadLetterDocument,
    "\n  mutation ReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      ...DeadLetterEntry\n    }\n  }\n": typeof types.ReplayDeadLetterDocument,
    "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n": typeof types.FillRateDayFragmentDoc,
    "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n": typeof types.FeedExceptionFragmentDoc,
    "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n": typeof types.ExceptionRaisedDocument,
    "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n": typeof types.KpiUpdatedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment SkuPosition on InventoryPosition {\n    id\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    allocated\n    available\n    inTransit\n    reorderPoint\n    safetyStock\n    atStockoutRisk\n    updatedAt\n  }\n": typeof types.SkuPositionFragmentDoc,
    "\n  fragment StockMovement on InventoryMovement {\n    id\n    transactionId\n    kind\n    quantity\n    location {\n      id\n      code\n      name\n    }\n    occurredAt\n    sourceSystem\n    correlationId\n    warnings\n    recordedAt\n  }\n": typeof types.StockMovementFragmentDoc,
    "\n  query SkuPage($code: String!, $movements: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      name\n      gtin\n      baseUom\n      family {\n        name\n      }\n      supplier {\n        name\n      }\n      inventoryPositions {\n        ...SkuPosition\n      }\n      movements(first: $movements) {\n        ...StockMovement\n      }\n    }\n  }\n": typeof types.SkuPageDocument,
};
const documents: Documents = {
    "\n  fragment Issue on RecordIssue {\n    field\n    code\n    message\n  }\n": types.IssueFragmentDoc,
    "\n  fragment ThroughputMinute on IngestionMinute {\n    minute\n    accepted\n    duplicates\n    rejected\n    warned\n  }\n": types.ThroughputMinuteFragmentDoc,
    "\n  fragment QuarantineEntry on QuarantinedRecord {\n    id\n    channel\n    transactionId\n    correlationId\n    sourceSystem\n    recordJson\n    reasons {\n      ...Issue\n    }\n    status\n    quarantinedAt\n    resolvedAt\n    replayedTransactionId\n  }\n": types.QuarantineEntryFragmentDoc,
    "\n  fragment ConsumerLag on ConsumerLag {\n    consumer\n    lag\n    pendingRetries\n    deadLetters\n  }\n": types.ConsumerLagFragmentDoc,
    "\n  fragment DeadLetterEntry on DeadLetter {\n    id\n    consumer\n    eventId\n    eventType\n    correlationId\n    attempts\n    errorCode\n    lastError\n    deadAt\n    replayedAt\n  }\n": types.DeadLetterEntryFragmentDoc,
    "\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n": types.IngestionDashboardDocument,
    "\n  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {\n    quarantinedRecords(status: $status, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...QuarantineEntry\n        }\n      }\n    }\n  }\n": types.QuarantineListDocument,
    "\n  query QuarantineRecord($id: ID!) {\n    quarantinedRecord(id: $id) {\n      ...QuarantineEntry\n    }\n  }\n": types.QuarantineRecordDocument,
    "\n  mutation SetIngestValidationMode($mode: IngestValidationMode!) {\n    setIngestValidationMode(mode: $mode)\n  }\n": types.SetIngestValidationModeDocument,
    "\n  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {\n    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {\n      record {\n        ...QuarantineEntry\n      }\n      issues {\n        ...Issue\n      }\n      warnings {\n        ...Issue\n      }\n    }\n  }\n": types.CorrectQuarantinedRecordDocument,
    "\n  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {\n    discardQuarantinedRecord(id: $id, reason: $reason) {\n      ...QuarantineEntry\n    }\n  }\n": types.DiscardQuarantinedRecordDocument,
    "\n  query DeadLetters($first: Int!) {\n    deadLetters(first: $first) {\n      ...DeadLetterEntry\n    }\n  }\n": types.DeadLettersDocument,
    "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      ...DeadLetterEntry\n      payloadJson\n    }\n  }\n": types.DeadLetterDocument,
    "\n  mutation ReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      ...DeadLetterEntry\n    }\n  }\n": types.ReplayDeadLetterDocument,
    "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n": types.FillRateDayFragmentDoc,
    "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n": types.FeedExceptionFragmentDoc,
    "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n": types.ExceptionRaisedDocument,
    "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n": types.KpiUpdatedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment SkuPosition on InventoryPosition {\n    id\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    allocated\n    available\n    inTransit\n    reorderPoint\n    safetyStock\n    atStockoutRisk\n    updatedAt\n  }\n": types.SkuPositionFragmentDoc,
    "\n  fragment StockMovement on InventoryMovement {\n    id\n    transactionId\n    kind\n    quantity\n    location {\n      id\n      code\n      name\n    }\n    occurredAt\n    sourceSystem\n    correlationId\n    warnings\n    recordedAt\n  }\n": types.StockMovementFragmentDoc,
    "\n  query SkuPage($code: String!, $movements: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      name\n      gtin\n      baseUom\n      family {\n        name\n      }\n      supplier {\n        name\n      }\n      inventoryPositions {\n        ...SkuPosition\n      }\n      movements(first: $movements) {\n        ...StockMovement\n      }\n    }\n  }\n": types.SkuPageDocument,
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
export function graphql(source: "\n  fragment Issue on RecordIssue {\n    field\n    code\n    message\n  }\n"): (typeof documents)["\n  fragment Issue on RecordIssue {\n    field\n    code\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThroughputMinute on IngestionMinute {\n    minute\n    accepted\n    duplicates\n    rejected\n    warned\n  }\n"): (typeof documents)["\n  fragment ThroughputMinute on IngestionMinute {\n    minute\n    accepted\n    duplicates\n    rejected\n    warned\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuarantineEntry on QuarantinedRecord {\n    id\n    channel\n    transactionId\n    correlationId\n    sourceSystem\n    recordJson\n    reasons {\n      ...Issue\n    }\n    status\n    quarantinedAt\n    resolvedAt\n    replayedTransactionId\n  }\n"): (typeof documents)["\n  fragment QuarantineEntry on QuarantinedRecord {\n    id\n    channel\n    transactionId\n    correlationId\n    sourceSystem\n    recordJson\n    reasons {\n      ...Issue\n    }\n    status\n    quarantinedAt\n    resolvedAt\n    replayedTransactionId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsumerLag on ConsumerLag {\n    consumer\n    lag\n    pendingRetries\n    deadLetters\n  }\n"): (typeof documents)["\n  fragment ConsumerLag on ConsumerLag {\n    consumer\n    lag\n    pendingRetries\n    deadLetters\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeadLetterEntry on DeadLetter {\n    id\n    consumer\n    eventId\n    eventType\n    correlationId\n    attempts\n    errorCode\n    lastError\n    deadAt\n    replayedAt\n  }\n"): (typeof documents)["\n  fragment DeadLetterEntry on DeadLetter {\n    id\n    consumer\n    eventId\n    eventType\n    correlationId\n    attempts\n    errorCode\n    lastError\n    deadAt\n    replayedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n"): (typeof documents)["\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {\n    quarantinedRecords(status: $status, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...QuarantineEntry\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {\n    quarantinedRecords(status: $status, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...QuarantineEntry\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuarantineRecord($id: ID!) {\n    quarantinedRecord(id: $id) {\n      ...QuarantineEntry\n    }\n  }\n"): (typeof documents)["\n  query QuarantineRecord($id: ID!) {\n    quarantinedRecord(id: $id) {\n      ...QuarantineEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetIngestValidationMode($mode: IngestValidationMode!) {\n    setIngestValidationMode(mode: $mode)\n  }\n"): (typeof documents)["\n  mutation SetIngestValidationMode($mode: IngestValidationMode!) {\n    setIngestValidationMode(mode: $mode)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {\n    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {\n      record {\n        ...QuarantineEntry\n      }\n      issues {\n        ...Issue\n      }\n      warnings {\n        ...Issue\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {\n    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {\n      record {\n        ...QuarantineEntry\n      }\n      issues {\n        ...Issue\n      }\n      warnings {\n        ...Issue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {\n    discardQuarantinedRecord(id: $id, reason: $reason) {\n      ...QuarantineEntry\n    }\n  }\n"): (typeof documents)["\n  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {\n    discardQuarantinedRecord(id: $id, reason: $reason) {\n      ...QuarantineEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetters($first: Int!) {\n    deadLetters(first: $first) {\n      ...DeadLetterEntry\n    }\n  }\n"): (typeof documents)["\n  query DeadLetters($first: Int!) {\n    deadLetters(first: $first) {\n      ...DeadLetterEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      ...DeadLetterEntry\n      payloadJson\n    }\n  }\n"): (typeof documents)["\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      ...DeadLetterEntry\n      payloadJson\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      ...DeadLetterEntry\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      ...DeadLetterEntry\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SkuPosition on InventoryPosition {\n    id\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    allocated\n    available\n    inTransit\n    reorderPoint\n    safetyStock\n    atStockoutRisk\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment SkuPosition on InventoryPosition {\n    id\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    allocated\n    available\n    inTransit\n    reorderPoint\n    safetyStock\n    atStockoutRisk\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StockMovement on InventoryMovement {\n    id\n    transactionId\n    kind\n    quantity\n    location {\n      id\n      code\n      name\n    }\n    occurredAt\n    sourceSystem\n    correlationId\n    warnings\n    recordedAt\n  }\n"): (typeof documents)["\n  fragment StockMovement on InventoryMovement {\n    id\n    transactionId\n    kind\n    quantity\n    location {\n      id\n      code\n      name\n    }\n    occurredAt\n    sourceSystem\n    correlationId\n    warnings\n    recordedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkuPage($code: String!, $movements: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      name\n      gtin\n      baseUom\n      family {\n        name\n      }\n      supplier {\n        name\n      }\n      inventoryPositions {\n        ...SkuPosition\n      }\n      movements(first: $movements) {\n        ...StockMovement\n      }\n    }\n  }\n"): (typeof documents)["\n  query SkuPage($code: String!, $movements: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      name\n      gtin\n      baseUom\n      family {\n        name\n      }\n      supplier {\n        name\n      }\n      inventoryPositions {\n        ...SkuPosition\n      }\n      movements(first: $movements) {\n        ...StockMovement\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;