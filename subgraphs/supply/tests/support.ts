import { randomUUID } from 'node:crypto';
import { type CanonicalTransactionV2, canonicalTransactionV2 } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { createEvent, type EventEnvelope } from '@meridian/events';
import { TRANSACTION_RECEIVED } from '../src/services/ingested-transactions';

/** A tenant's catalog: SKUs and locations by code, as canonical records name them. */
export interface TestCatalog {
  tenantId: string;
  skus: Record<string, string>;
  locations: Record<string, string>;
}

export async function createCatalog(
  prisma: PrismaClient,
  skuCodes: string[],
  locations: Array<{ code: string; type: 'DC' | 'STORE' }>,
): Promise<TestCatalog> {
  const tenantId = randomUUID();
  const family = await prisma.skuFamily.create({ data: { tenantId, code: 'FAM', name: 'Family' } });
  const skus: Record<string, string> = {};
  for (const [index, code] of skuCodes.entries()) {
    const sku = await prisma.sku.create({
      data: { tenantId, code, gtin: `0000000000${index}`.slice(-14), name: code, familyId: family.id },
    });
    skus[code] = sku.id;
  }
  const locationIds: Record<string, string> = {};
  for (const { code, type } of locations) {
    const location = await prisma.location.create({
      data: { tenantId, code, name: code, type, region: 'EU' },
    });
    locationIds[code] = location.id;
  }
  return { tenantId, skus, locations: locationIds };
}

type Fields = Record<string, unknown>;

const payloads: Record<string, (fields: Fields) => Fields> = {
  receipt: (f) => ({
    measure: { quantity: f.quantity ?? 10, uom: 'EA' },
    payload: { receipt_id: 'R-1', order_id: null, location_id: f.location, condition: f.condition ?? 'good' },
  }),
  inventory_adjustment: (f) => ({
    measure: { quantity: f.quantity, uom: 'EA' },
    payload: { location_id: f.location, reason: 'correction', note: null },
  }),
  cycle_count: (f) => ({
    measure: { quantity: f.quantity, uom: 'EA' },
    payload: { count_id: 'C-1', location_id: f.location, expected_quantity: 0, counted_by: null },
  }),
  order: (f) => ({
    measure: { quantity: f.quantity, uom: 'EA' },
    payload: {
      order_id: 'SO-1',
      order_type: f.orderType ?? 'sales',
      line_number: 1,
      counterparty_id: null,
      requested_on: null,
      unit_price_minor: null,
      currency: null,
    },
  }),
  promotion: (f) => ({
    measure: null,
    payload: {
      promotion_id: f.promotion ?? 'PROMO-1',
      campaign_id: 'XMAS',
      channel: 'online',
      starts_on: '2026-12-01',
      ends_on: '2026-12-24',
      expected_uplift_pct: f.upliftPct ?? 20,
    },
  }),
  tracking_ping: (f) => ({
    sku_id: null,
    shipment_id: f.shipment ?? null,
    measure: null,
    payload: {
      kind: 'gps_position',
      device_id: 'GPS-1',
      latitude: f.latitude ?? 52.5,
      longitude: f.longitude ?? 13.4,
      accuracy_m: null,
      speed_kmh: null,
      heading_deg: null,
    },
  }),
};

/** A valid canonical 2.0.0 record (parsed, so tests only send what the ingest would accept). */
export function canonicalRecord(
  tenantId: string,
  eventType: string,
  fields: Fields & { sku?: string; status?: string; transactionId?: string; timestamp?: string } = {},
): CanonicalTransactionV2 {
  return canonicalTransactionV2.parse({
    version: '2.0.0',
    transaction_id: fields.transactionId ?? randomUUID(),
    correlation_id: fields.correlationId ?? 'corr-test',
    source_system: 'wms',
    timestamp: fields.timestamp ?? '2026-11-27T10:00:00Z',
    status: fields.status ?? 'active',
    tenant_id: tenantId,
    idempotency_key: randomUUID(),
    lot: null,
    sku_id: fields.sku ?? null,
    shipment_id: null,
    event_type: eventType,
    ...payloads[eventType]!(fields),
  });
}

/** The event apps/ingest appends for a record; a fresh event id unless given. */
export function receivedEvent(
  record: {
    tenant_id: string;
    transaction_id: string;
    correlation_id: string;
    sku_id?: string | null;
    shipment_id?: string | null;
  },
  id: string = randomUUID(),
): EventEnvelope {
  return createEvent({
    id,
    source: 'meridian/ingest/wms',
    type: TRANSACTION_RECEIVED,
    tenantId: record.tenant_id,
    partitionKey: record.sku_id ?? record.shipment_id ?? record.transaction_id,
    correlationId: record.correlation_id,
    data: record,
  });
}

export const SKU_A = 'SKUA0001';
export const SKU_B = 'SKUB0002';

/** Two SKUs, two DCs and a store: the catalog most ingestion tests need. */
export function twoSkuCatalog(prisma: PrismaClient) {
  return createCatalog(
    prisma,
    [SKU_A, SKU_B],
    [
      { code: 'DC-NORTH', type: 'DC' },
      { code: 'DC-EAST', type: 'DC' },
      { code: 'STORE-1', type: 'STORE' },
    ],
  );
}

/** On hand of a SKU at a location, or null when no position exists. */
export function onHandAt(prisma: PrismaClient, c: TestCatalog, sku: string, location: string) {
  return prisma.inventoryPosition
    .findUnique({
      where: {
        tenantId_skuId_locationId: {
          tenantId: c.tenantId,
          skuId: c.skus[sku]!,
          locationId: c.locations[location]!,
        },
      },
    })
    .then((position) => position?.onHand ?? null);
}
