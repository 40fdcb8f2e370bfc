import { computePolicy, type Policy, type PolicyInputs, type PolicySettings } from './policy';

/**
 * Two echelons: a DC buys from the supplier and replenishes the stores below it (Location.parentId). The DC
 * plans on echelon stock — its own and everything downstream — against the demand of the whole echelon, so
 * a store's sales reach the DC's order the day they happen, not when the store reorders.
 */

/** Stores are replenished from their DC: a day's transport, rarely more than a few hours late. */
export const STORE_LEAD_TIME_DAYS = 1;
export const STORE_LEAD_TIME_STD_DEV_DAYS = 0.25;
/** A store orders a week of its demand at a time. */
export const STORE_COVER_DAYS = 7;

export interface StockFigures {
  onHand: number;
  allocated: number;
  inTransit: number;
  onOrder: number;
}

/** What may serve demand: available (on hand − allocated) plus what is on its way or ordered. */
export function inventoryPosition({ onHand, allocated, inTransit, onOrder }: StockFigures): number {
  return onHand - allocated + inTransit + onOrder;
}

interface Placed {
  locationId: string;
}

interface LocationLink {
  type: string;
  parentId: string | null;
}

/** The positions of the stores a DC's position serves (stores whose parent is its location); none for others. */
export function storesServedBy<P extends Placed>(
  position: Placed,
  positions: readonly P[],
  locations: ReadonlyMap<string, LocationLink>,
): P[] {
  if (locations.get(position.locationId)?.type !== 'DC') return [];
  return positions.filter((candidate) => {
    const location = locations.get(candidate.locationId);
    return location?.type === 'STORE' && location.parentId === position.locationId;
  });
}

/** Echelon stock of a DC: its own inventory position plus that of every store it serves. */
export function echelonStock(dc: StockFigures, stores: readonly StockFigures[]): number {
  return stores.reduce((total, store) => total + inventoryPosition(store), inventoryPosition(dc));
}

export interface DemandSeries {
  dailyForecast: readonly number[];
  demandStdDev: number;
}

/**
 * The DC's demand is its own (direct orders) plus its stores': forecasts add up day by day; forecast errors
 * of different locations are taken as independent, so their variances add.
 */
export function echelonDemand(dc: DemandSeries, stores: readonly DemandSeries[]): DemandSeries {
  const all = [dc, ...stores];
  const dailyForecast = echelonDaily(all.map((series) => series.dailyForecast));
  const demandStdDev = Math.sqrt(all.reduce((total, series) => total + series.demandStdDev ** 2, 0));
  return { dailyForecast, demandStdDev };
}

/** Daily forecasts of several locations added up day by day, over the longest horizon among them. */
export function echelonDaily(forecasts: readonly (readonly number[])[]): number[] {
  const horizon = Math.max(0, ...forecasts.map((daily) => daily.length));
  return Array.from({ length: horizon }, (_, day) =>
    forecasts.reduce((total, daily) => total + (daily[day] ?? 0), 0),
  );
}

export type StoreInputs = Omit<
  PolicyInputs,
  'leadTimeDays' | 'leadTimeStdDevDays' | 'minOrderQty' | 'coverDays'
>;

/** A store's policy: replenished from the DC, so the DC's short lead time and no supplier minimum. */
export function storePolicy(store: StoreInputs, settings: PolicySettings): Policy {
  return computePolicy(
    {
      ...store,
      leadTimeDays: STORE_LEAD_TIME_DAYS,
      leadTimeStdDevDays: STORE_LEAD_TIME_STD_DEV_DAYS,
      minOrderQty: 1,
      coverDays: STORE_COVER_DAYS,
      coverOnly: true,
      leadTimeSource: 'replenished from the DC',
    },
    settings,
  );
}

/**
 * The DC's policy over the echelon: sized on the echelon's demand and the supplier's lead time, with the
 * stores' safety stock kept on top — stock the stores hold as their buffer cannot also cover the DC's lead
 * time. Its reorder point applies to echelon stock.
 */
export function echelonPolicy(
  dc: PolicyInputs,
  stores: readonly StoreInputs[],
  settings: PolicySettings,
): { dc: Policy; stores: Policy[] } {
  const storePolicies = stores.map((store) => storePolicy(store, settings));
  if (stores.length === 0) return { dc: computePolicy(dc, settings), stores: [] };
  const demand = echelonDemand(dc, stores);
  const policy = computePolicy({ ...dc, ...demand }, settings);
  const storeSafetyStock = storePolicies.reduce((total, store) => total + store.safetyStock, 0);
  const reorderPoint = policy.reorderPoint + storeSafetyStock;
  return {
    dc: {
      ...policy,
      reorderPoint,
      explanation: [
        `Echelon of the DC and ${stores.length} store${stores.length === 1 ? '' : 's'}: demand and forecast error below are the DC’s own plus the stores’.`,
        ...policy.explanation,
        `Echelon reorder point = ${policy.reorderPoint} + the stores’ safety stock (${storeSafetyStock}) = ${reorderPoint} units, compared with the stock of the DC and its stores together.`,
      ],
    },
    stores: storePolicies,
  };
}
