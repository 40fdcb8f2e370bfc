import { isValidGtin } from '@meridian/canonical';
import { describe, expect, test } from 'vitest';
import { demoDcId, demoTenant } from './demo';
import { buildDemoWorld, slaHoursBySeverity } from './world';

const today = new Date('2026-03-18T00:00:00Z');
const world = buildDemoWorld(today);
const dayMs = 24 * 60 * 60 * 1000;
const time = (value: Date | string | null | undefined) => new Date(value!).getTime();
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: number[]) => sum(values) / values.length;

describe('buildDemoWorld', () => {
  test('is deterministic for a day, whatever the time of day', () => {
    expect(buildDemoWorld(new Date('2026-03-18T17:45:00Z'))).toEqual(world);
    expect(buildDemoWorld(new Date('2026-03-19T00:00:00Z')).dailyDemand).not.toEqual(world.dailyDemand);
  });

  test('has one high-volume SKU family of at least 40 SKUs with valid codes and GTIN-13s', () => {
    expect(world.skus.length).toBeGreaterThanOrEqual(40);
    for (const sku of world.skus) {
      expect(sku.code).toMatch(/^[A-Z0-9]{8}$/);
      expect(sku.gtin).toHaveLength(13);
      expect(isValidGtin(sku.gtin)).toBe(true);
      expect(sku.familyId).toBe(world.skuFamily.id);
    }
    expect(new Set(world.skus.map((sku) => sku.gtin)).size).toBe(world.skus.length);
    expect(new Set(world.skus.map((sku) => sku.code)).size).toBe(world.skus.length);
  });

  test('keeps at least 90 days of demand per SKU, ending yesterday, with a weekend dip', () => {
    for (const sku of world.skus) {
      const days = world.dailyDemand.filter((row) => row.skuId === sku.id).map((row) => time(row.day));
      expect(days.length).toBeGreaterThanOrEqual(90);
      expect(Math.max(...days)).toBe(today.getTime() - dayMs);
    }
    const byWeekday = (weekdays: number[]) =>
      mean(
        world.dailyDemand
          .filter((row) => weekdays.includes(new Date(row.day).getUTCDay()))
          .map((row) => row.ordered),
      );
    expect(byWeekday([0, 6])).toBeLessThan(byWeekday([1, 2, 3, 4, 5]) * 0.8);
  });

  test('fills 95-98 % of ordered units', () => {
    const fillRate =
      sum(world.dailyDemand.map((row) => row.shipped)) / sum(world.dailyDemand.map((row) => row.ordered));
    expect(fillRate).toBeGreaterThan(0.95);
    expect(fillRate).toBeLessThan(0.98);
    expect(world.dailyDemand.every((row) => row.shipped <= row.ordered)).toBe(true);
  });

  test('shows the past promotion as uplift on its SKUs and days', () => {
    const { promotion } = world;
    expect(time(promotion.endsOn)).toBeLessThan(today.getTime());
    const promoted = world.dailyDemand.filter((row) => promotion.skuIds.includes(row.skuId));
    const during = promoted.filter((row) => row.promotionId === promotion.id);
    expect(during.length).toBe(promotion.skuIds.length * 10);
    for (const row of during) {
      expect(time(row.day)).toBeGreaterThanOrEqual(time(promotion.startsOn));
      expect(time(row.day)).toBeLessThanOrEqual(time(promotion.endsOn));
    }
    // Compare with the same SKUs over the four weeks before the promotion.
    const before = promoted.filter(
      (row) =>
        time(row.day) < time(promotion.startsOn) && time(row.day) >= time(promotion.startsOn) - 28 * dayMs,
    );
    expect(mean(during.map((row) => row.ordered))).toBeGreaterThan(
      mean(before.map((row) => row.ordered)) * 1.25,
    );
    expect(
      world.dailyDemand.filter((row) => row.promotionId !== null && !promotion.skuIds.includes(row.skuId)),
    ).toEqual([]);
  });

  test('delivered 85-92 % of the last 30 days of shipments on time', () => {
    const delivered = world.shipments.filter((shipment) => shipment.status === 'DELIVERED');
    expect(delivered.length).toBeGreaterThanOrEqual(20);
    for (const shipment of delivered) {
      expect(time(shipment.actualArrival)).toBeGreaterThan(today.getTime() - 31 * dayMs);
      expect(time(shipment.actualArrival)).toBeLessThanOrEqual(today.getTime());
    }
    const onTime = delivered.filter(
      (shipment) => time(shipment.actualArrival) <= time(shipment.plannedArrival),
    );
    expect(onTime.length / delivered.length).toBeGreaterThanOrEqual(0.85);
    expect(onTime.length / delivered.length).toBeLessThanOrEqual(0.92);
  });

  test('has open inbound shipments with lines, a couple already overdue, matching inTransit', () => {
    const open = world.shipments.filter(
      (shipment) => shipment.status === 'PLANNED' || shipment.status === 'IN_TRANSIT',
    );
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(
      open.every(
        (shipment) => shipment.direction === 'INBOUND' && shipment.destinationLocationId === demoDcId,
      ),
    ).toBe(true);
    const overdue = open.filter(
      (shipment) => shipment.status === 'IN_TRANSIT' && time(shipment.plannedArrival) < today.getTime(),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    for (const shipment of world.shipments) {
      expect(time(shipment.plannedDeparture)).toBeLessThan(time(shipment.plannedArrival));
      expect(world.shipmentLines.some((line) => line.shipmentId === shipment.id)).toBe(true);
    }
    const openIds = new Set(open.map((shipment) => shipment.id));
    for (const position of world.inventoryPositions) {
      const inbound = world.shipmentLines.filter(
        (line) => openIds.has(line.shipmentId) && line.skuId === position.skuId,
      );
      expect(position.inTransit).toBe(sum(inbound.map((line) => line.quantity)));
    }
  });

  test('stocks every SKU at the DC, a few of them below safety stock', () => {
    expect(world.inventoryPositions).toHaveLength(world.skus.length);
    expect(world.inventoryPositions.every((position) => position.locationId === demoDcId)).toBe(true);
    const atRisk = world.inventoryPositions.filter((position) => position.onHand < position.safetyStock!);
    expect(atRisk.length).toBeGreaterThanOrEqual(3);
    expect(atRisk.length).toBeLessThanOrEqual(10);
    expect(
      world.inventoryPositions.every(
        (position) => position.reorderPoint! > position.safetyStock! && position.safetyStock! > 0,
      ),
    ).toBe(true);
  });

  test('raises open exceptions of every severity with SLAs of 4/24/48/72 h', () => {
    for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const) {
      const ofSeverity = world.exceptions.filter((exception) => exception.severity === severity);
      expect(ofSeverity.length).toBeGreaterThanOrEqual(2);
      for (const exception of ofSeverity) {
        expect(exception.status).toBe('OPEN');
        expect(time(exception.slaDueAt) - time(exception.raisedAt)).toBe(
          slaHoursBySeverity[severity] * 60 * 60 * 1000,
        );
      }
    }
    const skuIds = new Set(world.skus.map((sku) => sku.id));
    const shipmentIds = new Set(world.shipments.map((shipment) => shipment.id));
    expect(
      world.exceptions.filter((exception) => exception.skuId && skuIds.has(exception.skuId)).length,
    ).toBeGreaterThan(1);
    expect(
      world.exceptions.filter((exception) => exception.shipmentId && shipmentIds.has(exception.shipmentId))
        .length,
    ).toBeGreaterThan(1);
  });

  test('belongs entirely to the demo tenant', () => {
    const tenantRows = [
      ...world.users,
      ...world.locations,
      ...world.suppliers,
      ...world.skus,
      ...world.carriers,
      ...world.inventoryPositions,
      ...world.dailyDemand,
      ...world.shipments,
      ...world.exceptions,
    ];
    expect(tenantRows.every((row) => row.tenantId === demoTenant.id)).toBe(true);
  });
});
