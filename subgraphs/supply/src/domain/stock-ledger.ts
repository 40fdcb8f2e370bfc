import {
  INT4_MAX,
  type MovementKind,
  type StockChange,
  SupplyOutcome,
  type TransactionStatus,
} from './ingested-transaction';

/**
 * The stock ledger's rules, applied to a batch of movements in log order. One ledger row per transaction
 * holds the net change that transaction has made to on hand, so:
 * - `active`: applies the change; a transaction already in the ledger is not applied again;
 * - `corrected`: supersedes the transaction: the row takes the corrected record's fields, and on hand moves
 *   by the difference (a corrected count counts again: on hand becomes the corrected figure). When the
 *   correction names another SKU or location, the old position gets its units back and the new one the
 *   corrected change. Without an earlier row a correction applies like an `active` record;
 * - `cancelled`: voids the transaction: on hand gives back the row's net change and the row keeps 0. Without
 *   an earlier row it leaves a 0-unit row, so an original that arrives later is not applied.
 * On hand never goes below zero (as for adjustInventory): a change is cut at zero and the row records what
 * was actually applied, so reversing it later gives back exactly that.
 */

export interface LedgerRow {
  tenantId: string;
  transactionId: string;
  skuId: string;
  locationId: string;
  kind: string;
  /** Net signed change to on hand this transaction has made. */
  quantity: number;
  occurredAt: Date;
  sourceSystem: string;
  correlationId: string;
  warnings: string[];
}

/** A movement whose SKU and location codes were resolved to ids. */
export interface ResolvedMovement {
  eventId: string;
  tenantId: string;
  transactionId: string;
  status: TransactionStatus;
  kind: MovementKind;
  skuId: string;
  locationId: string;
  change: StockChange;
  occurredAt: Date;
  sourceSystem: string;
  correlationId: string;
  warnings: string[];
}

export interface PositionChange {
  tenantId: string;
  skuId: string;
  locationId: string;
  before: number;
  after: number;
  /** Kinds of the movements that referenced the position, in first-seen order. */
  kinds: string[];
}

export interface LedgerFold {
  /** The final state of every ledger row the batch wrote. */
  rows: LedgerRow[];
  /** Every position a movement referenced, changed or not. */
  positions: PositionChange[];
  /** Movements applied without effect, and why. */
  outcomes: Array<{ eventId: string; outcome: SupplyOutcome }>;
}

export const positionKey = (tenantId: string, skuId: string, locationId: string) =>
  `${tenantId}|${skuId}|${locationId}`;
export const transactionKey = (tenantId: string, transactionId: string) => `${tenantId}|${transactionId}`;

/**
 * Applies `movements` in order to the starting on-hand figures (`startOnHand` by positionKey; a missing
 * position holds 0) and the ledger rows already stored (`stored` by transactionKey).
 */
export function foldMovements(
  movements: readonly ResolvedMovement[],
  startOnHand: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, LedgerRow>,
): LedgerFold {
  const positions = new Map<string, PositionChange>();
  const written = new Map<string, LedgerRow>();
  const outcomes: LedgerFold['outcomes'] = [];

  const position = (tenantId: string, skuId: string, locationId: string, kind: string) => {
    const key = positionKey(tenantId, skuId, locationId);
    let entry = positions.get(key);
    if (!entry) {
      const before = startOnHand.get(key) ?? 0;
      entry = { tenantId, skuId, locationId, before, after: before, kinds: [] };
      positions.set(key, entry);
    }
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    return entry;
  };
  /** On hand after `units`, cut at zero; null when it would not fit the column. */
  const next = (at: PositionChange, units: number) => {
    const after = Math.max(0, at.after + units);
    return after > INT4_MAX ? null : after;
  };
  const rowOf = (movement: ResolvedMovement, quantity: number): LedgerRow => ({
    tenantId: movement.tenantId,
    transactionId: movement.transactionId,
    skuId: movement.skuId,
    locationId: movement.locationId,
    kind: movement.kind,
    quantity,
    occurredAt: movement.occurredAt,
    sourceSystem: movement.sourceSystem,
    correlationId: movement.correlationId,
    warnings: movement.warnings,
  });
  const unitsOf = (change: StockChange, at: PositionChange, alreadyApplied: number) =>
    change.type === 'delta' ? change.units - alreadyApplied : change.counted - at.after;

  for (const movement of movements) {
    const key = transactionKey(movement.tenantId, movement.transactionId);
    const earlier = written.get(key) ?? stored.get(key);
    const at = position(movement.tenantId, movement.skuId, movement.locationId, movement.kind);
    const reject = (outcome: SupplyOutcome) => outcomes.push({ eventId: movement.eventId, outcome });

    if (movement.status === 'cancelled') {
      if (!earlier) {
        written.set(key, rowOf(movement, 0));
        reject(SupplyOutcome.NOTHING_TO_CANCEL);
        continue;
      }
      const from = position(earlier.tenantId, earlier.skuId, earlier.locationId, earlier.kind);
      const after = next(from, -earlier.quantity);
      if (after === null) {
        reject(SupplyOutcome.QUANTITY_OUT_OF_RANGE);
        continue;
      }
      written.set(key, { ...earlier, quantity: earlier.quantity + (after - from.after) });
      from.after = after;
      continue;
    }

    if (earlier && movement.status === 'active') {
      reject(SupplyOutcome.DUPLICATE_TRANSACTION);
      continue;
    }

    const samePosition =
      earlier !== undefined && earlier.skuId === movement.skuId && earlier.locationId === movement.locationId;
    if (!earlier || samePosition) {
      const kept = earlier?.quantity ?? 0;
      const after = next(at, unitsOf(movement.change, at, kept));
      if (after === null || Math.abs(kept + (after - at.after)) > INT4_MAX) {
        reject(SupplyOutcome.QUANTITY_OUT_OF_RANGE);
        continue;
      }
      written.set(key, rowOf(movement, kept + (after - at.after)));
      at.after = after;
      continue;
    }

    // A correction that moved the transaction to another SKU or location.
    const from = position(earlier.tenantId, earlier.skuId, earlier.locationId, earlier.kind);
    const fromAfter = next(from, -earlier.quantity);
    const after = next(at, unitsOf(movement.change, at, 0));
    if (fromAfter === null || after === null) {
      reject(SupplyOutcome.QUANTITY_OUT_OF_RANGE);
      continue;
    }
    from.after = fromAfter;
    written.set(key, rowOf(movement, after - at.after));
    at.after = after;
  }

  return { rows: [...written.values()], positions: [...positions.values()], outcomes };
}

/**
 * Units each position received in this batch beyond what its stored receipts already counted: what arrived
 * of the stock on order. Receipts do not name their purchase order, so arrivals are set against the
 * position's open orders as a whole (the caller never lets on order fall below zero). A receipt corrected
 * down or cancelled does not put units back on order: nobody knows they are still coming.
 */
export function unitsReceived(
  rows: readonly LedgerRow[],
  stored: ReadonlyMap<string, LedgerRow>,
): Map<string, number> {
  const received = new Map<string, number>();
  for (const row of rows) {
    if (row.kind !== 'receipt') continue;
    const earlier = stored.get(transactionKey(row.tenantId, row.transactionId));
    const samePlace =
      earlier?.kind === 'receipt' && earlier.skuId === row.skuId && earlier.locationId === row.locationId;
    const units = row.quantity - (samePlace ? earlier.quantity : 0);
    const key = positionKey(row.tenantId, row.skuId, row.locationId);
    received.set(key, (received.get(key) ?? 0) + units);
  }
  for (const [key, units] of received) if (units <= 0) received.delete(key);
  return received;
}
