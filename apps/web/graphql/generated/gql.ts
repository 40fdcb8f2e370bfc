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
    "\n  fragment EventRetentionSetting on EventRetention {\n    days\n    isDefault\n    minDays\n    maxDays\n    updatedAt\n  }\n": typeof types.EventRetentionSettingFragmentDoc,
    "\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      eventRetention {\n        ...EventRetentionSetting\n      }\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n": typeof types.IngestionDashboardDocument,
    "\n  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {\n    quarantinedRecords(status: $status, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...QuarantineEntry\n        }\n      }\n    }\n  }\n": typeof types.QuarantineListDocument,
    "\n  query QuarantineRecord($id: ID!) {\n    quarantinedRecord(id: $id) {\n      ...QuarantineEntry\n    }\n  }\n": typeof types.QuarantineRecordDocument,
    "\n  mutation SetIngestValidationMode($mode: IngestValidationMode!) {\n    setIngestValidationMode(mode: $mode)\n  }\n": typeof types.SetIngestValidationModeDocument,
    "\n  mutation SetEventRetention($days: Int!) {\n    setEventRetention(days: $days) {\n      ...EventRetentionSetting\n    }\n  }\n": typeof types.SetEventRetentionDocument,
    "\n  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {\n    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {\n      record {\n        ...QuarantineEntry\n      }\n      issues {\n        ...Issue\n      }\n      warnings {\n        ...Issue\n      }\n    }\n  }\n": typeof types.CorrectQuarantinedRecordDocument,
    "\n  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {\n    discardQuarantinedRecord(id: $id, reason: $reason) {\n      ...QuarantineEntry\n    }\n  }\n": typeof types.DiscardQuarantinedRecordDocument,
    "\n  query DeadLetters($first: Int!) {\n    deadLetters(first: $first) {\n      ...DeadLetterEntry\n    }\n  }\n": typeof types.DeadLettersDocument,
    "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      ...DeadLetterEntry\n      payloadJson\n    }\n  }\n": typeof types.DeadLetterDocument,
    "\n  mutation ReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      ...DeadLetterEntry\n    }\n  }\n": typeof types.ReplayDeadLetterDocument,
    "\n  fragment FieldChangeEntry on FieldChange {\n    field\n    before\n    after\n  }\n": typeof types.FieldChangeEntryFragmentDoc,
    "\n  fragment MasterVersion on MasterRecordVersion {\n    id\n    version\n    tag\n    changes {\n      ...FieldChangeEntry\n    }\n    authorId\n    author {\n      id\n      name\n    }\n    approvedById\n    approvedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    changeRequestId\n    restoredVersion\n    createdAt\n  }\n": typeof types.MasterVersionFragmentDoc,
    "\n  fragment ApprovalReason on ApprovalReason {\n    rule\n    field\n    before\n    after\n    variance\n    threshold\n  }\n": typeof types.ApprovalReasonFragmentDoc,
    "\n  fragment ChangeRequestEntry on ChangeRequest {\n    id\n    entityType\n    entityId\n    status\n    proposed\n    changes {\n      ...FieldChangeEntry\n    }\n    reasons {\n      ...ApprovalReason\n    }\n    baseVersion\n    requestedById\n    requestedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    effectiveAt\n    requestedAt\n    acknowledgedAt\n    decidedAt\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    publishedVersion\n    acknowledgeDueAt\n    slaBreached\n  }\n": typeof types.ChangeRequestEntryFragmentDoc,
    "\n  fragment MasterChangeOutcome on MasterChangeResult {\n    outcome\n    version {\n      ...MasterVersion\n    }\n    changeRequest {\n      ...ChangeRequestEntry\n    }\n  }\n": typeof types.MasterChangeOutcomeFragmentDoc,
    "\n  fragment RecordErrorEntry on RecordError {\n    row\n    field\n    code\n    message\n  }\n": typeof types.RecordErrorEntryFragmentDoc,
    "\n  fragment SourceMappingEntry on SourceMapping {\n    id\n    sourceSystem\n    kind\n    sourceValue\n    targetValue\n    factor\n    effectiveFrom\n    createdAt\n  }\n": typeof types.SourceMappingEntryFragmentDoc,
    "\n  fragment BulkImportReportEntry on BulkImportReport {\n    id\n    entityType\n    format\n    mode\n    status\n    rowCount\n    appliedCount\n    stagedCount\n    errorCount\n    errors {\n      ...RecordErrorEntry\n    }\n    durationMs\n    createdAt\n  }\n": typeof types.BulkImportReportEntryFragmentDoc,
    "\n  query SkuSearch($search: String, $first: Int!) {\n    skus(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          gtin\n          name\n          baseUom\n          priceCents\n          versionTag\n          updatedAt\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.SkuSearchDocument,
    "\n  query SupplierList {\n    suppliers {\n      id\n      code\n      name\n      leadTimeHours\n      reliability\n      flag\n      versionTag\n    }\n  }\n": typeof types.SupplierListDocument,
    "\n  query LocationList {\n    locations {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      versionTag\n    }\n  }\n": typeof types.LocationListDocument,
    "\n  query SkuRecord($id: ID!, $history: Int!) {\n    sku(id: $id) {\n      id\n      code\n      gtin\n      name\n      baseUom\n      uomConversions {\n        uom\n        factor\n      }\n      weightGrams\n      lengthMm\n      widthMm\n      heightMm\n      unitCostCents\n      priceCents\n      minOrderQty\n      packSize\n      family {\n        id\n        name\n      }\n      supplier {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      updatedAt\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the family and supplier a version refers to by id\n    skuFamilies {\n      id\n      name\n    }\n    suppliers {\n      id\n      name\n    }\n  }\n": typeof types.SkuRecordDocument,
    "\n  query SupplierRecord($id: ID!, $history: Int!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      leadTimeHours\n      leadTimeStdDevHours\n      reliability\n      flag\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n  }\n": typeof types.SupplierRecordDocument,
    "\n  query LocationRecord($id: ID!, $history: Int!) {\n    location(id: $id) {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      quarantined\n      quarantineReason\n      parent {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the parent location a version refers to by id\n    locations {\n      id\n      name\n    }\n  }\n": typeof types.LocationRecordDocument,
    "\n  query MasterRecordDiff($entityType: MasterEntityType!, $id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    masterRecordDiff(entityType: $entityType, id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      from {\n        id\n        version\n        tag\n        createdAt\n      }\n      to {\n        id\n        version\n        tag\n        createdAt\n      }\n      changes {\n        ...FieldChangeEntry\n      }\n    }\n  }\n": typeof types.MasterRecordDiffDocument,
    "\n  mutation UpdateSku($id: ID!, $input: SkuInput!, $context: ChangeContext!) {\n    updateSku(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": typeof types.UpdateSkuDocument,
    "\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!, $context: ChangeContext!) {\n    updateSupplier(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": typeof types.UpdateSupplierDocument,
    "\n  mutation UpdateLocation($id: ID!, $input: LocationInput!, $context: ChangeContext!) {\n    updateLocation(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": typeof types.UpdateLocationDocument,
    "\n  mutation RollbackMasterRecord(\n    $entityType: MasterEntityType!\n    $id: ID!\n    $toVersion: Int!\n    $context: ChangeContext!\n  ) {\n    rollbackMasterRecord(entityType: $entityType, id: $id, toVersion: $toVersion, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": typeof types.RollbackMasterRecordDocument,
    "\n  query ChangeRequests($status: ChangeRequestStatus, $first: Int!) {\n    changeRequests(status: $status, first: $first) {\n      ...ChangeRequestEntry\n    }\n  }\n": typeof types.ChangeRequestsDocument,
    "\n  mutation ApproveChangeRequest($id: ID!, $comment: String) {\n    approveChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n": typeof types.ApproveChangeRequestDocument,
    "\n  mutation RejectChangeRequest($id: ID!, $comment: String!) {\n    rejectChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n": typeof types.RejectChangeRequestDocument,
    "\n  mutation AcknowledgeChangeRequest($id: ID!) {\n    acknowledgeChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n": typeof types.AcknowledgeChangeRequestDocument,
    "\n  mutation WithdrawChangeRequest($id: ID!) {\n    withdrawChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n": typeof types.WithdrawChangeRequestDocument,
    "\n  query SourceMappings($sourceSystem: String!, $kind: MappingKind) {\n    sourceMappings(sourceSystem: $sourceSystem, kind: $kind) {\n      ...SourceMappingEntry\n    }\n    mappingSetVersions(sourceSystem: $sourceSystem) {\n      id\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n": typeof types.SourceMappingsDocument,
    "\n  mutation SaveSourceMappings($mappings: [SourceMappingInput!]!, $comment: String!) {\n    saveSourceMappings(mappings: $mappings, comment: $comment) {\n      id\n      sourceSystem\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n": typeof types.SaveSourceMappingsDocument,
    "\n  query DryRunMapping($sourceSystem: String!, $payload: JSON!) {\n    dryRunMapping(sourceSystem: $sourceSystem, payload: $payload) {\n      canonical\n      errors {\n        ...RecordErrorEntry\n      }\n    }\n  }\n": typeof types.DryRunMappingDocument,
    "\n  mutation ImportMasterRecords(\n    $entityType: MasterEntityType!\n    $format: ImportFormat!\n    $content: String!\n    $mode: ImportMode\n  ) {\n    importMasterRecords(entityType: $entityType, format: $format, content: $content, mode: $mode) {\n      ...BulkImportReportEntry\n    }\n  }\n": typeof types.ImportMasterRecordsDocument,
    "\n  query BulkImports($first: Int!) {\n    bulkImports(first: $first) {\n      ...BulkImportReportEntry\n    }\n  }\n": typeof types.BulkImportsDocument,
    "\n  fragment StewardshipTaskEntry on StewardshipTask {\n    id\n    kind\n    entityType\n    entityId\n    changeRequestId\n    title\n    detail\n    dueAt\n    createdAt\n    doneAt\n    breachedAt\n  }\n": typeof types.StewardshipTaskEntryFragmentDoc,
    "\n  fragment NotificationEntry on OwnerNotification {\n    id\n    kind\n    title\n    body\n    entityType\n    entityId\n    changeRequestId\n    createdAt\n    readAt\n  }\n": typeof types.NotificationEntryFragmentDoc,
    "\n  query Stewardship($open: Boolean!, $first: Int!) {\n    stewardshipTasks(open: $open, first: $first) {\n      ...StewardshipTaskEntry\n    }\n    myNotifications(first: $first) {\n      ...NotificationEntry\n    }\n  }\n": typeof types.StewardshipDocument,
    "\n  mutation ResolveStewardshipTask($id: ID!) {\n    resolveStewardshipTask(id: $id) {\n      ...StewardshipTaskEntry\n    }\n  }\n": typeof types.ResolveStewardshipTaskDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      ...NotificationEntry\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  query CatalogPropagation($recentEvents: Int!) {\n    catalogEventPropagation(recentEvents: $recentEvents) {\n      consumer\n      eventType\n      applied\n      pending\n      p50Ms\n      p95Ms\n      maxMs\n      lastAppliedAt\n    }\n  }\n": typeof types.CatalogPropagationDocument,
    "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n": typeof types.FillRateDayFragmentDoc,
    "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n": typeof types.FeedExceptionFragmentDoc,
    "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n": typeof types.ExceptionRaisedDocument,
    "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n": typeof types.KpiUpdatedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment SkuPosition on InventoryPosition {\n    id\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    allocated\n    available\n    inTransit\n    reorderPoint\n    safetyStock\n    atStockoutRisk\n    updatedAt\n  }\n": typeof types.SkuPositionFragmentDoc,
    "\n  fragment StockMovement on InventoryMovement {\n    id\n    transactionId\n    kind\n    quantity\n    location {\n      id\n      code\n      name\n    }\n    occurredAt\n    sourceSystem\n    correlationId\n    warnings\n    recordedAt\n  }\n": typeof types.StockMovementFragmentDoc,
    "\n  query SkuPage($code: String!, $movements: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      name\n      gtin\n      baseUom\n      family {\n        name\n      }\n      supplier {\n        name\n      }\n      inventoryPositions {\n        ...SkuPosition\n      }\n      movements(first: $movements) {\n        ...StockMovement\n      }\n    }\n  }\n": typeof types.SkuPageDocument,
    "\n  fragment PlanningPosition on InventoryPosition {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    available\n    inTransit\n    onOrder\n    reorderPoint\n    safetyStock\n    daysOfCover\n    atStockoutRisk\n    updatedAt\n  }\n": typeof types.PlanningPositionFragmentDoc,
    "\n  query InventoryFilters {\n    skuFamilies {\n      id\n      code\n      name\n      skuCount\n    }\n    locations {\n      id\n      code\n      name\n      type\n    }\n  }\n": typeof types.InventoryFiltersDocument,
    "\n  query FamilyInventory($familyId: ID!, $locationId: ID) {\n    familyInventory(familyId: $familyId, locationId: $locationId) {\n      ...PlanningPosition\n    }\n    stockoutRisks(first: 50) {\n      sku {\n        id\n        code\n      }\n      location {\n        id\n        code\n      }\n      projectedStockoutOn\n    }\n    me {\n      tenant {\n        id\n        inventoryKpis {\n          skusAtStockoutRisk\n          skuCount\n          stockoutSkuDays\n          inventoryTurns\n          carryingCostCents\n          daysOfCover\n          forecastAccuracy {\n            segment\n            skuCount\n            accuracy\n            mase\n            bias\n            target\n          }\n        }\n      }\n    }\n  }\n": typeof types.FamilyInventoryDocument,
    "\n  fragment ForecastPointFields on ForecastPoint {\n    day\n    baseline\n    forecast\n    lower\n    upper\n    drivers {\n      label\n      uplift\n      explanation\n    }\n  }\n": typeof types.ForecastPointFieldsFragmentDoc,
    "\n  fragment PromotionFields on Promotion {\n    id\n    campaign\n    channel\n    description\n    skus {\n      id\n      code\n      name\n    }\n    startsOn\n    endsOn\n    expectedUplift\n    discount\n    realisedUplift\n    learnedUplift\n    updatedAt\n  }\n": typeof types.PromotionFieldsFragmentDoc,
    "\n  query SkuPlanning($code: String!, $historyDays: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      baseUom\n      demandHistory(days: $historyDays) {\n        day\n        ordered\n        shipped\n        promoted\n      }\n      forecasts {\n        id\n        location {\n          id\n          code\n          name\n        }\n        origin\n        model\n        candidates {\n          model\n          wape\n        }\n        accuracy\n        mase\n        bias\n        demandClass\n        trainedAt\n        nextTrainingAt\n        points {\n          ...ForecastPointFields\n        }\n      }\n      promotions(includePast: true) {\n        ...PromotionFields\n      }\n      inventoryPositions {\n        id\n        location {\n          id\n          code\n          name\n        }\n        available\n        onOrder\n        daysOfCover\n        policy {\n          demandClass\n          serviceLevel\n          avgDailyDemand\n          demandStdDev\n          leadTimeDays\n          leadTimeStdDevDays\n          safetyStock\n          reorderPoint\n          orderQuantity\n          orderMethod\n          explanation\n          pendingChangeRequestId\n          computedAt\n        }\n      }\n      projectedStock {\n        day\n        projected\n        forecast\n        reorderPoint\n      }\n    }\n  }\n": typeof types.SkuPlanningDocument,
    "\n  query Promotions($includePast: Boolean!) {\n    promotions(includePast: $includePast) {\n      ...PromotionFields\n    }\n  }\n": typeof types.PromotionsDocument,
    "\n  query PromotionSkuOptions($search: String, $first: Int!) {\n    skus(first: $first, search: $search) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.PromotionSkuOptionsDocument,
    "\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...PromotionFields\n    }\n  }\n": typeof types.CreatePromotionDocument,
    "\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) {\n    updatePromotion(id: $id, input: $input) {\n      ...PromotionFields\n    }\n  }\n": typeof types.UpdatePromotionDocument,
    "\n  mutation DeletePromotion($id: ID!) {\n    deletePromotion(id: $id)\n  }\n": typeof types.DeletePromotionDocument,
    "\n  fragment PurchaseOrderProposalFields on PurchaseOrderProposal {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    status\n    quantity\n    unitCostCents\n    triggerDay\n    projectedStockoutOn\n    reorderPoint\n    projectedStock\n    explanation\n    createdAt\n    decidedAt\n  }\n": typeof types.PurchaseOrderProposalFieldsFragmentDoc,
    "\n  query PurchaseOrderProposals($status: String!, $first: Int!) {\n    purchaseOrderProposals(status: $status, first: $first) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n": typeof types.PurchaseOrderProposalsDocument,
    "\n  mutation ApprovePurchaseOrderProposal($id: ID!) {\n    approvePurchaseOrderProposal(id: $id) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n": typeof types.ApprovePurchaseOrderProposalDocument,
    "\n  mutation RejectPurchaseOrderProposal($id: ID!, $reason: String!) {\n    rejectPurchaseOrderProposal(id: $id, reason: $reason) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n": typeof types.RejectPurchaseOrderProposalDocument,
    "\n  mutation RunReplenishment {\n    runReplenishment\n  }\n": typeof types.RunReplenishmentDocument,
    "\n  fragment PilotKpisFields on PilotKpis {\n    stockoutSkuDays\n    fillRate\n    averageInventoryUnits\n    carryingCostCents\n    forecastWape\n    purchaseOrders\n  }\n": typeof types.PilotKpisFieldsFragmentDoc,
    "\n  fragment PilotRunFields on PilotRun {\n    id\n    parameters\n    createdAt\n    seeds {\n      seed\n      baseline {\n        ...PilotKpisFields\n      }\n      meridian {\n        ...PilotKpisFields\n      }\n    }\n    baselineMean {\n      ...PilotKpisFields\n    }\n    meridianMean {\n      ...PilotKpisFields\n    }\n    relativeChange {\n      ...PilotKpisFields\n    }\n    daily\n  }\n": typeof types.PilotRunFieldsFragmentDoc,
    "\n  query LatestPilotRun {\n    pilotRuns(first: 1) {\n      ...PilotRunFields\n    }\n  }\n": typeof types.LatestPilotRunDocument,
};
const documents: Documents = {
    "\n  fragment Issue on RecordIssue {\n    field\n    code\n    message\n  }\n": types.IssueFragmentDoc,
    "\n  fragment ThroughputMinute on IngestionMinute {\n    minute\n    accepted\n    duplicates\n    rejected\n    warned\n  }\n": types.ThroughputMinuteFragmentDoc,
    "\n  fragment QuarantineEntry on QuarantinedRecord {\n    id\n    channel\n    transactionId\n    correlationId\n    sourceSystem\n    recordJson\n    reasons {\n      ...Issue\n    }\n    status\n    quarantinedAt\n    resolvedAt\n    replayedTransactionId\n  }\n": types.QuarantineEntryFragmentDoc,
    "\n  fragment ConsumerLag on ConsumerLag {\n    consumer\n    lag\n    pendingRetries\n    deadLetters\n  }\n": types.ConsumerLagFragmentDoc,
    "\n  fragment DeadLetterEntry on DeadLetter {\n    id\n    consumer\n    eventId\n    eventType\n    correlationId\n    attempts\n    errorCode\n    lastError\n    deadAt\n    replayedAt\n  }\n": types.DeadLetterEntryFragmentDoc,
    "\n  fragment EventRetentionSetting on EventRetention {\n    days\n    isDefault\n    minDays\n    maxDays\n    updatedAt\n  }\n": types.EventRetentionSettingFragmentDoc,
    "\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      eventRetention {\n        ...EventRetentionSetting\n      }\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n": types.IngestionDashboardDocument,
    "\n  query QuarantineList($status: [QuarantineStatus!], $first: Int!) {\n    quarantinedRecords(status: $status, first: $first) {\n      totalCount\n      edges {\n        node {\n          ...QuarantineEntry\n        }\n      }\n    }\n  }\n": types.QuarantineListDocument,
    "\n  query QuarantineRecord($id: ID!) {\n    quarantinedRecord(id: $id) {\n      ...QuarantineEntry\n    }\n  }\n": types.QuarantineRecordDocument,
    "\n  mutation SetIngestValidationMode($mode: IngestValidationMode!) {\n    setIngestValidationMode(mode: $mode)\n  }\n": types.SetIngestValidationModeDocument,
    "\n  mutation SetEventRetention($days: Int!) {\n    setEventRetention(days: $days) {\n      ...EventRetentionSetting\n    }\n  }\n": types.SetEventRetentionDocument,
    "\n  mutation CorrectQuarantinedRecord($id: ID!, $recordJson: String!) {\n    correctQuarantinedRecord(id: $id, recordJson: $recordJson) {\n      record {\n        ...QuarantineEntry\n      }\n      issues {\n        ...Issue\n      }\n      warnings {\n        ...Issue\n      }\n    }\n  }\n": types.CorrectQuarantinedRecordDocument,
    "\n  mutation DiscardQuarantinedRecord($id: ID!, $reason: String!) {\n    discardQuarantinedRecord(id: $id, reason: $reason) {\n      ...QuarantineEntry\n    }\n  }\n": types.DiscardQuarantinedRecordDocument,
    "\n  query DeadLetters($first: Int!) {\n    deadLetters(first: $first) {\n      ...DeadLetterEntry\n    }\n  }\n": types.DeadLettersDocument,
    "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      ...DeadLetterEntry\n      payloadJson\n    }\n  }\n": types.DeadLetterDocument,
    "\n  mutation ReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      ...DeadLetterEntry\n    }\n  }\n": types.ReplayDeadLetterDocument,
    "\n  fragment FieldChangeEntry on FieldChange {\n    field\n    before\n    after\n  }\n": types.FieldChangeEntryFragmentDoc,
    "\n  fragment MasterVersion on MasterRecordVersion {\n    id\n    version\n    tag\n    changes {\n      ...FieldChangeEntry\n    }\n    authorId\n    author {\n      id\n      name\n    }\n    approvedById\n    approvedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    changeRequestId\n    restoredVersion\n    createdAt\n  }\n": types.MasterVersionFragmentDoc,
    "\n  fragment ApprovalReason on ApprovalReason {\n    rule\n    field\n    before\n    after\n    variance\n    threshold\n  }\n": types.ApprovalReasonFragmentDoc,
    "\n  fragment ChangeRequestEntry on ChangeRequest {\n    id\n    entityType\n    entityId\n    status\n    proposed\n    changes {\n      ...FieldChangeEntry\n    }\n    reasons {\n      ...ApprovalReason\n    }\n    baseVersion\n    requestedById\n    requestedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    effectiveAt\n    requestedAt\n    acknowledgedAt\n    decidedAt\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    publishedVersion\n    acknowledgeDueAt\n    slaBreached\n  }\n": types.ChangeRequestEntryFragmentDoc,
    "\n  fragment MasterChangeOutcome on MasterChangeResult {\n    outcome\n    version {\n      ...MasterVersion\n    }\n    changeRequest {\n      ...ChangeRequestEntry\n    }\n  }\n": types.MasterChangeOutcomeFragmentDoc,
    "\n  fragment RecordErrorEntry on RecordError {\n    row\n    field\n    code\n    message\n  }\n": types.RecordErrorEntryFragmentDoc,
    "\n  fragment SourceMappingEntry on SourceMapping {\n    id\n    sourceSystem\n    kind\n    sourceValue\n    targetValue\n    factor\n    effectiveFrom\n    createdAt\n  }\n": types.SourceMappingEntryFragmentDoc,
    "\n  fragment BulkImportReportEntry on BulkImportReport {\n    id\n    entityType\n    format\n    mode\n    status\n    rowCount\n    appliedCount\n    stagedCount\n    errorCount\n    errors {\n      ...RecordErrorEntry\n    }\n    durationMs\n    createdAt\n  }\n": types.BulkImportReportEntryFragmentDoc,
    "\n  query SkuSearch($search: String, $first: Int!) {\n    skus(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          gtin\n          name\n          baseUom\n          priceCents\n          versionTag\n          updatedAt\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.SkuSearchDocument,
    "\n  query SupplierList {\n    suppliers {\n      id\n      code\n      name\n      leadTimeHours\n      reliability\n      flag\n      versionTag\n    }\n  }\n": types.SupplierListDocument,
    "\n  query LocationList {\n    locations {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      versionTag\n    }\n  }\n": types.LocationListDocument,
    "\n  query SkuRecord($id: ID!, $history: Int!) {\n    sku(id: $id) {\n      id\n      code\n      gtin\n      name\n      baseUom\n      uomConversions {\n        uom\n        factor\n      }\n      weightGrams\n      lengthMm\n      widthMm\n      heightMm\n      unitCostCents\n      priceCents\n      minOrderQty\n      packSize\n      family {\n        id\n        name\n      }\n      supplier {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      updatedAt\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the family and supplier a version refers to by id\n    skuFamilies {\n      id\n      name\n    }\n    suppliers {\n      id\n      name\n    }\n  }\n": types.SkuRecordDocument,
    "\n  query SupplierRecord($id: ID!, $history: Int!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      leadTimeHours\n      leadTimeStdDevHours\n      reliability\n      flag\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n  }\n": types.SupplierRecordDocument,
    "\n  query LocationRecord($id: ID!, $history: Int!) {\n    location(id: $id) {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      quarantined\n      quarantineReason\n      parent {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the parent location a version refers to by id\n    locations {\n      id\n      name\n    }\n  }\n": types.LocationRecordDocument,
    "\n  query MasterRecordDiff($entityType: MasterEntityType!, $id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    masterRecordDiff(entityType: $entityType, id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      from {\n        id\n        version\n        tag\n        createdAt\n      }\n      to {\n        id\n        version\n        tag\n        createdAt\n      }\n      changes {\n        ...FieldChangeEntry\n      }\n    }\n  }\n": types.MasterRecordDiffDocument,
    "\n  mutation UpdateSku($id: ID!, $input: SkuInput!, $context: ChangeContext!) {\n    updateSku(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": types.UpdateSkuDocument,
    "\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!, $context: ChangeContext!) {\n    updateSupplier(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": types.UpdateSupplierDocument,
    "\n  mutation UpdateLocation($id: ID!, $input: LocationInput!, $context: ChangeContext!) {\n    updateLocation(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": types.UpdateLocationDocument,
    "\n  mutation RollbackMasterRecord(\n    $entityType: MasterEntityType!\n    $id: ID!\n    $toVersion: Int!\n    $context: ChangeContext!\n  ) {\n    rollbackMasterRecord(entityType: $entityType, id: $id, toVersion: $toVersion, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n": types.RollbackMasterRecordDocument,
    "\n  query ChangeRequests($status: ChangeRequestStatus, $first: Int!) {\n    changeRequests(status: $status, first: $first) {\n      ...ChangeRequestEntry\n    }\n  }\n": types.ChangeRequestsDocument,
    "\n  mutation ApproveChangeRequest($id: ID!, $comment: String) {\n    approveChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n": types.ApproveChangeRequestDocument,
    "\n  mutation RejectChangeRequest($id: ID!, $comment: String!) {\n    rejectChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n": types.RejectChangeRequestDocument,
    "\n  mutation AcknowledgeChangeRequest($id: ID!) {\n    acknowledgeChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n": types.AcknowledgeChangeRequestDocument,
    "\n  mutation WithdrawChangeRequest($id: ID!) {\n    withdrawChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n": types.WithdrawChangeRequestDocument,
    "\n  query SourceMappings($sourceSystem: String!, $kind: MappingKind) {\n    sourceMappings(sourceSystem: $sourceSystem, kind: $kind) {\n      ...SourceMappingEntry\n    }\n    mappingSetVersions(sourceSystem: $sourceSystem) {\n      id\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n": types.SourceMappingsDocument,
    "\n  mutation SaveSourceMappings($mappings: [SourceMappingInput!]!, $comment: String!) {\n    saveSourceMappings(mappings: $mappings, comment: $comment) {\n      id\n      sourceSystem\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n": types.SaveSourceMappingsDocument,
    "\n  query DryRunMapping($sourceSystem: String!, $payload: JSON!) {\n    dryRunMapping(sourceSystem: $sourceSystem, payload: $payload) {\n      canonical\n      errors {\n        ...RecordErrorEntry\n      }\n    }\n  }\n": types.DryRunMappingDocument,
    "\n  mutation ImportMasterRecords(\n    $entityType: MasterEntityType!\n    $format: ImportFormat!\n    $content: String!\n    $mode: ImportMode\n  ) {\n    importMasterRecords(entityType: $entityType, format: $format, content: $content, mode: $mode) {\n      ...BulkImportReportEntry\n    }\n  }\n": types.ImportMasterRecordsDocument,
    "\n  query BulkImports($first: Int!) {\n    bulkImports(first: $first) {\n      ...BulkImportReportEntry\n    }\n  }\n": types.BulkImportsDocument,
    "\n  fragment StewardshipTaskEntry on StewardshipTask {\n    id\n    kind\n    entityType\n    entityId\n    changeRequestId\n    title\n    detail\n    dueAt\n    createdAt\n    doneAt\n    breachedAt\n  }\n": types.StewardshipTaskEntryFragmentDoc,
    "\n  fragment NotificationEntry on OwnerNotification {\n    id\n    kind\n    title\n    body\n    entityType\n    entityId\n    changeRequestId\n    createdAt\n    readAt\n  }\n": types.NotificationEntryFragmentDoc,
    "\n  query Stewardship($open: Boolean!, $first: Int!) {\n    stewardshipTasks(open: $open, first: $first) {\n      ...StewardshipTaskEntry\n    }\n    myNotifications(first: $first) {\n      ...NotificationEntry\n    }\n  }\n": types.StewardshipDocument,
    "\n  mutation ResolveStewardshipTask($id: ID!) {\n    resolveStewardshipTask(id: $id) {\n      ...StewardshipTaskEntry\n    }\n  }\n": types.ResolveStewardshipTaskDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      ...NotificationEntry\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  query CatalogPropagation($recentEvents: Int!) {\n    catalogEventPropagation(recentEvents: $recentEvents) {\n      consumer\n      eventType\n      applied\n      pending\n      p50Ms\n      p95Ms\n      maxMs\n      lastAppliedAt\n    }\n  }\n": types.CatalogPropagationDocument,
    "\n  fragment FillRateDay on FillRateDay {\n    day\n    ordered\n    shipped\n    fillRate\n  }\n": types.FillRateDayFragmentDoc,
    "\n  fragment FeedException on Exception {\n    id\n    kind\n    severity\n    title\n    raisedAt\n    slaDueAt\n    slaBreached\n    sku {\n      code\n      name\n    }\n  }\n": types.FeedExceptionFragmentDoc,
    "\n  query Overview($trendDays: Int!, $feedSize: Int!) {\n    me {\n      name\n      roles\n      tenant {\n        id\n        name\n        inventoryKpis {\n          fillRate\n          skusAtStockoutRisk\n          skuCount\n          fillRateTrend(days: $trendDays) {\n            ...FillRateDay\n          }\n        }\n        shippingKpis {\n          onTimeRate\n          deliveredLast30Days\n          openShipments\n          lateOpenShipments\n        }\n        exceptionKpis {\n          open\n          breachedSla\n          openBySeverity {\n            severity\n            count\n          }\n        }\n      }\n    }\n    exceptions(status: [OPEN], first: $feedSize) {\n      totalCount\n      edges {\n        node {\n          ...FeedException\n        }\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  subscription ExceptionRaised {\n    exceptionRaised {\n      ...FeedException\n    }\n  }\n": types.ExceptionRaisedDocument,
    "\n  subscription KpiUpdated {\n    kpiUpdated {\n      kpi\n      value\n      unit\n      at\n    }\n  }\n": types.KpiUpdatedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      expiresAt\n      user {\n        name\n        email\n        roles\n        tenant {\n          name\n        }\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment SkuPosition on InventoryPosition {\n    id\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    allocated\n    available\n    inTransit\n    reorderPoint\n    safetyStock\n    atStockoutRisk\n    updatedAt\n  }\n": types.SkuPositionFragmentDoc,
    "\n  fragment StockMovement on InventoryMovement {\n    id\n    transactionId\n    kind\n    quantity\n    location {\n      id\n      code\n      name\n    }\n    occurredAt\n    sourceSystem\n    correlationId\n    warnings\n    recordedAt\n  }\n": types.StockMovementFragmentDoc,
    "\n  query SkuPage($code: String!, $movements: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      name\n      gtin\n      baseUom\n      family {\n        name\n      }\n      supplier {\n        name\n      }\n      inventoryPositions {\n        ...SkuPosition\n      }\n      movements(first: $movements) {\n        ...StockMovement\n      }\n    }\n  }\n": types.SkuPageDocument,
    "\n  fragment PlanningPosition on InventoryPosition {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    available\n    inTransit\n    onOrder\n    reorderPoint\n    safetyStock\n    daysOfCover\n    atStockoutRisk\n    updatedAt\n  }\n": types.PlanningPositionFragmentDoc,
    "\n  query InventoryFilters {\n    skuFamilies {\n      id\n      code\n      name\n      skuCount\n    }\n    locations {\n      id\n      code\n      name\n      type\n    }\n  }\n": types.InventoryFiltersDocument,
    "\n  query FamilyInventory($familyId: ID!, $locationId: ID) {\n    familyInventory(familyId: $familyId, locationId: $locationId) {\n      ...PlanningPosition\n    }\n    stockoutRisks(first: 50) {\n      sku {\n        id\n        code\n      }\n      location {\n        id\n        code\n      }\n      projectedStockoutOn\n    }\n    me {\n      tenant {\n        id\n        inventoryKpis {\n          skusAtStockoutRisk\n          skuCount\n          stockoutSkuDays\n          inventoryTurns\n          carryingCostCents\n          daysOfCover\n          forecastAccuracy {\n            segment\n            skuCount\n            accuracy\n            mase\n            bias\n            target\n          }\n        }\n      }\n    }\n  }\n": types.FamilyInventoryDocument,
    "\n  fragment ForecastPointFields on ForecastPoint {\n    day\n    baseline\n    forecast\n    lower\n    upper\n    drivers {\n      label\n      uplift\n      explanation\n    }\n  }\n": types.ForecastPointFieldsFragmentDoc,
    "\n  fragment PromotionFields on Promotion {\n    id\n    campaign\n    channel\n    description\n    skus {\n      id\n      code\n      name\n    }\n    startsOn\n    endsOn\n    expectedUplift\n    discount\n    realisedUplift\n    learnedUplift\n    updatedAt\n  }\n": types.PromotionFieldsFragmentDoc,
    "\n  query SkuPlanning($code: String!, $historyDays: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      baseUom\n      demandHistory(days: $historyDays) {\n        day\n        ordered\n        shipped\n        promoted\n      }\n      forecasts {\n        id\n        location {\n          id\n          code\n          name\n        }\n        origin\n        model\n        candidates {\n          model\n          wape\n        }\n        accuracy\n        mase\n        bias\n        demandClass\n        trainedAt\n        nextTrainingAt\n        points {\n          ...ForecastPointFields\n        }\n      }\n      promotions(includePast: true) {\n        ...PromotionFields\n      }\n      inventoryPositions {\n        id\n        location {\n          id\n          code\n          name\n        }\n        available\n        onOrder\n        daysOfCover\n        policy {\n          demandClass\n          serviceLevel\n          avgDailyDemand\n          demandStdDev\n          leadTimeDays\n          leadTimeStdDevDays\n          safetyStock\n          reorderPoint\n          orderQuantity\n          orderMethod\n          explanation\n          pendingChangeRequestId\n          computedAt\n        }\n      }\n      projectedStock {\n        day\n        projected\n        forecast\n        reorderPoint\n      }\n    }\n  }\n": types.SkuPlanningDocument,
    "\n  query Promotions($includePast: Boolean!) {\n    promotions(includePast: $includePast) {\n      ...PromotionFields\n    }\n  }\n": types.PromotionsDocument,
    "\n  query PromotionSkuOptions($search: String, $first: Int!) {\n    skus(first: $first, search: $search) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": types.PromotionSkuOptionsDocument,
    "\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...PromotionFields\n    }\n  }\n": types.CreatePromotionDocument,
    "\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) {\n    updatePromotion(id: $id, input: $input) {\n      ...PromotionFields\n    }\n  }\n": types.UpdatePromotionDocument,
    "\n  mutation DeletePromotion($id: ID!) {\n    deletePromotion(id: $id)\n  }\n": types.DeletePromotionDocument,
    "\n  fragment PurchaseOrderProposalFields on PurchaseOrderProposal {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    status\n    quantity\n    unitCostCents\n    triggerDay\n    projectedStockoutOn\n    reorderPoint\n    projectedStock\n    explanation\n    createdAt\n    decidedAt\n  }\n": types.PurchaseOrderProposalFieldsFragmentDoc,
    "\n  query PurchaseOrderProposals($status: String!, $first: Int!) {\n    purchaseOrderProposals(status: $status, first: $first) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n": types.PurchaseOrderProposalsDocument,
    "\n  mutation ApprovePurchaseOrderProposal($id: ID!) {\n    approvePurchaseOrderProposal(id: $id) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n": types.ApprovePurchaseOrderProposalDocument,
    "\n  mutation RejectPurchaseOrderProposal($id: ID!, $reason: String!) {\n    rejectPurchaseOrderProposal(id: $id, reason: $reason) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n": types.RejectPurchaseOrderProposalDocument,
    "\n  mutation RunReplenishment {\n    runReplenishment\n  }\n": types.RunReplenishmentDocument,
    "\n  fragment PilotKpisFields on PilotKpis {\n    stockoutSkuDays\n    fillRate\n    averageInventoryUnits\n    carryingCostCents\n    forecastWape\n    purchaseOrders\n  }\n": types.PilotKpisFieldsFragmentDoc,
    "\n  fragment PilotRunFields on PilotRun {\n    id\n    parameters\n    createdAt\n    seeds {\n      seed\n      baseline {\n        ...PilotKpisFields\n      }\n      meridian {\n        ...PilotKpisFields\n      }\n    }\n    baselineMean {\n      ...PilotKpisFields\n    }\n    meridianMean {\n      ...PilotKpisFields\n    }\n    relativeChange {\n      ...PilotKpisFields\n    }\n    daily\n  }\n": types.PilotRunFieldsFragmentDoc,
    "\n  query LatestPilotRun {\n    pilotRuns(first: 1) {\n      ...PilotRunFields\n    }\n  }\n": types.LatestPilotRunDocument,
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
export function graphql(source: "\n  fragment EventRetentionSetting on EventRetention {\n    days\n    isDefault\n    minDays\n    maxDays\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment EventRetentionSetting on EventRetention {\n    days\n    isDefault\n    minDays\n    maxDays\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      eventRetention {\n        ...EventRetentionSetting\n      }\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n"): (typeof documents)["\n  query IngestionDashboard($minutes: Int!) {\n    ingestionStatus {\n      validationMode\n      eventRetention {\n        ...EventRetentionSetting\n      }\n      throughput(minutes: $minutes) {\n        ...ThroughputMinute\n      }\n      rejectsByReason {\n        code\n        field\n        count\n      }\n      consumers {\n        ...ConsumerLag\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation SetEventRetention($days: Int!) {\n    setEventRetention(days: $days) {\n      ...EventRetentionSetting\n    }\n  }\n"): (typeof documents)["\n  mutation SetEventRetention($days: Int!) {\n    setEventRetention(days: $days) {\n      ...EventRetentionSetting\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment FieldChangeEntry on FieldChange {\n    field\n    before\n    after\n  }\n"): (typeof documents)["\n  fragment FieldChangeEntry on FieldChange {\n    field\n    before\n    after\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MasterVersion on MasterRecordVersion {\n    id\n    version\n    tag\n    changes {\n      ...FieldChangeEntry\n    }\n    authorId\n    author {\n      id\n      name\n    }\n    approvedById\n    approvedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    changeRequestId\n    restoredVersion\n    createdAt\n  }\n"): (typeof documents)["\n  fragment MasterVersion on MasterRecordVersion {\n    id\n    version\n    tag\n    changes {\n      ...FieldChangeEntry\n    }\n    authorId\n    author {\n      id\n      name\n    }\n    approvedById\n    approvedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    changeRequestId\n    restoredVersion\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApprovalReason on ApprovalReason {\n    rule\n    field\n    before\n    after\n    variance\n    threshold\n  }\n"): (typeof documents)["\n  fragment ApprovalReason on ApprovalReason {\n    rule\n    field\n    before\n    after\n    variance\n    threshold\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeRequestEntry on ChangeRequest {\n    id\n    entityType\n    entityId\n    status\n    proposed\n    changes {\n      ...FieldChangeEntry\n    }\n    reasons {\n      ...ApprovalReason\n    }\n    baseVersion\n    requestedById\n    requestedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    effectiveAt\n    requestedAt\n    acknowledgedAt\n    decidedAt\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    publishedVersion\n    acknowledgeDueAt\n    slaBreached\n  }\n"): (typeof documents)["\n  fragment ChangeRequestEntry on ChangeRequest {\n    id\n    entityType\n    entityId\n    status\n    proposed\n    changes {\n      ...FieldChangeEntry\n    }\n    reasons {\n      ...ApprovalReason\n    }\n    baseVersion\n    requestedById\n    requestedBy {\n      id\n      name\n    }\n    comment\n    ticketId\n    effectiveAt\n    requestedAt\n    acknowledgedAt\n    decidedAt\n    decidedBy {\n      id\n      name\n    }\n    decisionComment\n    publishedVersion\n    acknowledgeDueAt\n    slaBreached\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MasterChangeOutcome on MasterChangeResult {\n    outcome\n    version {\n      ...MasterVersion\n    }\n    changeRequest {\n      ...ChangeRequestEntry\n    }\n  }\n"): (typeof documents)["\n  fragment MasterChangeOutcome on MasterChangeResult {\n    outcome\n    version {\n      ...MasterVersion\n    }\n    changeRequest {\n      ...ChangeRequestEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecordErrorEntry on RecordError {\n    row\n    field\n    code\n    message\n  }\n"): (typeof documents)["\n  fragment RecordErrorEntry on RecordError {\n    row\n    field\n    code\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceMappingEntry on SourceMapping {\n    id\n    sourceSystem\n    kind\n    sourceValue\n    targetValue\n    factor\n    effectiveFrom\n    createdAt\n  }\n"): (typeof documents)["\n  fragment SourceMappingEntry on SourceMapping {\n    id\n    sourceSystem\n    kind\n    sourceValue\n    targetValue\n    factor\n    effectiveFrom\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkImportReportEntry on BulkImportReport {\n    id\n    entityType\n    format\n    mode\n    status\n    rowCount\n    appliedCount\n    stagedCount\n    errorCount\n    errors {\n      ...RecordErrorEntry\n    }\n    durationMs\n    createdAt\n  }\n"): (typeof documents)["\n  fragment BulkImportReportEntry on BulkImportReport {\n    id\n    entityType\n    format\n    mode\n    status\n    rowCount\n    appliedCount\n    stagedCount\n    errorCount\n    errors {\n      ...RecordErrorEntry\n    }\n    durationMs\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkuSearch($search: String, $first: Int!) {\n    skus(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          gtin\n          name\n          baseUom\n          priceCents\n          versionTag\n          updatedAt\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SkuSearch($search: String, $first: Int!) {\n    skus(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          gtin\n          name\n          baseUom\n          priceCents\n          versionTag\n          updatedAt\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierList {\n    suppliers {\n      id\n      code\n      name\n      leadTimeHours\n      reliability\n      flag\n      versionTag\n    }\n  }\n"): (typeof documents)["\n  query SupplierList {\n    suppliers {\n      id\n      code\n      name\n      leadTimeHours\n      reliability\n      flag\n      versionTag\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LocationList {\n    locations {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      versionTag\n    }\n  }\n"): (typeof documents)["\n  query LocationList {\n    locations {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      versionTag\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkuRecord($id: ID!, $history: Int!) {\n    sku(id: $id) {\n      id\n      code\n      gtin\n      name\n      baseUom\n      uomConversions {\n        uom\n        factor\n      }\n      weightGrams\n      lengthMm\n      widthMm\n      heightMm\n      unitCostCents\n      priceCents\n      minOrderQty\n      packSize\n      family {\n        id\n        name\n      }\n      supplier {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      updatedAt\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the family and supplier a version refers to by id\n    skuFamilies {\n      id\n      name\n    }\n    suppliers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SkuRecord($id: ID!, $history: Int!) {\n    sku(id: $id) {\n      id\n      code\n      gtin\n      name\n      baseUom\n      uomConversions {\n        uom\n        factor\n      }\n      weightGrams\n      lengthMm\n      widthMm\n      heightMm\n      unitCostCents\n      priceCents\n      minOrderQty\n      packSize\n      family {\n        id\n        name\n      }\n      supplier {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      updatedAt\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the family and supplier a version refers to by id\n    skuFamilies {\n      id\n      name\n    }\n    suppliers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierRecord($id: ID!, $history: Int!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      leadTimeHours\n      leadTimeStdDevHours\n      reliability\n      flag\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierRecord($id: ID!, $history: Int!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      leadTimeHours\n      leadTimeStdDevHours\n      reliability\n      flag\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LocationRecord($id: ID!, $history: Int!) {\n    location(id: $id) {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      quarantined\n      quarantineReason\n      parent {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the parent location a version refers to by id\n    locations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query LocationRecord($id: ID!, $history: Int!) {\n    location(id: $id) {\n      id\n      code\n      name\n      type\n      region\n      dataResidency\n      quarantined\n      quarantineReason\n      parent {\n        id\n        code\n        name\n      }\n      version\n      versionTag\n      history(first: $history) {\n        ...MasterVersion\n      }\n    }\n    # To name the parent location a version refers to by id\n    locations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MasterRecordDiff($entityType: MasterEntityType!, $id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    masterRecordDiff(entityType: $entityType, id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      from {\n        id\n        version\n        tag\n        createdAt\n      }\n      to {\n        id\n        version\n        tag\n        createdAt\n      }\n      changes {\n        ...FieldChangeEntry\n      }\n    }\n  }\n"): (typeof documents)["\n  query MasterRecordDiff($entityType: MasterEntityType!, $id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    masterRecordDiff(entityType: $entityType, id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      from {\n        id\n        version\n        tag\n        createdAt\n      }\n      to {\n        id\n        version\n        tag\n        createdAt\n      }\n      changes {\n        ...FieldChangeEntry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSku($id: ID!, $input: SkuInput!, $context: ChangeContext!) {\n    updateSku(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSku($id: ID!, $input: SkuInput!, $context: ChangeContext!) {\n    updateSku(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!, $context: ChangeContext!) {\n    updateSupplier(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSupplier($id: ID!, $input: SupplierInput!, $context: ChangeContext!) {\n    updateSupplier(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLocation($id: ID!, $input: LocationInput!, $context: ChangeContext!) {\n    updateLocation(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLocation($id: ID!, $input: LocationInput!, $context: ChangeContext!) {\n    updateLocation(id: $id, input: $input, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackMasterRecord(\n    $entityType: MasterEntityType!\n    $id: ID!\n    $toVersion: Int!\n    $context: ChangeContext!\n  ) {\n    rollbackMasterRecord(entityType: $entityType, id: $id, toVersion: $toVersion, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"): (typeof documents)["\n  mutation RollbackMasterRecord(\n    $entityType: MasterEntityType!\n    $id: ID!\n    $toVersion: Int!\n    $context: ChangeContext!\n  ) {\n    rollbackMasterRecord(entityType: $entityType, id: $id, toVersion: $toVersion, context: $context) {\n      ...MasterChangeOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChangeRequests($status: ChangeRequestStatus, $first: Int!) {\n    changeRequests(status: $status, first: $first) {\n      ...ChangeRequestEntry\n    }\n  }\n"): (typeof documents)["\n  query ChangeRequests($status: ChangeRequestStatus, $first: Int!) {\n    changeRequests(status: $status, first: $first) {\n      ...ChangeRequestEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveChangeRequest($id: ID!, $comment: String) {\n    approveChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveChangeRequest($id: ID!, $comment: String) {\n    approveChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectChangeRequest($id: ID!, $comment: String!) {\n    rejectChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n"): (typeof documents)["\n  mutation RejectChangeRequest($id: ID!, $comment: String!) {\n    rejectChangeRequest(id: $id, comment: $comment) {\n      ...ChangeRequestEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeChangeRequest($id: ID!) {\n    acknowledgeChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeChangeRequest($id: ID!) {\n    acknowledgeChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawChangeRequest($id: ID!) {\n    withdrawChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawChangeRequest($id: ID!) {\n    withdrawChangeRequest(id: $id) {\n      ...ChangeRequestEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceMappings($sourceSystem: String!, $kind: MappingKind) {\n    sourceMappings(sourceSystem: $sourceSystem, kind: $kind) {\n      ...SourceMappingEntry\n    }\n    mappingSetVersions(sourceSystem: $sourceSystem) {\n      id\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query SourceMappings($sourceSystem: String!, $kind: MappingKind) {\n    sourceMappings(sourceSystem: $sourceSystem, kind: $kind) {\n      ...SourceMappingEntry\n    }\n    mappingSetVersions(sourceSystem: $sourceSystem) {\n      id\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSourceMappings($mappings: [SourceMappingInput!]!, $comment: String!) {\n    saveSourceMappings(mappings: $mappings, comment: $comment) {\n      id\n      sourceSystem\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation SaveSourceMappings($mappings: [SourceMappingInput!]!, $comment: String!) {\n    saveSourceMappings(mappings: $mappings, comment: $comment) {\n      id\n      sourceSystem\n      version\n      tag\n      comment\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DryRunMapping($sourceSystem: String!, $payload: JSON!) {\n    dryRunMapping(sourceSystem: $sourceSystem, payload: $payload) {\n      canonical\n      errors {\n        ...RecordErrorEntry\n      }\n    }\n  }\n"): (typeof documents)["\n  query DryRunMapping($sourceSystem: String!, $payload: JSON!) {\n    dryRunMapping(sourceSystem: $sourceSystem, payload: $payload) {\n      canonical\n      errors {\n        ...RecordErrorEntry\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportMasterRecords(\n    $entityType: MasterEntityType!\n    $format: ImportFormat!\n    $content: String!\n    $mode: ImportMode\n  ) {\n    importMasterRecords(entityType: $entityType, format: $format, content: $content, mode: $mode) {\n      ...BulkImportReportEntry\n    }\n  }\n"): (typeof documents)["\n  mutation ImportMasterRecords(\n    $entityType: MasterEntityType!\n    $format: ImportFormat!\n    $content: String!\n    $mode: ImportMode\n  ) {\n    importMasterRecords(entityType: $entityType, format: $format, content: $content, mode: $mode) {\n      ...BulkImportReportEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkImports($first: Int!) {\n    bulkImports(first: $first) {\n      ...BulkImportReportEntry\n    }\n  }\n"): (typeof documents)["\n  query BulkImports($first: Int!) {\n    bulkImports(first: $first) {\n      ...BulkImportReportEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StewardshipTaskEntry on StewardshipTask {\n    id\n    kind\n    entityType\n    entityId\n    changeRequestId\n    title\n    detail\n    dueAt\n    createdAt\n    doneAt\n    breachedAt\n  }\n"): (typeof documents)["\n  fragment StewardshipTaskEntry on StewardshipTask {\n    id\n    kind\n    entityType\n    entityId\n    changeRequestId\n    title\n    detail\n    dueAt\n    createdAt\n    doneAt\n    breachedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationEntry on OwnerNotification {\n    id\n    kind\n    title\n    body\n    entityType\n    entityId\n    changeRequestId\n    createdAt\n    readAt\n  }\n"): (typeof documents)["\n  fragment NotificationEntry on OwnerNotification {\n    id\n    kind\n    title\n    body\n    entityType\n    entityId\n    changeRequestId\n    createdAt\n    readAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stewardship($open: Boolean!, $first: Int!) {\n    stewardshipTasks(open: $open, first: $first) {\n      ...StewardshipTaskEntry\n    }\n    myNotifications(first: $first) {\n      ...NotificationEntry\n    }\n  }\n"): (typeof documents)["\n  query Stewardship($open: Boolean!, $first: Int!) {\n    stewardshipTasks(open: $open, first: $first) {\n      ...StewardshipTaskEntry\n    }\n    myNotifications(first: $first) {\n      ...NotificationEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveStewardshipTask($id: ID!) {\n    resolveStewardshipTask(id: $id) {\n      ...StewardshipTaskEntry\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveStewardshipTask($id: ID!) {\n    resolveStewardshipTask(id: $id) {\n      ...StewardshipTaskEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      ...NotificationEntry\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      ...NotificationEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogPropagation($recentEvents: Int!) {\n    catalogEventPropagation(recentEvents: $recentEvents) {\n      consumer\n      eventType\n      applied\n      pending\n      p50Ms\n      p95Ms\n      maxMs\n      lastAppliedAt\n    }\n  }\n"): (typeof documents)["\n  query CatalogPropagation($recentEvents: Int!) {\n    catalogEventPropagation(recentEvents: $recentEvents) {\n      consumer\n      eventType\n      applied\n      pending\n      p50Ms\n      p95Ms\n      maxMs\n      lastAppliedAt\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanningPosition on InventoryPosition {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    available\n    inTransit\n    onOrder\n    reorderPoint\n    safetyStock\n    daysOfCover\n    atStockoutRisk\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PlanningPosition on InventoryPosition {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    onHand\n    available\n    inTransit\n    onOrder\n    reorderPoint\n    safetyStock\n    daysOfCover\n    atStockoutRisk\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryFilters {\n    skuFamilies {\n      id\n      code\n      name\n      skuCount\n    }\n    locations {\n      id\n      code\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query InventoryFilters {\n    skuFamilies {\n      id\n      code\n      name\n      skuCount\n    }\n    locations {\n      id\n      code\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FamilyInventory($familyId: ID!, $locationId: ID) {\n    familyInventory(familyId: $familyId, locationId: $locationId) {\n      ...PlanningPosition\n    }\n    stockoutRisks(first: 50) {\n      sku {\n        id\n        code\n      }\n      location {\n        id\n        code\n      }\n      projectedStockoutOn\n    }\n    me {\n      tenant {\n        id\n        inventoryKpis {\n          skusAtStockoutRisk\n          skuCount\n          stockoutSkuDays\n          inventoryTurns\n          carryingCostCents\n          daysOfCover\n          forecastAccuracy {\n            segment\n            skuCount\n            accuracy\n            mase\n            bias\n            target\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FamilyInventory($familyId: ID!, $locationId: ID) {\n    familyInventory(familyId: $familyId, locationId: $locationId) {\n      ...PlanningPosition\n    }\n    stockoutRisks(first: 50) {\n      sku {\n        id\n        code\n      }\n      location {\n        id\n        code\n      }\n      projectedStockoutOn\n    }\n    me {\n      tenant {\n        id\n        inventoryKpis {\n          skusAtStockoutRisk\n          skuCount\n          stockoutSkuDays\n          inventoryTurns\n          carryingCostCents\n          daysOfCover\n          forecastAccuracy {\n            segment\n            skuCount\n            accuracy\n            mase\n            bias\n            target\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForecastPointFields on ForecastPoint {\n    day\n    baseline\n    forecast\n    lower\n    upper\n    drivers {\n      label\n      uplift\n      explanation\n    }\n  }\n"): (typeof documents)["\n  fragment ForecastPointFields on ForecastPoint {\n    day\n    baseline\n    forecast\n    lower\n    upper\n    drivers {\n      label\n      uplift\n      explanation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PromotionFields on Promotion {\n    id\n    campaign\n    channel\n    description\n    skus {\n      id\n      code\n      name\n    }\n    startsOn\n    endsOn\n    expectedUplift\n    discount\n    realisedUplift\n    learnedUplift\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PromotionFields on Promotion {\n    id\n    campaign\n    channel\n    description\n    skus {\n      id\n      code\n      name\n    }\n    startsOn\n    endsOn\n    expectedUplift\n    discount\n    realisedUplift\n    learnedUplift\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkuPlanning($code: String!, $historyDays: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      baseUom\n      demandHistory(days: $historyDays) {\n        day\n        ordered\n        shipped\n        promoted\n      }\n      forecasts {\n        id\n        location {\n          id\n          code\n          name\n        }\n        origin\n        model\n        candidates {\n          model\n          wape\n        }\n        accuracy\n        mase\n        bias\n        demandClass\n        trainedAt\n        nextTrainingAt\n        points {\n          ...ForecastPointFields\n        }\n      }\n      promotions(includePast: true) {\n        ...PromotionFields\n      }\n      inventoryPositions {\n        id\n        location {\n          id\n          code\n          name\n        }\n        available\n        onOrder\n        daysOfCover\n        policy {\n          demandClass\n          serviceLevel\n          avgDailyDemand\n          demandStdDev\n          leadTimeDays\n          leadTimeStdDevDays\n          safetyStock\n          reorderPoint\n          orderQuantity\n          orderMethod\n          explanation\n          pendingChangeRequestId\n          computedAt\n        }\n      }\n      projectedStock {\n        day\n        projected\n        forecast\n        reorderPoint\n      }\n    }\n  }\n"): (typeof documents)["\n  query SkuPlanning($code: String!, $historyDays: Int!) {\n    skuByCode(code: $code) {\n      id\n      code\n      baseUom\n      demandHistory(days: $historyDays) {\n        day\n        ordered\n        shipped\n        promoted\n      }\n      forecasts {\n        id\n        location {\n          id\n          code\n          name\n        }\n        origin\n        model\n        candidates {\n          model\n          wape\n        }\n        accuracy\n        mase\n        bias\n        demandClass\n        trainedAt\n        nextTrainingAt\n        points {\n          ...ForecastPointFields\n        }\n      }\n      promotions(includePast: true) {\n        ...PromotionFields\n      }\n      inventoryPositions {\n        id\n        location {\n          id\n          code\n          name\n        }\n        available\n        onOrder\n        daysOfCover\n        policy {\n          demandClass\n          serviceLevel\n          avgDailyDemand\n          demandStdDev\n          leadTimeDays\n          leadTimeStdDevDays\n          safetyStock\n          reorderPoint\n          orderQuantity\n          orderMethod\n          explanation\n          pendingChangeRequestId\n          computedAt\n        }\n      }\n      projectedStock {\n        day\n        projected\n        forecast\n        reorderPoint\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Promotions($includePast: Boolean!) {\n    promotions(includePast: $includePast) {\n      ...PromotionFields\n    }\n  }\n"): (typeof documents)["\n  query Promotions($includePast: Boolean!) {\n    promotions(includePast: $includePast) {\n      ...PromotionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionSkuOptions($search: String, $first: Int!) {\n    skus(first: $first, search: $search) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PromotionSkuOptions($search: String, $first: Int!) {\n    skus(first: $first, search: $search) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...PromotionFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      ...PromotionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) {\n    updatePromotion(id: $id, input: $input) {\n      ...PromotionFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) {\n    updatePromotion(id: $id, input: $input) {\n      ...PromotionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePromotion($id: ID!) {\n    deletePromotion(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeletePromotion($id: ID!) {\n    deletePromotion(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PurchaseOrderProposalFields on PurchaseOrderProposal {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    status\n    quantity\n    unitCostCents\n    triggerDay\n    projectedStockoutOn\n    reorderPoint\n    projectedStock\n    explanation\n    createdAt\n    decidedAt\n  }\n"): (typeof documents)["\n  fragment PurchaseOrderProposalFields on PurchaseOrderProposal {\n    id\n    sku {\n      id\n      code\n      name\n      baseUom\n    }\n    location {\n      id\n      code\n      name\n    }\n    status\n    quantity\n    unitCostCents\n    triggerDay\n    projectedStockoutOn\n    reorderPoint\n    projectedStock\n    explanation\n    createdAt\n    decidedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrderProposals($status: String!, $first: Int!) {\n    purchaseOrderProposals(status: $status, first: $first) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n"): (typeof documents)["\n  query PurchaseOrderProposals($status: String!, $first: Int!) {\n    purchaseOrderProposals(status: $status, first: $first) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePurchaseOrderProposal($id: ID!) {\n    approvePurchaseOrderProposal(id: $id) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApprovePurchaseOrderProposal($id: ID!) {\n    approvePurchaseOrderProposal(id: $id) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPurchaseOrderProposal($id: ID!, $reason: String!) {\n    rejectPurchaseOrderProposal(id: $id, reason: $reason) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectPurchaseOrderProposal($id: ID!, $reason: String!) {\n    rejectPurchaseOrderProposal(id: $id, reason: $reason) {\n      ...PurchaseOrderProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunReplenishment {\n    runReplenishment\n  }\n"): (typeof documents)["\n  mutation RunReplenishment {\n    runReplenishment\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PilotKpisFields on PilotKpis {\n    stockoutSkuDays\n    fillRate\n    averageInventoryUnits\n    carryingCostCents\n    forecastWape\n    purchaseOrders\n  }\n"): (typeof documents)["\n  fragment PilotKpisFields on PilotKpis {\n    stockoutSkuDays\n    fillRate\n    averageInventoryUnits\n    carryingCostCents\n    forecastWape\n    purchaseOrders\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PilotRunFields on PilotRun {\n    id\n    parameters\n    createdAt\n    seeds {\n      seed\n      baseline {\n        ...PilotKpisFields\n      }\n      meridian {\n        ...PilotKpisFields\n      }\n    }\n    baselineMean {\n      ...PilotKpisFields\n    }\n    meridianMean {\n      ...PilotKpisFields\n    }\n    relativeChange {\n      ...PilotKpisFields\n    }\n    daily\n  }\n"): (typeof documents)["\n  fragment PilotRunFields on PilotRun {\n    id\n    parameters\n    createdAt\n    seeds {\n      seed\n      baseline {\n        ...PilotKpisFields\n      }\n      meridian {\n        ...PilotKpisFields\n      }\n    }\n    baselineMean {\n      ...PilotKpisFields\n    }\n    meridianMean {\n      ...PilotKpisFields\n    }\n    relativeChange {\n      ...PilotKpisFields\n    }\n    daily\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestPilotRun {\n    pilotRuns(first: 1) {\n      ...PilotRunFields\n    }\n  }\n"): (typeof documents)["\n  query LatestPilotRun {\n    pilotRuns(first: 1) {\n      ...PilotRunFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;