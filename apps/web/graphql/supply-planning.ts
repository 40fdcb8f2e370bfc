import { graphql } from './generated';

// Result types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export type {
  FamilyInventoryQuery as FamilyInventoryData,
  ForecastPointFieldsFragment as ForecastPointData,
  PilotKpisFieldsFragment as PilotKpisData,
  PilotRunFieldsFragment as PilotRunData,
  PlanningPositionFragment as PlanningPosition,
  PromotionFieldsFragment as PromotionData,
  PromotionInput,
  PurchaseOrderProposalFieldsFragment as PurchaseOrderProposalData,
  SkuPlanningQuery as SkuPlanningData,
} from './generated/graphql';

/** Days of demand history shown before the forecast on a SKU's page. */
export const HISTORY_DAYS = 56;

graphql(`
  fragment PlanningPosition on InventoryPosition {
    id
    sku {
      id
      code
      name
      baseUom
    }
    location {
      id
      code
      name
    }
    onHand
    available
    inTransit
    onOrder
    reorderPoint
    safetyStock
    daysOfCover
    atStockoutRisk
    updatedAt
  }
`);

export const InventoryFiltersQuery = graphql(`
  query InventoryFilters {
    skuFamilies {
      id
      code
      name
      skuCount
    }
    locations {
      id
      code
      name
      type
    }
  }
`);

export const FamilyInventoryQuery = graphql(`
  query FamilyInventory($familyId: ID!, $locationId: ID) {
    familyInventory(familyId: $familyId, locationId: $locationId) {
      ...PlanningPosition
    }
    stockoutRisks(first: 50) {
      sku {
        id
        code
      }
      location {
        id
        code
      }
      projectedStockoutOn
    }
    me {
      tenant {
        id
        inventoryKpis {
          skusAtStockoutRisk
          skuCount
          stockoutSkuDays
          inventoryTurns
          carryingCostCents
          daysOfCover
          forecastAccuracy {
            segment
            skuCount
            accuracy
            mase
            bias
            target
          }
        }
      }
    }
  }
`);

graphql(`
  fragment ForecastPointFields on ForecastPoint {
    day
    baseline
    forecast
    lower
    upper
    drivers {
      label
      uplift
      explanation
    }
  }
`);

graphql(`
  fragment PromotionFields on Promotion {
    id
    campaign
    channel
    description
    skus {
      id
      code
      name
    }
    startsOn
    endsOn
    expectedUplift
    discount
    realisedUplift
    learnedUplift
    updatedAt
  }
`);

export const SkuPlanningQuery = graphql(`
  query SkuPlanning($code: String!, $historyDays: Int!) {
    skuByCode(code: $code) {
      id
      code
      baseUom
      demandHistory(days: $historyDays) {
        day
        ordered
        shipped
        promoted
      }
      forecasts {
        id
        location {
          id
          code
          name
        }
        origin
        model
        candidates {
          model
          wape
        }
        accuracy
        mase
        bias
        demandClass
        trainedAt
        nextTrainingAt
        points {
          ...ForecastPointFields
        }
      }
      promotions(includePast: true) {
        ...PromotionFields
      }
      inventoryPositions {
        id
        location {
          id
          code
          name
        }
        available
        onOrder
        daysOfCover
        policy {
          demandClass
          serviceLevel
          avgDailyDemand
          demandStdDev
          leadTimeDays
          leadTimeStdDevDays
          safetyStock
          reorderPoint
          orderQuantity
          orderMethod
          explanation
          pendingChangeRequestId
          computedAt
        }
      }
      projectedStock {
        day
        projected
        forecast
        reorderPoint
      }
    }
  }
`);

export const PromotionsQuery = graphql(`
  query Promotions($includePast: Boolean!) {
    promotions(includePast: $includePast) {
      ...PromotionFields
    }
  }
`);

/** SKUs offered in the promotion form per search (the gateway's cost limit keeps pages small). */
export const SKU_OPTIONS_SHOWN = 50;

export const PromotionSkuOptionsQuery = graphql(`
  query PromotionSkuOptions($search: String, $first: Int!) {
    skus(first: $first, search: $search) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`);

export const CreatePromotionMutation = graphql(`
  mutation CreatePromotion($input: PromotionInput!) {
    createPromotion(input: $input) {
      ...PromotionFields
    }
  }
`);

export const UpdatePromotionMutation = graphql(`
  mutation UpdatePromotion($id: ID!, $input: PromotionInput!) {
    updatePromotion(id: $id, input: $input) {
      ...PromotionFields
    }
  }
`);

export const DeletePromotionMutation = graphql(`
  mutation DeletePromotion($id: ID!) {
    deletePromotion(id: $id)
  }
`);

graphql(`
  fragment PurchaseOrderProposalFields on PurchaseOrderProposal {
    id
    sku {
      id
      code
      name
      baseUom
    }
    location {
      id
      code
      name
    }
    status
    quantity
    unitCostCents
    triggerDay
    projectedStockoutOn
    reorderPoint
    projectedStock
    explanation
    createdAt
    decidedAt
  }
`);

export const PurchaseOrderProposalsQuery = graphql(`
  query PurchaseOrderProposals($status: String!, $first: Int!) {
    purchaseOrderProposals(status: $status, first: $first) {
      ...PurchaseOrderProposalFields
    }
  }
`);

export const ApprovePurchaseOrderProposalMutation = graphql(`
  mutation ApprovePurchaseOrderProposal($id: ID!) {
    approvePurchaseOrderProposal(id: $id) {
      ...PurchaseOrderProposalFields
    }
  }
`);

export const RejectPurchaseOrderProposalMutation = graphql(`
  mutation RejectPurchaseOrderProposal($id: ID!, $reason: String!) {
    rejectPurchaseOrderProposal(id: $id, reason: $reason) {
      ...PurchaseOrderProposalFields
    }
  }
`);

export const RunReplenishmentMutation = graphql(`
  mutation RunReplenishment {
    runReplenishment
  }
`);

graphql(`
  fragment PilotKpisFields on PilotKpis {
    stockoutSkuDays
    fillRate
    averageInventoryUnits
    carryingCostCents
    forecastWape
    purchaseOrders
  }
`);

graphql(`
  fragment PilotRunFields on PilotRun {
    id
    parameters
    createdAt
    seeds {
      seed
      baseline {
        ...PilotKpisFields
      }
      meridian {
        ...PilotKpisFields
      }
    }
    baselineMean {
      ...PilotKpisFields
    }
    meridianMean {
      ...PilotKpisFields
    }
    relativeChange {
      ...PilotKpisFields
    }
    daily
  }
`);

export const LatestPilotRunQuery = graphql(`
  query LatestPilotRun {
    pilotRuns(first: 1) {
      ...PilotRunFields
    }
  }
`);
