import { randomUUID } from 'node:crypto';
import { toV1 } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import type { EventEnvelope } from '@meridian/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIngestedTransactions } from '../src/services/ingested-transactions';
import { LIVE_SCHEMA } from '../src/store/ledger';
import {
  canonicalRecord,
  onHandAt,
  receivedEvent,
  SKU_A,
  SKU_B,
  type TestCatalog,
  twoSkuCatalog,
} from './support';

let prisma: PrismaClient;

beforeAll(() => {
  prisma = createTestPrismaClient();
});

afterAll(async () => {
  await prisma?.$disconnect();
});

const catalog = () => twoSkuCatalog(prisma);
const onHand = (c: TestCatalog, sku: string, location: string) => onHandAt(prisma, c, sku, location);

const applyLive = (events: EventEnvelope[]) =>
  prisma.$transaction((tx) => applyIngestedTransactions(tx, LIVE_SCHEMA, events));

describe('applyIngestedTransactions', () => {
  it('applies every event of one SKU in a batch, in log order', async () => {
    const c = await catalog();
    const at = { sku: SKU_A, location: 'DC-NORTH' };
    const events = [
      canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 10 }),
      canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 5 }),
      canonicalRecord(c.tenantId, 'cycle_count', { ...at, quantity: 12 }),
      canonicalRecord(c.tenantId, 'inventory_adjustment', { ...at, quantity: -2 }),
      toV1(canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 30 })),
    ].map((r) => receivedEvent(r as Parameters<typeof receivedEvent>[0]));

    const result = await applyLive(events);

    expect(await onHand(c, SKU_A, 'DC-NORTH')).toBe(40);
    expect(result.positions).toEqual([
      expect.objectContaining({ skuId: c.skus[SKU_A], before: 0, after: 40 }),
    ]);
    const movements = await prisma.inventoryMovement.findMany({ where: { tenantId: c.tenantId } });
    expect(movements.map((m) => m.quantity).sort((a, b) => a - b)).toEqual([-3, -2, 5, 10, 30]);
  });

  it('sets arrivals against the stock on order, never below zero, and not twice for a redelivered receipt', async () => {
    const c = await catalog();
    const where = { tenantId: c.tenantId, skuId: c.skus[SKU_B]!, locationId: c.locations['STORE-1']! };
    await prisma.inventoryPosition.create({ data: { ...where, onHand: 5, onOrder: 40 } });
    const at = { sku: SKU_B, location: 'STORE-1' };
    const first = receivedEvent(canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 30 }));
    await applyLive([first]);
    await applyLive([first]);
    const afterFirst = await prisma.inventoryPosition.findFirstOrThrow({ where });
    expect({ onHand: afterFirst.onHand, onOrder: afterFirst.onOrder }).toEqual({ onHand: 35, onOrder: 10 });

    await applyLive([receivedEvent(canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 25 }))]);
    const afterSecond = await prisma.inventoryPosition.findFirstOrThrow({ where });
    expect({ onHand: afterSecond.onHand, onOrder: afterSecond.onOrder }).toEqual({ onHand: 60, onOrder: 0 });
  });

  it('sets on hand to a cycle count and books the difference to what was on hand before', async () => {
    const c = await catalog();
    await prisma.inventoryPosition.create({
      data: { tenantId: c.tenantId, skuId: c.skus[SKU_B]!, locationId: c.locations['STORE-1']!, onHand: 31 },
    });
    const count = canonicalRecord(c.tenantId, 'cycle_count', {
      sku: SKU_B,
      location: 'STORE-1',
      quantity: 24,
    });

    await applyLive([receivedEvent(count)]);

    expect(await onHand(c, SKU_B, 'STORE-1')).toBe(24);
    const [movement] = await prisma.inventoryMovement.findMany({ where: { tenantId: c.tenantId } });
    expect(movement).toMatchObject({ kind: 'cycle_count', quantity: -7 });
  });

  it('corrects and cancels earlier transactions across batches', async () => {
    const c = await catalog();
    const at = { sku: SKU_A, location: 'DC-NORTH' };
    const receipt = canonicalRecord(c.tenantId, 'receipt', { ...at, quantity: 20 });
    const loss = canonicalRecord(c.tenantId, 'inventory_adjustment', { ...at, quantity: -4 });
    await applyLive([receivedEvent(receipt), receivedEvent(loss)]);
    expect(await onHand(c, SKU_A, 'DC-NORTH')).toBe(16);

    const corrected = canonicalRecord(c.tenantId, 'receipt', {
      ...at,
      quantity: 12,
      transactionId: receipt.transaction_id,
      status: 'corrected',
      correlationId: 'corr-fix',
    });
    const cancelled = canonicalRecord(c.tenantId, 'inventory_adjustment', {
      ...at,
      quantity: -4,
      transactionId: loss.transaction_id,
      status: 'cancelled',
    });
    const resent = canonicalRecord(c.tenantId, 'receipt', {
      ...at,
      quantity: 20,
      transactionId: receipt.transaction_id,
    });
    const result = await applyLive([
      receivedEvent(corrected),
      receivedEvent(cancelled),
      receivedEvent(resent),
    ]);

    expect(await onHand(c, SKU_A, 'DC-NORTH')).toBe(12);
    const movements = await prisma.inventoryMovement.findMany({ where: { tenantId: c.tenantId } });
    expect(movements).toHaveLength(2);
    expect(movements.find((m) => m.transactionId === receipt.transaction_id)).toMatchObject({
      quantity: 12,
      correlationId: 'corr-fix',
    });
    expect(movements.find((m) => m.transactionId === loss.transaction_id)).toMatchObject({ quantity: 0 });
    expect(result.outcomes.get('DUPLICATE_TRANSACTION')).toHaveLength(1);
  });

  it('takes back a cancelled sales order line and withdraws a cancelled promotion', async () => {
    const c = await catalog();
    const order = canonicalRecord(c.tenantId, 'order', { sku: SKU_B, quantity: 8 });
    const otherDay = canonicalRecord(c.tenantId, 'order', {
      sku: SKU_B,
      quantity: 2,
      status: 'cancelled',
      timestamp: '2026-11-28T10:00:00Z',
    });
    const promotion = canonicalRecord(c.tenantId, 'promotion', { sku: SKU_A });
    await applyLive([receivedEvent(order), receivedEvent(promotion), receivedEvent(otherDay)]);
    expect(await prisma.promotion.count({ where: { tenantId: c.tenantId } })).toBe(1);

    await applyLive([
      receivedEvent(canonicalRecord(c.tenantId, 'order', { sku: SKU_B, quantity: 8, status: 'cancelled' })),
      receivedEvent(canonicalRecord(c.tenantId, 'promotion', { sku: SKU_A, status: 'cancelled' })),
    ]);

    // The cancelled line of a day without demand lowers nothing and opens no day.
    const days = await prisma.dailyDemand.findMany({ where: { tenantId: c.tenantId } });
    expect(days.map((day) => [day.day.toISOString().slice(0, 10), day.ordered])).toEqual([['2026-11-27', 0]]);
    expect(await prisma.promotion.count({ where: { tenantId: c.tenantId } })).toBe(0);
  });

  it('copies the warnings a fallback-mode record carries into the ledger', async () => {
    const c = await catalog();
    const record = canonicalRecord(c.tenantId, 'receipt', { sku: SKU_A, location: 'DC-NORTH', quantity: 3 });
    const odd = 'ODD "CODE", WITH \\ AND {BRACES}';
    // As the ingestion package appends a record accepted in fallback mode: its warnings in the data.
    const warnings = [
      { field: 'measure.uom', code: 'UOM_NOT_BASE_UNIT', message: 'KGM, not EA' },
      { field: 'timestamp', code: odd, message: 'odd' },
    ];
    const accepted = { ...record, warnings };
    const event = receivedEvent(accepted);
    await applyLive([event]);

    const [movement] = await prisma.inventoryMovement.findMany({ where: { tenantId: c.tenantId } });
    expect(movement?.warnings).toEqual(['UOM_NOT_BASE_UNIT', odd]);
  });

  it('keeps tenants apart: the same SKU code of another tenant is unknown here', async () => {
    const mine = await catalog();
    const theirs = randomUUID();
    const foreign = canonicalRecord(theirs, 'receipt', { sku: SKU_A, location: 'DC-NORTH', quantity: 3 });
    const result = await applyLive([receivedEvent(foreign)]);
    expect(result.outcomes.get('UNKNOWN_SKU')).toHaveLength(1);
    expect(await onHand(mine, SKU_A, 'DC-NORTH')).toBeNull();
  });
});
