import { graphql } from './generated';

// Result types are generated from the gateway's API schema by `pnpm --filter @meridian/web codegen`.
export type {
  ExceptionSeverity as Severity,
  FeedExceptionFragment as FeedException,
  FillRateDayFragment as FillRateDay,
  OverviewQuery as OverviewData,
} from './generated/graphql';

export const TREND_DAYS = 30;
export const FEED_SIZE = 20;

// Fragments shared by the operations below; the client preset inlines them into each document.
graphql(`
  fragment FillRateDay on FillRateDay {
    day
    ordered
    shipped
    fillRate
  }
`);

graphql(`
  fragment FeedException on Exception {
    id
    kind
    severity
    title
    raisedAt
    slaDueAt
    slaBreached
    sku {
      code
      name
    }
  }
`);

export const OverviewQuery = graphql(`
  query Overview($trendDays: Int!, $feedSize: Int!) {
    me {
      name
      roles
      tenant {
        id
        name
        inventoryKpis {
          fillRate
          skusAtStockoutRisk
          skuCount
          fillRateTrend(days: $trendDays) {
            ...FillRateDay
          }
        }
        shippingKpis {
          onTimeRate
          deliveredLast30Days
          openShipments
          lateOpenShipments
        }
        exceptionKpis {
          open
          breachedSla
          openBySeverity {
            severity
            count
          }
        }
      }
    }
    exceptions(status: [OPEN], first: $feedSize) {
      totalCount
      edges {
        node {
          ...FeedException
        }
      }
    }
  }
`);

export const ExceptionRaisedSubscription = graphql(`
  subscription ExceptionRaised {
    exceptionRaised {
      ...FeedException
    }
  }
`);

export const KpiUpdatedSubscription = graphql(`
  subscription KpiUpdated {
    kpiUpdated {
      kpi
      value
      unit
      at
    }
  }
`);
