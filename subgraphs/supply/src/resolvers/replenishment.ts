import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireUser } from '@meridian/auth';
import type { InventoryPosition, PurchaseOrderProposal, ReplenishmentPolicy } from '@meridian/db';
import { perRequest, type SubgraphContext } from '@meridian/subgraph-runtime';
import DataLoader from 'dataloader';
import { utcDay } from '../domain/kpis';
import { planningForecastOf } from '../domain/replenishment/planning-forecast';
import { daysOfCover } from '../domain/replenishment/projection';
import { findPilotRun, listPilotRuns } from '../services/pilot-runs';
import * as purchaseOrders from '../services/purchase-orders';
import { explanationOf } from '../services/replenishment';
import * as projection from '../services/stock-projection';
import * as store from '../store/replenishment';

type Reference = { id: string };
type Key = { skuId: string; locationId: string };
const keyOf = ({ skuId, locationId }: Key) => `${skuId}|${locationId}`;

/** A page of positions asks for its policies and forecasts in one query each. */
const replenishmentLoaders = perRequest(({ prisma, identity }: SubgraphContext) => {
  const { tenantId } = requireUser(identity);
  return {
    policy: new DataLoader<Key, ReplenishmentPolicy | null, string>(
      async (keys) => {
        const rows = await store.findPoliciesOf(prisma, tenantId, keys);
        const byKey = new Map(rows.map((row) => [keyOf(row), row]));
        return keys.map((key) => byKey.get(keyOf(key)) ?? null);
      },
      { cacheKeyFn: keyOf },
    ),
    dailyForecast: new DataLoader<Key, number[] | null, string>(
      async (keys) => {
        const skuIds = [...new Set(keys.map((key) => key.skuId))];
        const rows = await store.newestForecasts(prisma, tenantId, skuIds);
        const today = utcDay(new Date());
        const byKey = new Map(rows.map((row) => [keyOf(row), planningForecastOf(row, today)?.daily ?? null]));
        return keys.map((key) => byKey.get(keyOf(key)) ?? null);
      },
      { cacheKeyFn: keyOf },
    ),
  };
});

const day = (date: Date | null) => (date ? utcDay(date) : null);

export const replenishmentResolvers = {
  Query: {
    familyInventory: (
      _,
      args: { familyId: unknown; locationId?: unknown },
      { prisma, identity }: SubgraphContext,
    ) => projection.familyInventory(prisma, identity, args),
    purchaseOrderProposals: (
      _,
      args: { status?: string | null; first?: number | null },
      { prisma, identity }: SubgraphContext,
    ) => purchaseOrders.listProposals(prisma, identity, args),
    stockoutRisks: (_, { first }: { first?: number | null }, { prisma, identity }: SubgraphContext) =>
      projection.stockoutRisks(prisma, identity, first),
    pilotRuns: (_, { first }: { first?: number | null }, { prisma, identity }: SubgraphContext) =>
      listPilotRuns(prisma, identity, first),
    pilotRun: (_, { id }: { id: string }, { prisma, identity }: SubgraphContext) =>
      findPilotRun(prisma, identity, id),
  },
  Mutation: {
    approvePurchaseOrderProposal: (_, { id }: { id: unknown }, { prisma, identity }: SubgraphContext) =>
      purchaseOrders.approveProposal(prisma, identity, id),
    rejectPurchaseOrderProposal: (
      _,
      args: { id: unknown; reason: unknown },
      { prisma, identity }: SubgraphContext,
    ) => purchaseOrders.rejectProposal(prisma, identity, args),
    runReplenishment: (_, { skuIds }: { skuIds?: unknown }, { prisma, identity }: SubgraphContext) =>
      projection.runReplenishmentNow(prisma, identity, skuIds),
  },
  InventoryPosition: {
    policy: (position: InventoryPosition, _, ctx: SubgraphContext) =>
      replenishmentLoaders(ctx).policy.load(position),
    daysOfCover: async (position: InventoryPosition, _, ctx: SubgraphContext) => {
      const daily = await replenishmentLoaders(ctx).dailyForecast.load(position);
      return daily ? daysOfCover(position.onHand - position.allocated, daily) : null;
    },
  },
  ReplenishmentPolicy: {
    explanation: (policy: ReplenishmentPolicy) => explanationOf(policy).steps,
  },
  PurchaseOrderProposal: {
    sku: (proposal: PurchaseOrderProposal) => ({ id: proposal.skuId }),
    location: (proposal: PurchaseOrderProposal) => ({ id: proposal.locationId }),
    triggerDay: (proposal: PurchaseOrderProposal) => day(proposal.triggerDay),
    projectedStockoutOn: (proposal: PurchaseOrderProposal) => day(proposal.projectedStockoutOn),
    explanation: (proposal: PurchaseOrderProposal) =>
      Array.isArray(proposal.explanation) ? proposal.explanation.map(String) : [],
  },
  Sku: {
    projectedStock: (
      sku: Reference,
      { locationId }: { locationId?: unknown },
      { prisma, identity }: SubgraphContext,
    ) => projection.projectedStock(prisma, identity, sku.id, locationId),
  },
} satisfies GraphQLResolverMap<SubgraphContext>;
