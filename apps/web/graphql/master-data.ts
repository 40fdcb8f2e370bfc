import { graphql } from './generated';

// Result types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export type {
  ApprovalReasonFragment as ApprovalReason,
  BulkImportReportEntryFragment as BulkImportReportEntry,
  CatalogPropagationQuery as CatalogPropagationData,
  ChangeRequestEntryFragment as ChangeRequestEntry,
  ChangeRequestStatus,
  FieldChangeEntryFragment as FieldChangeEntry,
  ImportFormat,
  ImportMode,
  LocationRecordQuery as LocationRecordData,
  LocationType,
  MappingKind,
  MasterChangeOutcomeFragment as MasterChangeOutcome,
  MasterEntityType,
  MasterVersionFragment as MasterVersion,
  NotificationEntryFragment as NotificationEntry,
  RecordErrorEntryFragment as RecordErrorEntry,
  SkuRecordQuery as SkuRecordData,
  SourceMappingEntryFragment as SourceMappingEntry,
  StewardshipTaskEntryFragment as StewardshipTaskEntry,
  SupplierRecordQuery as SupplierRecordData,
} from './generated/graphql';

export const SEARCH_PAGE_SIZE = 50;
export const HISTORY_SHOWN = 50;
export const CHANGE_REQUESTS_SHOWN = 50;
export const IMPORTS_SHOWN = 10;
export const STEWARDSHIP_SHOWN = 50;

graphql(`
  fragment FieldChangeEntry on FieldChange {
    field
    before
    after
  }
`);

graphql(`
  fragment MasterVersion on MasterRecordVersion {
    id
    version
    tag
    changes {
      ...FieldChangeEntry
    }
    authorId
    author {
      id
      name
    }
    approvedById
    approvedBy {
      id
      name
    }
    comment
    ticketId
    changeRequestId
    restoredVersion
    createdAt
  }
`);

graphql(`
  fragment ApprovalReason on ApprovalReason {
    rule
    field
    before
    after
    variance
    threshold
  }
`);

graphql(`
  fragment ChangeRequestEntry on ChangeRequest {
    id
    entityType
    entityId
    status
    proposed
    changes {
      ...FieldChangeEntry
    }
    reasons {
      ...ApprovalReason
    }
    baseVersion
    requestedById
    requestedBy {
      id
      name
    }
    comment
    ticketId
    effectiveAt
    requestedAt
    acknowledgedAt
    decidedAt
    decidedBy {
      id
      name
    }
    decisionComment
    publishedVersion
    acknowledgeDueAt
    slaBreached
  }
`);

graphql(`
  fragment MasterChangeOutcome on MasterChangeResult {
    outcome
    version {
      ...MasterVersion
    }
    changeRequest {
      ...ChangeRequestEntry
    }
  }
`);

graphql(`
  fragment RecordErrorEntry on RecordError {
    row
    field
    code
    message
  }
`);

graphql(`
  fragment SourceMappingEntry on SourceMapping {
    id
    sourceSystem
    kind
    sourceValue
    targetValue
    factor
    effectiveFrom
    createdAt
  }
`);

graphql(`
  fragment BulkImportReportEntry on BulkImportReport {
    id
    entityType
    format
    mode
    status
    rowCount
    appliedCount
    stagedCount
    errorCount
    errors {
      ...RecordErrorEntry
    }
    durationMs
    createdAt
  }
`);

export const SkuSearchQuery = graphql(`
  query SkuSearch($search: String, $first: Int!) {
    skus(search: $search, first: $first) {
      totalCount
      edges {
        node {
          id
          code
          gtin
          name
          baseUom
          priceCents
          versionTag
          updatedAt
          supplier {
            id
            name
          }
        }
      }
    }
  }
`);

export const SupplierListQuery = graphql(`
  query SupplierList {
    suppliers {
      id
      code
      name
      leadTimeHours
      reliability
      flag
      versionTag
    }
  }
`);

export const LocationListQuery = graphql(`
  query LocationList {
    locations {
      id
      code
      name
      type
      region
      dataResidency
      versionTag
    }
  }
`);

export const SkuRecordQuery = graphql(`
  query SkuRecord($id: ID!, $history: Int!) {
    sku(id: $id) {
      id
      code
      gtin
      name
      baseUom
      uomConversions {
        uom
        factor
      }
      weightGrams
      lengthMm
      widthMm
      heightMm
      unitCostCents
      priceCents
      minOrderQty
      packSize
      family {
        id
        name
      }
      supplier {
        id
        code
        name
      }
      version
      versionTag
      updatedAt
      history(first: $history) {
        ...MasterVersion
      }
    }
    # To name the family and supplier a version refers to by id
    skuFamilies {
      id
      name
    }
    suppliers {
      id
      name
    }
  }
`);

export const SupplierRecordQuery = graphql(`
  query SupplierRecord($id: ID!, $history: Int!) {
    supplier(id: $id) {
      id
      code
      name
      leadTimeHours
      leadTimeStdDevHours
      reliability
      flag
      version
      versionTag
      history(first: $history) {
        ...MasterVersion
      }
    }
  }
`);

export const LocationRecordQuery = graphql(`
  query LocationRecord($id: ID!, $history: Int!) {
    location(id: $id) {
      id
      code
      name
      type
      region
      dataResidency
      quarantined
      quarantineReason
      parent {
        id
        code
        name
      }
      version
      versionTag
      history(first: $history) {
        ...MasterVersion
      }
    }
    # To name the parent location a version refers to by id
    locations {
      id
      name
    }
  }
`);

export const MasterRecordDiffQuery = graphql(`
  query MasterRecordDiff($entityType: MasterEntityType!, $id: ID!, $fromVersion: Int!, $toVersion: Int!) {
    masterRecordDiff(entityType: $entityType, id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {
      from {
        id
        version
        tag
        createdAt
      }
      to {
        id
        version
        tag
        createdAt
      }
      changes {
        ...FieldChangeEntry
      }
    }
  }
`);

export const UpdateSkuMutation = graphql(`
  mutation UpdateSku($id: ID!, $input: SkuInput!, $context: ChangeContext!) {
    updateSku(id: $id, input: $input, context: $context) {
      ...MasterChangeOutcome
    }
  }
`);

export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($id: ID!, $input: SupplierInput!, $context: ChangeContext!) {
    updateSupplier(id: $id, input: $input, context: $context) {
      ...MasterChangeOutcome
    }
  }
`);

export const UpdateLocationMutation = graphql(`
  mutation UpdateLocation($id: ID!, $input: LocationInput!, $context: ChangeContext!) {
    updateLocation(id: $id, input: $input, context: $context) {
      ...MasterChangeOutcome
    }
  }
`);

export const RollbackMasterRecordMutation = graphql(`
  mutation RollbackMasterRecord(
    $entityType: MasterEntityType!
    $id: ID!
    $toVersion: Int!
    $context: ChangeContext!
  ) {
    rollbackMasterRecord(entityType: $entityType, id: $id, toVersion: $toVersion, context: $context) {
      ...MasterChangeOutcome
    }
  }
`);

export const ChangeRequestsQuery = graphql(`
  query ChangeRequests($status: ChangeRequestStatus, $first: Int!) {
    changeRequests(status: $status, first: $first) {
      ...ChangeRequestEntry
    }
  }
`);

export const ApproveChangeRequestMutation = graphql(`
  mutation ApproveChangeRequest($id: ID!, $comment: String) {
    approveChangeRequest(id: $id, comment: $comment) {
      ...ChangeRequestEntry
    }
  }
`);

export const RejectChangeRequestMutation = graphql(`
  mutation RejectChangeRequest($id: ID!, $comment: String!) {
    rejectChangeRequest(id: $id, comment: $comment) {
      ...ChangeRequestEntry
    }
  }
`);

export const AcknowledgeChangeRequestMutation = graphql(`
  mutation AcknowledgeChangeRequest($id: ID!) {
    acknowledgeChangeRequest(id: $id) {
      ...ChangeRequestEntry
    }
  }
`);

export const WithdrawChangeRequestMutation = graphql(`
  mutation WithdrawChangeRequest($id: ID!) {
    withdrawChangeRequest(id: $id) {
      ...ChangeRequestEntry
    }
  }
`);

export const SourceMappingsQuery = graphql(`
  query SourceMappings($sourceSystem: String!, $kind: MappingKind) {
    sourceMappings(sourceSystem: $sourceSystem, kind: $kind) {
      ...SourceMappingEntry
    }
    mappingSetVersions(sourceSystem: $sourceSystem) {
      id
      version
      tag
      comment
      createdAt
    }
  }
`);

export const SaveSourceMappingsMutation = graphql(`
  mutation SaveSourceMappings($mappings: [SourceMappingInput!]!, $comment: String!) {
    saveSourceMappings(mappings: $mappings, comment: $comment) {
      id
      sourceSystem
      version
      tag
      comment
      createdAt
    }
  }
`);

export const DryRunMappingQuery = graphql(`
  query DryRunMapping($sourceSystem: String!, $payload: JSON!) {
    dryRunMapping(sourceSystem: $sourceSystem, payload: $payload) {
      canonical
      errors {
        ...RecordErrorEntry
      }
    }
  }
`);

export const ImportMasterRecordsMutation = graphql(`
  mutation ImportMasterRecords(
    $entityType: MasterEntityType!
    $format: ImportFormat!
    $content: String!
    $mode: ImportMode
  ) {
    importMasterRecords(entityType: $entityType, format: $format, content: $content, mode: $mode) {
      ...BulkImportReportEntry
    }
  }
`);

export const BulkImportsQuery = graphql(`
  query BulkImports($first: Int!) {
    bulkImports(first: $first) {
      ...BulkImportReportEntry
    }
  }
`);

graphql(`
  fragment StewardshipTaskEntry on StewardshipTask {
    id
    kind
    entityType
    entityId
    changeRequestId
    title
    detail
    dueAt
    createdAt
    doneAt
    breachedAt
  }
`);

graphql(`
  fragment NotificationEntry on OwnerNotification {
    id
    kind
    title
    body
    entityType
    entityId
    changeRequestId
    createdAt
    readAt
  }
`);

export const StewardshipQuery = graphql(`
  query Stewardship($open: Boolean!, $first: Int!) {
    stewardshipTasks(open: $open, first: $first) {
      ...StewardshipTaskEntry
    }
    myNotifications(first: $first) {
      ...NotificationEntry
    }
  }
`);

export const ResolveStewardshipTaskMutation = graphql(`
  mutation ResolveStewardshipTask($id: ID!) {
    resolveStewardshipTask(id: $id) {
      ...StewardshipTaskEntry
    }
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      ...NotificationEntry
    }
  }
`);

export const CatalogPropagationQuery = graphql(`
  query CatalogPropagation($recentEvents: Int!) {
    catalogEventPropagation(recentEvents: $recentEvents) {
      consumer
      eventType
      applied
      pending
      p50Ms
      p95Ms
      maxMs
      lastAppliedAt
    }
  }
`);
