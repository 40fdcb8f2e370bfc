import { gql } from '@urql/core';

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface FillRateDay {
  day: string;
  ordered: number;
  shipped: number;
  /** Null on a day with nothing ordered */
  fillRate: number | null;
}

export interface FeedException {
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  raisedAt: string;
  slaDueAt: string;
  /** The server's verdict when the exception was read; the feed also watches slaDueAt pass. */
  slaBreached: boolean;
  sku: { code: string; name: string } | null;
}

export interface OverviewData {
  me: {
    name: string;
    roles: string[];
    tenant: {
      id: string;
      name: string;
      inventoryKpis: {
        fillRate: number;
        skusAtStockoutRisk: number;
        skuCount: number;
        fillRateTrend: FillRateDay[];
      };
      shippingKpis: {
        onTimeRate: number;
        deliveredLast30Days: number;
        openShipments: number;
        lateOpenShipments: number;
      };
      exceptionKpis: {
        open: number;
        breachedSla: number;
        openBySeverity: { severity: Severity; count: number }[];
      };
    };
  } | null;
  exceptions: { totalCount: number; edges: { node: FeedException }[] };
}

export const TREND_DAYS = 30;
export const FEED_SIZE = 20;

export const OverviewQuery = gql<OverviewData, { trendDays: number; feedSize: number }>`
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
            day
            ordered
            shipped
            fillRate
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
      }
    }
  }
`;

export interface ExceptionRaisedData {
  exceptionRaised: FeedException;
}

export const ExceptionRaisedSubscription = gql<ExceptionRaisedData>`
  subscription ExceptionRaised {
    exceptionRaised {
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
  }
`;

export interface KpiUpdatedData {
  kpiUpdated: { kpi: string; value: number; unit: string; at: string };
}

export const KpiUpdatedSubscription = gql<KpiUpdatedData>`
  subscription KpiUpdated {
    kpiUpdated {
      kpi
      value
      unit
      at
    }
  }
`;
