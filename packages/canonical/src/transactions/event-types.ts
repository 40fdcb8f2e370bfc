import { z } from 'zod';
import { identifier, integer, pattern, utcTimestamp, uuid } from './fields';
import {
  asnPayload,
  cycleCountPayload,
  inboundScanPayload,
  inventoryAdjustmentPayload,
  marketingSignalPayload,
  orderPayload,
  promotionPayload,
  receiptPayload,
  shipmentMilestonePayload,
  trackingPingPayload,
} from './payloads';

/**
 * The parts of a canonical transaction that every schema version shares: the envelope fields and, per
 * event type, which references it needs, its payload and what its quantity means. A version file
 * (v1.ts, v2.ts) adds the fields it lays out its own way (version, lot, quantity and unit).
 */
export const EVENT_TYPES = [
  'order',
  'receipt',
  'asn',
  'inbound_scan',
  'inventory_adjustment',
  'cycle_count',
  'shipment_milestone',
  'tracking_ping',
  'promotion',
  'marketing_signal',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const envelope = {
  transaction_id: uuid('transaction_id').describe('Unique id of this transaction, chosen by the sender.'),
  correlation_id: pattern(
    'correlation_id',
    /^[\x21-\x7E]{1,128}$/,
    '1–128 printable ASCII characters without spaces',
  ).describe('Ties together every transaction caused by one business event, across systems.'),
  source_system: pattern(
    'source_system',
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'a lower-case system name of up to 64 characters such as sap-erp',
  ).describe('The system that produced the transaction.'),
  timestamp: utcTimestamp('timestamp').describe('When it happened at the source, ISO 8601 UTC.'),
  status: z
    .enum(['active', 'corrected', 'cancelled'], {
      error: 'status must be one of active, corrected, cancelled.',
    })
    .describe(
      'active as sent; corrected supersedes an earlier transaction with the same id; cancelled voids it.',
    ),
  tenant_id: uuid('tenant_id').describe('The tenant the data belongs to.'),
  idempotency_key: pattern(
    'idempotency_key',
    /^[\x21-\x7E]{1,255}$/,
    '1–255 printable ASCII characters without spaces',
  ).describe('A retried write carries the same key; it is applied once.'),
};

const skuId = identifier('sku_id').describe("The SKU's code in the tenant's catalog.");
const shipmentId = identifier('shipment_id').describe('The shipment reference.');
const noSku = skuId.nullable();
const optionalShipment = shipmentId.nullable();

/** Per event type: its discriminator, references and payload (spread into each version's member). */
export const eventParts = {
  order: {
    event_type: z.literal('order'),
    sku_id: skuId,
    shipment_id: optionalShipment,
    payload: orderPayload,
  },
  receipt: {
    event_type: z.literal('receipt'),
    sku_id: skuId,
    shipment_id: optionalShipment,
    payload: receiptPayload,
  },
  asn: { event_type: z.literal('asn'), sku_id: skuId, shipment_id: optionalShipment, payload: asnPayload },
  inbound_scan: {
    event_type: z.literal('inbound_scan'),
    sku_id: skuId,
    shipment_id: optionalShipment,
    payload: inboundScanPayload,
  },
  inventory_adjustment: {
    event_type: z.literal('inventory_adjustment'),
    sku_id: skuId,
    shipment_id: optionalShipment,
    payload: inventoryAdjustmentPayload,
  },
  cycle_count: {
    event_type: z.literal('cycle_count'),
    sku_id: skuId,
    shipment_id: optionalShipment,
    payload: cycleCountPayload,
  },
  shipment_milestone: {
    event_type: z.literal('shipment_milestone'),
    sku_id: noSku,
    shipment_id: shipmentId,
    payload: shipmentMilestonePayload,
  },
  tracking_ping: {
    event_type: z.literal('tracking_ping'),
    sku_id: noSku,
    shipment_id: optionalShipment,
    payload: trackingPingPayload,
  },
  promotion: {
    event_type: z.literal('promotion'),
    sku_id: skuId,
    shipment_id: optionalShipment,
    payload: promotionPayload,
  },
  marketing_signal: {
    event_type: z.literal('marketing_signal'),
    sku_id: noSku,
    shipment_id: optionalShipment,
    payload: marketingSignalPayload,
  },
} satisfies Record<EventType, { event_type: z.ZodLiteral<EventType>; [field: string]: z.ZodType }>;

/** Quantities are integers in the SKU's base unit; what a valid one is depends on the event type. */
export const quantities = {
  /** Ordered, received, announced or scanned units. */
  moved: integer('quantity', 1).describe('Units in the base unit, at least 1.'),
  /** An adjustment is the signed change to stock on hand. */
  change: integer('quantity', Number.MIN_SAFE_INTEGER).describe('Signed change in the base unit.'),
  /** A cycle count is what was found, possibly nothing. */
  counted: integer('quantity', 0).describe('Units counted, in the base unit.'),
};

/** Event types that carry no quantity state so explicitly (null), rather than by leaving the key out. */
export const noQuantity = (field: string) =>
  z.null({ error: `${field} must be null: this event type carries no quantity.` });
