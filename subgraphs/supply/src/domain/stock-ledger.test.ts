import { describe, expect, it } from 'vitest';
import { INT4_MAX, SupplyOutcome } from './ingested-transaction';
import {
  foldMovements,
  type LedgerRow,
  positionKey,
  type ResolvedMovement,
  transactionKey,
  unitsReceived,
} from './stock-ledger';

const TENANT = 't1';
const SKU = 'sku-a';
const DC = 'dc-1';
const STORE = 'store-1';
const at = (skuId: string, locationId: string) => positionKey(TENANT, skuId, locationId);

let nextEvent = 0;
function movement(overrides: Partial<ResolvedMovement>): ResolvedMovement {
  nextEvent += 1;
  return {
    eventId: `e${nextEvent}`,
    tenantId: TENANT,
    transactionId: `tx${nextEvent}`,
    status: 'active',
    kind: 'receipt',
    skuId: SKU,
    locationId: DC,
    change: { type: 'delta', units: 10 },
    occurredAt: new Date('2026-11-27T10:00:00Z'),
    sourceSystem: 'wms',
    correlationId: 'c1',
    warnings: [],
    ...overrides,
  };
}

function stored(
  row: Partial<LedgerRow> & { transactionId: string; quantity: number },
): Map<string, LedgerRow> {
  const full: LedgerRow = {
    tenantId: TENANT,
    skuId: SKU,
    locationId: DC,
    kind: 'receipt',
    occurredAt: new Date('2026-11-26T10:00:00Z'),
    sourceSystem: 'wms',
    correlationId: 'c0',
    warnings: [],
    ...row,
  };
  return new Map([[transactionKey(TENANT, row.transactionId), full]]);
}

const afterOf = (fold: ReturnType<typeof foldMovements>, skuId = SKU, locationId = DC) =>
  fold.positions.find((p) => p.skuId === skuId && p.locationId === locationId)?.after;

describe('foldMovements', () => {
  it('applies several movements of one position in order: receipt, adjustment, then a count', () => {
    const fold = foldMovements(
      [
        movement({ change: { type: 'delta', units: 10 } }),
        movement({ kind: 'inventory_adjustment', change: { type: 'delta', units: -4 } }),
        movement({ kind: 'cycle_count', change: { type: 'count', counted: 3 } }),
        movement({ change: { type: 'delta', units: 2 } }),
      ],
      new Map([[at(SKU, DC), 5]]),
      new Map(),
    );
    // 5 + 10 - 4 = 11, counted 3 (a change of -8), then + 2.
    expect(fold.rows.map((row) => [row.kind, row.quantity])).toEqual([
      ['receipt', 10],
      ['inventory_adjustment', -4],
      ['cycle_count', -8],
      ['receipt', 2],
    ]);
    expect(fold.positions).toEqual([
      {
        tenantId: TENANT,
        skuId: SKU,
        locationId: DC,
        before: 5,
        after: 5,
        kinds: ['receipt', 'inventory_adjustment', 'cycle_count'],
      },
    ]);
    expect(fold.outcomes).toEqual([]);
  });

  it('keeps positions apart and starts a position it has not seen at zero', () => {
    const fold = foldMovements(
      [movement({ locationId: STORE }), movement({ skuId: 'sku-b', change: { type: 'delta', units: 7 } })],
      new Map([[at(SKU, DC), 100]]),
      new Map(),
    );
    expect(afterOf(fold, SKU, STORE)).toBe(10);
    expect(afterOf(fold, 'sku-b', DC)).toBe(7);
    expect(afterOf(fold, SKU, DC)).toBeUndefined();
  });

  it('does not apply a transaction the ledger already holds, nor one seen earlier in the batch', () => {
    const again = movement({ transactionId: 'tx-known' });
    const repeated = movement({});
    const fold = foldMovements(
      [again, repeated, { ...repeated, eventId: 'other-event' }],
      new Map([[at(SKU, DC), 1]]),
      stored({ transactionId: 'tx-known', quantity: 10 }),
    );
    expect(afterOf(fold)).toBe(11);
    expect(fold.outcomes).toEqual([
      { eventId: again.eventId, outcome: SupplyOutcome.DUPLICATE_TRANSACTION },
      { eventId: 'other-event', outcome: SupplyOutcome.DUPLICATE_TRANSACTION },
    ]);
  });

  it('cuts a loss at zero and records only what was applied, so a cancellation gives back exactly that', () => {
    const loss = movement({ kind: 'inventory_adjustment', change: { type: 'delta', units: -10 } });
    const fold = foldMovements(
      [loss, { ...loss, eventId: 'cancel', status: 'cancelled' }],
      new Map([[at(SKU, DC), 4]]),
      new Map(),
    );
    expect(fold.rows).toEqual([expect.objectContaining({ transactionId: loss.transactionId, quantity: 0 })]);
    expect(fold.positions[0]).toMatchObject({ before: 4, after: 4 });
  });

  it('cancels an earlier receipt: on hand gives the units back and the row keeps its fields at 0', () => {
    const cancel = movement({ transactionId: 'tx-old', status: 'cancelled', correlationId: 'c-cancel' });
    const fold = foldMovements(
      [cancel],
      new Map([[at(SKU, DC), 30]]),
      stored({ transactionId: 'tx-old', quantity: 12 }),
    );
    expect(afterOf(fold)).toBe(18);
    expect(fold.rows).toEqual([
      expect.objectContaining({ transactionId: 'tx-old', quantity: 0, correlationId: 'c0' }),
    ]);
    expect(fold.outcomes).toEqual([]);
  });

  it('keeps a cancellation of an unknown transaction as a 0-unit row, so the late original is void', () => {
    const original = movement({});
    const fold = foldMovements(
      [{ ...original, eventId: 'cancel', status: 'cancelled' }, original],
      new Map(),
      new Map(),
    );
    expect(afterOf(fold)).toBe(0);
    expect(fold.rows).toEqual([
      expect.objectContaining({ transactionId: original.transactionId, quantity: 0 }),
    ]);
    expect(fold.outcomes.map((o) => o.outcome)).toEqual([
      SupplyOutcome.NOTHING_TO_CANCEL,
      SupplyOutcome.DUPLICATE_TRANSACTION,
    ]);
  });

  it('corrects a receipt by the difference and takes the corrected record’s fields', () => {
    const correction = movement({
      transactionId: 'tx-old',
      status: 'corrected',
      change: { type: 'delta', units: 8 },
      correlationId: 'c-fix',
      warnings: ['UOM_NOT_BASE'],
    });
    const fold = foldMovements(
      [correction],
      new Map([[at(SKU, DC), 30]]),
      stored({ transactionId: 'tx-old', quantity: 12 }),
    );
    expect(afterOf(fold)).toBe(26);
    expect(fold.rows).toEqual([
      expect.objectContaining({ quantity: 8, correlationId: 'c-fix', warnings: ['UOM_NOT_BASE'] }),
    ]);
  });

  it('corrects a count by counting again, keeping the row the net change of the transaction', () => {
    const fold = foldMovements(
      [
        movement({
          transactionId: 'tx-count',
          kind: 'cycle_count',
          status: 'corrected',
          change: { type: 'count', counted: 25 },
        }),
      ],
      new Map([[at(SKU, DC), 20]]),
      stored({ transactionId: 'tx-count', kind: 'cycle_count', quantity: -5 }),
    );
    expect(afterOf(fold)).toBe(25);
    expect(fold.rows[0]).toMatchObject({ quantity: 0 });
  });

  it('moves a corrected transaction to its new location: units back at the old one, on at the new one', () => {
    const fold = foldMovements(
      [movement({ transactionId: 'tx-old', status: 'corrected', locationId: STORE })],
      new Map([
        [at(SKU, DC), 30],
        [at(SKU, STORE), 1],
      ]),
      stored({ transactionId: 'tx-old', quantity: 12 }),
    );
    expect(afterOf(fold, SKU, DC)).toBe(18);
    expect(afterOf(fold, SKU, STORE)).toBe(11);
    expect(fold.rows).toEqual([expect.objectContaining({ locationId: STORE, quantity: 10 })]);
  });

  it('applies a correction without an earlier row like a new transaction', () => {
    const fold = foldMovements([movement({ status: 'corrected' })], new Map(), new Map());
    expect(afterOf(fold)).toBe(10);
    expect(fold.outcomes).toEqual([]);
  });

  it('refuses a movement that would take on hand beyond a 32-bit integer, and applies the rest', () => {
    const tooMuch = movement({ change: { type: 'delta', units: 10 } });
    const fold = foldMovements(
      [tooMuch, movement({ change: { type: 'delta', units: -1 } })],
      new Map([[at(SKU, DC), INT4_MAX - 5]]),
      new Map(),
    );
    expect(afterOf(fold)).toBe(INT4_MAX - 6);
    expect(fold.outcomes).toEqual([
      { eventId: tooMuch.eventId, outcome: SupplyOutcome.QUANTITY_OUT_OF_RANGE },
    ]);
  });

  it('ends with on hand equal to the start plus every row it wrote (property over random batches)', () => {
    for (let run = 0; run < 200; run++) {
      const random = (n: number) => Math.floor(Math.random() * n);
      const movements: ResolvedMovement[] = [];
      for (let i = 0; i < 20; i++) {
        const count = random(4) === 0;
        const locationId = random(2) ? DC : STORE;
        movements.push(
          movement({
            // A transaction stays at its location here: a correction that moves it is tested above.
            transactionId: `tx-${run}-${locationId}-${random(4)}`,
            status: (['active', 'corrected', 'cancelled'] as const)[random(3)],
            kind: count ? 'cycle_count' : 'inventory_adjustment',
            locationId,
            change: count
              ? { type: 'count', counted: random(30) }
              : { type: 'delta', units: random(41) - 20 },
          }),
        );
      }
      const fold = foldMovements(movements, new Map([[at(SKU, DC), 15]]), new Map());
      for (const position of fold.positions) {
        const rows = fold.rows.filter((row) => row.locationId === position.locationId);
        const booked = rows.reduce((sum, row) => sum + row.quantity, 0);
        expect(position.after).toBeGreaterThanOrEqual(0);
        expect(position.after).toBe(position.before + booked);
      }
    }
  });
});

describe('unitsReceived', () => {
  const row = (overrides: Partial<LedgerRow>): LedgerRow => ({
    tenantId: TENANT,
    transactionId: 'r1',
    skuId: SKU,
    locationId: DC,
    kind: 'receipt',
    quantity: 40,
    occurredAt: new Date('2026-11-27T10:00:00Z'),
    sourceSystem: 'wms',
    correlationId: 'po-1',
    warnings: [],
    ...overrides,
  });

  it('counts new receipts per position and ignores other kinds', () => {
    const received = unitsReceived(
      [
        row({}),
        row({ transactionId: 'r2', quantity: 8 }),
        row({ transactionId: 'a1', kind: 'inventory_adjustment' }),
      ],
      new Map(),
    );
    expect(received).toEqual(new Map([[at(SKU, DC), 48]]));
  });

  it('counts only what a correction added, and nothing for a receipt corrected down', () => {
    const stored = new Map([[transactionKey(TENANT, 'r1'), row({ quantity: 40 })]]);
    expect(unitsReceived([row({ quantity: 50 })], stored)).toEqual(new Map([[at(SKU, DC), 10]]));
    expect(unitsReceived([row({ quantity: 30 })], stored)).toEqual(new Map());
  });

  it('counts a receipt moved to another location in full at its new place', () => {
    const stored = new Map([[transactionKey(TENANT, 'r1'), row({ quantity: 40 })]]);
    expect(unitsReceived([row({ locationId: STORE, quantity: 40 })], stored)).toEqual(
      new Map([[at(SKU, STORE), 40]]),
    );
  });
});
