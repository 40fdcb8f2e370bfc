import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import type { EventEnvelope } from '@meridian/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleIngestedBatch, SUPPLY_INGEST_CONSUMER } from '../src/consumers/ingested-transactions';
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

function inboxOf(events: EventEnvelope[]) {
  return prisma.inbox.findMany({
    where: { consumer: SUPPLY_INGEST_CONSUMER, eventId: { in: events.map((event) => event.id) } },
  });
}

describe('handleIngestedBatch', () => {
  it('applies a mixed batch once, even when the same batch is handed over twice', async () => {
    const c = await catalog();
    const record = (type: string, fields: Record<string, unknown>) =>
      canonicalRecord(c.tenantId, type, fields);
    const events = [
      record('receipt', { sku: SKU_A, location: 'DC-NORTH', quantity: 40 }),
      record('receipt', { sku: SKU_A, location: 'STORE-1', quantity: 5, condition: 'damaged' }),
      record('inventory_adjustment', { sku: SKU_A, location: 'DC-NORTH', quantity: -15 }),
      record('cycle_count', { sku: SKU_B, location: 'STORE-1', quantity: 7 }),
      record('order', { sku: SKU_B, quantity: 3, timestamp: '2026-11-27T23:30:00Z' }),
      record('order', { sku: SKU_B, quantity: 2, timestamp: '2026-11-27T01:00:00Z' }),
      record('order', { sku: SKU_B, quantity: 9, orderType: 'purchase' }),
      record('promotion', { sku: SKU_A, upliftPct: 35 }),
      record('tracking_ping', {}),
      record('receipt', { sku: 'NOSUCHSKU', location: 'DC-NORTH', quantity: 1 }),
      record('receipt', { sku: SKU_A, location: 'NOWHERE', quantity: 1 }),
    ].map((r) => receivedEvent(r));

    const first = await handleIngestedBatch(prisma, events, { retryCount: 0 });
    const second = await handleIngestedBatch(prisma, events, { retryCount: 1 });

    expect(first).toEqual({ applied: events.length, changedPositions: 2 });
    expect(second).toEqual({ applied: 0, changedPositions: 0 });
    expect(await onHand(c, SKU_A, 'DC-NORTH')).toBe(25);
    // The damaged receipt is on record, but it stocked nothing, so no position was opened for it.
    expect(await onHand(c, SKU_A, 'STORE-1')).toBeNull();
    expect(await onHand(c, SKU_B, 'STORE-1')).toBe(7);

    const movements = await prisma.inventoryMovement.findMany({
      where: { tenantId: c.tenantId },
      orderBy: { quantity: 'asc' },
    });
    expect(movements.map((m) => [m.kind, m.quantity])).toEqual([
      ['inventory_adjustment', -15],
      ['receipt', 0],
      ['cycle_count', 7],
      ['receipt', 40],
    ]);
    expect(movements[3]).toMatchObject({
      transactionId: (events[0]!.data as { transaction_id: string }).transaction_id,
      skuId: c.skus[SKU_A],
      locationId: c.locations['DC-NORTH'],
      occurredAt: new Date('2026-11-27T10:00:00Z'),
      sourceSystem: 'wms',
      correlationId: 'corr-test',
      warnings: [],
    });

    // Sales orders book on the UTC day at the DC with the lowest code (DC-EAST), purchases don't.
    const demand = await prisma.dailyDemand.findMany({ where: { tenantId: c.tenantId } });
    expect(demand).toEqual([
      expect.objectContaining({
        skuId: c.skus[SKU_B],
        locationId: c.locations['DC-EAST'],
        day: new Date('2026-11-27T00:00:00Z'),
        ordered: 5,
        shipped: 0,
      }),
    ]);
    const promotions = await prisma.promotion.findMany({ where: { tenantId: c.tenantId } });
    expect(promotions).toHaveLength(1);
    expect(promotions[0]).toMatchObject({ campaign: 'XMAS', channel: 'online', skuIds: [c.skus[SKU_A]] });
    expect(promotions[0]!.expectedUplift.toString()).toBe('0.35');

    const inbox = await inboxOf(events);
    expect(inbox).toHaveLength(events.length);
    const outcomeOf = (index: number) => inbox.find((row) => row.eventId === events[index]!.id)?.errorCode;
    expect([outcomeOf(0), outcomeOf(6), outcomeOf(8), outcomeOf(9), outcomeOf(10)]).toEqual([
      null,
      'NOT_APPLICABLE',
      'NOT_APPLICABLE',
      'UNKNOWN_SKU',
      'UNKNOWN_LOCATION',
    ]);
    expect(inbox.every((row) => row.retryCount === 0)).toBe(true);
  });

  it('fails a batch holding an event it can never apply, writing nothing, so the backbone dead-letters it', async () => {
    const c = await catalog();
    const good = receivedEvent(
      canonicalRecord(c.tenantId, 'receipt', { sku: SKU_A, location: 'DC-NORTH', quantity: 10 }),
    );
    const poison = receivedEvent(
      canonicalRecord(c.tenantId, 'receipt', { sku: SKU_A, location: 'DC-NORTH', quantity: 2 ** 40 }),
    );

    await expect(handleIngestedBatch(prisma, [good, poison], { retryCount: 0 })).rejects.toMatchObject({
      code: 'EVENT_UNPROCESSABLE',
      details: { outcome: 'QUANTITY_OUT_OF_RANGE' },
    });
    expect(await inboxOf([good, poison])).toEqual([]);
    expect(await onHand(c, SKU_A, 'DC-NORTH')).toBeNull();

    await handleIngestedBatch(prisma, [good], { retryCount: 1 });
    expect(await onHand(c, SKU_A, 'DC-NORTH')).toBe(10);
  });

  it('appends one position-changed event per changed position and the KPI, in the same transaction', async () => {
    const c = await catalog();
    await prisma.inventoryPosition.create({
      data: {
        tenantId: c.tenantId,
        skuId: c.skus[SKU_A]!,
        locationId: c.locations['DC-NORTH']!,
        onHand: 50,
        reorderPoint: 20,
      },
    });
    const events = [
      canonicalRecord(c.tenantId, 'inventory_adjustment', {
        sku: SKU_A,
        location: 'DC-NORTH',
        quantity: -20,
      }),
      canonicalRecord(c.tenantId, 'inventory_adjustment', {
        sku: SKU_A,
        location: 'DC-NORTH',
        quantity: -15,
      }),
      canonicalRecord(c.tenantId, 'receipt', { sku: SKU_B, location: 'DC-NORTH', quantity: 100 }),
      // A count that finds what is on hand changes nothing, so it tells nobody.
      canonicalRecord(c.tenantId, 'cycle_count', { sku: SKU_A, location: 'STORE-1', quantity: 0 }),
    ].map((r) => receivedEvent(r));

    await handleIngestedBatch(prisma, events, { retryCount: 0 });

    const outbox = await prisma.eventLog.findMany({
      where: { tenantId: c.tenantId },
      orderBy: { seq: 'asc' },
    });
    expect(outbox.map((row) => row.type)).toEqual([
      'supply.inventory_position_changed',
      'supply.inventory_position_changed',
      'supply.kpi_updated',
    ]);
    const changes = outbox.slice(0, 2).map((row) => (row.envelope as { data: Record<string, unknown> }).data);
    expect(changes).toContainEqual(
      expect.objectContaining({
        skuId: c.skus[SKU_A],
        onHand: 15,
        reorderPoint: 20,
        atStockoutRisk: true,
        reason: 'ingested inventory adjustment',
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        skuId: c.skus[SKU_B],
        onHand: 100,
        atStockoutRisk: false,
        reason: 'ingested receipt',
      }),
    );
    expect((outbox[2]!.envelope as { data: { value: number } }).data.value).toBe(1);

    // No position went into or out of risk: the positions are told, the KPI (a count over all) is not.
    await handleIngestedBatch(
      prisma,
      [
        receivedEvent(
          canonicalRecord(c.tenantId, 'receipt', { sku: SKU_B, location: 'DC-NORTH', quantity: 5 }),
        ),
      ],
      { retryCount: 0 },
    );
    const later = await prisma.eventLog.findMany({
      where: { tenantId: c.tenantId, seq: { gt: outbox[2]!.seq } },
    });
    expect(later.map((row) => row.type)).toEqual(['supply.inventory_position_changed']);
  });
});
