import type { InventoryPosition, Prisma } from '@meridian/db';
import type { EventEnvelope } from '@meridian/events';
import { bookingDistributionCentre, type ResolvedOrderLine, sumDemand } from '../domain/demand-ledger';
import { SupplyOutcome, supplyEffectOf, warningCodesOf } from '../domain/ingested-transaction';
import { foldSignals, type ResolvedSignal } from '../domain/marketing-signals';
import { isAtStockoutRisk } from '../domain/position';
import { foldPromotions, type ResolvedPromotion } from '../domain/promotions';
import {
  foldMovements,
  type LedgerRow,
  type PositionChange,
  positionKey,
  type ResolvedMovement,
  transactionKey,
  unitsReceived,
} from '../domain/stock-ledger';
import { findLocationsByCode, findSkuIdsByCode } from '../store/catalog-codes';
import * as ledger from '../store/ledger';
import * as marketingSignals from '../store/marketing-signals';

/** The type apps/ingest appends each accepted canonical transaction as. */
export const TRANSACTION_RECEIVED = 'ingest.transaction_received';

export interface AppliedBatch {
  /** Every position a movement referenced, with on hand before and after the batch. */
  positions: PositionChange[];
  /** Positions whose on hand the batch changed, as stored now, with why. */
  changed: Array<{ position: InventoryPosition; reason: string }>;
  /** Tenants with a position that went into or out of stock-out risk: their at-risk SKU count may differ. */
  riskChangedTenants: string[];
  /** Event ids applied without effect, by outcome code. */
  outcomes: Map<SupplyOutcome, string[]>;
}

const codeKey = (tenantId: string, code: string) => `${tenantId}|${code}`;

/**
 * Applies a batch of `ingest.transaction_received` events, in order, to the supply tables of `schema`
 * (`supply` live, a sandbox for a replay): the stock ledger and on hand, sales demand, promotions, marketing
 * signals. One
 * statement per kind of read or write for the whole batch. The caller owns the transaction, the inbox and
 * the events it tells others.
 */
export async function applyIngestedTransactions(
  tx: Prisma.TransactionClient,
  schema: string,
  events: readonly EventEnvelope[],
): Promise<AppliedBatch> {
  const outcomes = new Map<SupplyOutcome, string[]>();
  const skip = (eventId: string, outcome: SupplyOutcome) => {
    const ids = outcomes.get(outcome);
    if (ids) ids.push(eventId);
    else outcomes.set(outcome, [eventId]);
  };

  const effects = events.flatMap((event) => {
    const effect = supplyEffectOf(event.data);
    if (effect.type === 'none') {
      skip(event.id, effect.outcome);
      return [];
    }
    return [{ event, tenantId: event.tenantid, effect }];
  });

  const skuPairs = new Map<string, { tenantId: string; code: string }>();
  const locationPairs = new Map<string, { tenantId: string; code: string }>();
  const orderTenants = new Set<string>();
  for (const { tenantId, effect } of effects) {
    if (effect.skuCode !== null)
      skuPairs.set(codeKey(tenantId, effect.skuCode), { tenantId, code: effect.skuCode });
    if (effect.type === 'movement') {
      locationPairs.set(codeKey(tenantId, effect.locationCode), { tenantId, code: effect.locationCode });
    }
    if (effect.type === 'demand') orderTenants.add(tenantId);
  }
  const skus = await findSkuIdsByCode(tx, [...skuPairs.values()]);
  const locations = await findLocationsByCode(tx, [...locationPairs.values()], [...orderTenants]);
  const skuIds = new Map(skus.map((sku) => [codeKey(sku.tenantId, sku.code), sku.id]));
  const locationIds = new Map(
    locations.map((location) => [codeKey(location.tenantId, location.code), location.id]),
  );
  const dcOf = new Map(
    [...orderTenants].map((tenantId) => [
      tenantId,
      bookingDistributionCentre(locations.filter((location) => location.tenantId === tenantId)),
    ]),
  );

  const movements: ResolvedMovement[] = [];
  const orderLines: ResolvedOrderLine[] = [];
  const promotions: ResolvedPromotion[] = [];
  const signals: ResolvedSignal[] = [];
  for (const { event, tenantId, effect } of effects) {
    if (effect.type === 'signal') {
      // A signal without a SKU concerns the whole tenant; one naming an unknown SKU is skipped like any record.
      const skuId = effect.skuCode === null ? null : skuIds.get(codeKey(tenantId, effect.skuCode));
      if (skuId === undefined) {
        skip(event.id, SupplyOutcome.UNKNOWN_SKU);
        continue;
      }
      const { transactionId, status, day, metric, count, sentiment, source } = effect;
      signals.push({ tenantId, transactionId, status, skuId, day, metric, count, sentiment, source });
      continue;
    }
    const skuId = skuIds.get(codeKey(tenantId, effect.skuCode));
    if (!skuId) {
      skip(event.id, SupplyOutcome.UNKNOWN_SKU);
      continue;
    }
    const { status } = effect;
    if (effect.type === 'movement') {
      const locationId = locationIds.get(codeKey(tenantId, effect.locationCode));
      if (!locationId) {
        skip(event.id, SupplyOutcome.UNKNOWN_LOCATION);
        continue;
      }
      const { transactionId, kind, change, occurredAt, sourceSystem, correlationId } = effect;
      movements.push({
        eventId: event.id,
        tenantId,
        transactionId,
        status,
        kind,
        skuId,
        locationId,
        change,
        occurredAt,
        sourceSystem,
        correlationId,
        warnings: warningCodesOf(event as { data?: unknown; warnings?: unknown }),
      });
    } else if (effect.type === 'demand') {
      const locationId = dcOf.get(tenantId);
      if (!locationId) {
        skip(event.id, SupplyOutcome.UNKNOWN_LOCATION);
        continue;
      }
      orderLines.push({
        eventId: event.id,
        tenantId,
        skuId,
        locationId,
        day: effect.day,
        ordered: effect.ordered,
        status,
      });
    } else {
      const { promotionId, campaign, channel, startsOn, endsOn, expectedUplift } = effect;
      promotions.push({
        tenantId,
        skuId,
        status,
        promotionId,
        campaign,
        channel,
        startsOn,
        endsOn,
        expectedUplift,
      });
    }
  }

  const applied = await applyMovements(tx, schema, movements);
  for (const { eventId, outcome } of applied.outcomes) skip(eventId, outcome);

  const demand = sumDemand(orderLines);
  for (const { eventId, outcome } of demand.outcomes) skip(eventId, outcome);
  await ledger.addDemand(tx, schema, demand.increments);

  const { upserts, withdrawals } = foldPromotions(promotions);
  await ledger.upsertPromotions(tx, schema, upserts);
  await ledger.withdrawPromotions(tx, schema, withdrawals);

  const signalWrites = foldSignals(signals);
  await marketingSignals.upsertSignals(tx, schema, signalWrites.upserts);
  await marketingSignals.deleteSignals(tx, schema, signalWrites.deletions);

  return { ...applied, outcomes };
}

/** Ledger rows and on hand: read what the batch needs, fold in memory, write back what changed. */
async function applyMovements(tx: Prisma.TransactionClient, schema: string, movements: ResolvedMovement[]) {
  if (movements.length === 0) return { positions: [], changed: [], riskChangedTenants: [], outcomes: [] };
  const storedRows = await ledger.findLedgerRows(
    tx,
    schema,
    uniqueBy(movements, (m) => transactionKey(m.tenantId, m.transactionId)),
  );
  const stored = new Map<string, LedgerRow>(
    storedRows.map((row) => [transactionKey(row.tenantId, row.transactionId), row]),
  );
  // Corrections and cancellations may move units back at the position an earlier record named.
  const referenced = uniqueBy<ledger.PositionRef>([...movements, ...storedRows], (p) =>
    positionKey(p.tenantId, p.skuId, p.locationId),
  );
  const locked = await ledger.lockPositions(tx, schema, referenced);
  const existing = new Map(locked.map((p) => [positionKey(p.tenantId, p.skuId, p.locationId), p]));

  const fold = foldMovements(
    movements,
    new Map([...existing].map(([key, position]) => [key, position.onHand])),
    stored,
  );
  await ledger.writeLedgerRows(tx, schema, fold.rows);
  // Arrivals reduce what is on order, so replenishment does not count an order twice once it is in stock.
  await ledger.consumeOnOrder(
    tx,
    schema,
    [...unitsReceived(fold.rows, stored)].flatMap(([position, units]) => {
      const row = existing.get(position);
      return row ? [{ id: row.id, units }] : [];
    }),
  );

  const moved = fold.positions.filter((p) => p.after !== p.before);
  const key = (p: PositionChange) => positionKey(p.tenantId, p.skuId, p.locationId);
  const updated = await ledger.setOnHand(
    tx,
    schema,
    moved.flatMap((p) => {
      const row = existing.get(key(p));
      return row ? [{ id: row.id, onHand: p.after }] : [];
    }),
  );
  const created = await ledger.createPositions(
    tx,
    schema,
    moved
      .filter((p) => !existing.has(key(p)))
      .map(({ tenantId, skuId, locationId, after }) => ({ tenantId, skuId, locationId, onHand: after })),
  );
  const reasons = new Map(moved.map((p) => [key(p), `ingested ${p.kinds.join(', ').replaceAll('_', ' ')}`]));
  const changed = [...updated, ...created].map((position) => ({
    position,
    reason: reasons.get(positionKey(position.tenantId, position.skuId, position.locationId)) ?? 'ingested',
  }));
  const riskChangedTenants = new Set<string>();
  for (const { position } of changed) {
    const before = existing.get(positionKey(position.tenantId, position.skuId, position.locationId));
    if ((before !== undefined && isAtStockoutRisk(before)) !== isAtStockoutRisk(position)) {
      riskChangedTenants.add(position.tenantId);
    }
  }
  return {
    positions: fold.positions,
    changed,
    riskChangedTenants: [...riskChangedTenants],
    outcomes: fold.outcomes,
  };
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const unique = new Map<string, T>();
  for (const item of items) if (!unique.has(keyOf(item))) unique.set(keyOf(item), item);
  return [...unique.values()];
}
