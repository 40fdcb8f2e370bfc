import { graphql } from './generated';

// Result types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export type {
  SkuPageQuery as SkuPageData,
  SkuPositionFragment as SkuPosition,
  StockMovementFragment as StockMovement,
} from './generated/graphql';

export const MOVEMENTS_SHOWN = 20;

graphql(`
  fragment SkuPosition on InventoryPosition {
    id
    location {
      id
      code
      name
    }
    onHand
    allocated
    available
    inTransit
    reorderPoint
    safetyStock
    atStockoutRisk
    updatedAt
  }
`);

graphql(`
  fragment StockMovement on InventoryMovement {
    id
    transactionId
    kind
    quantity
    location {
      id
      code
      name
    }
    occurredAt
    sourceSystem
    correlationId
    warnings
    recordedAt
  }
`);

export const SkuPageQuery = graphql(`
  query SkuPage($code: String!, $movements: Int!) {
    skuByCode(code: $code) {
      id
      code
      name
      gtin
      baseUom
      family {
        name
      }
      supplier {
        name
      }
      inventoryPositions {
        ...SkuPosition
      }
      movements(first: $movements) {
        ...StockMovement
      }
    }
  }
`);
