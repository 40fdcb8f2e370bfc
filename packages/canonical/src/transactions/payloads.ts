import { z } from 'zod';
import {
  boundedText,
  calendarDate,
  closedObject,
  identifier,
  integer,
  number,
  oneOf,
  pattern,
  utcTimestamp,
} from './fields';

/**
 * What each event type says beyond the envelope, under `payload`. Payloads are the same in every
 * published version so far; a version that changes one gets its own copy here.
 */
const carrierCode = pattern('carrier_code', /^[A-Z]{2,4}$/, 'a carrier SCAC code of 2–4 capital letters');
const currency = pattern('currency', /^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');
const sscc = pattern('sscc', /^\d{18}$/, 'an SSCC of 18 digits');

export const orderPayload = closedObject({
  order_id: identifier('order_id'),
  order_type: oneOf('order_type', ['purchase', 'sales', 'transfer']),
  line_number: integer('line_number', 1, 100_000),
  counterparty_id: identifier('counterparty_id').nullable(),
  requested_on: calendarDate('requested_on').nullable(),
  /** In minor units of `currency` (cents), never a float. */
  unit_price_minor: integer('unit_price_minor', 0).nullable(),
  currency: currency.nullable(),
});

export const receiptPayload = closedObject({
  receipt_id: identifier('receipt_id'),
  order_id: identifier('order_id').nullable(),
  location_id: identifier('location_id'),
  condition: oneOf('condition', ['good', 'damaged', 'rejected']),
});

export const asnPayload = closedObject({
  asn_id: identifier('asn_id'),
  order_id: identifier('order_id').nullable(),
  supplier_id: identifier('supplier_id'),
  expected_arrival_at: utcTimestamp('expected_arrival_at'),
  carrier_code: carrierCode.nullable(),
  sscc: sscc.nullable(),
});

export const inboundScanPayload = closedObject({
  location_id: identifier('location_id'),
  dock_door: identifier('dock_door').nullable(),
  scanned_code: boundedText('scanned_code', 256),
  symbology: oneOf('symbology', ['gs1_128', 'gs1_datamatrix', 'ean_13', 'upc_a', 'qr', 'rfid']),
  device_id: identifier('device_id').nullable(),
});

export const inventoryAdjustmentPayload = closedObject({
  location_id: identifier('location_id'),
  reason: oneOf('reason', ['damage', 'shrinkage', 'found', 'expiry', 'correction', 'return']),
  note: boundedText('note', 500).nullable(),
});

export const cycleCountPayload = closedObject({
  count_id: identifier('count_id'),
  location_id: identifier('location_id'),
  /** What the system held before the count; the envelope's quantity is what was counted. */
  expected_quantity: integer('expected_quantity', 0),
  counted_by: identifier('counted_by').nullable(),
});

export const shipmentMilestonePayload = closedObject({
  milestone: oneOf('milestone', [
    'booked',
    'picked_up',
    'departed',
    'arrived',
    'customs_cleared',
    'out_for_delivery',
    'delivered',
    'exception',
  ]),
  carrier_code: carrierCode,
  location_id: identifier('location_id').nullable(),
  planned_at: utcTimestamp('planned_at').nullable(),
  actual_at: utcTimestamp('actual_at'),
});

const gpsPosition = closedObject({
  kind: z.literal('gps_position'),
  device_id: identifier('device_id'),
  latitude: number('latitude', -90, 90),
  longitude: number('longitude', -180, 180),
  accuracy_m: number('accuracy_m', 0, 100_000).nullable(),
  speed_kmh: number('speed_kmh', 0, 1_500).nullable(),
  heading_deg: number('heading_deg', 0, 360).nullable(),
});

const rfidRead = closedObject({
  kind: z.literal('rfid_read'),
  reader_id: identifier('reader_id'),
  epc: pattern(
    'epc',
    /^urn:epc:id:[a-z]+:[A-Za-z0-9.*%:_-]+$/,
    'an EPC pure-identity URN such as urn:epc:id:sgtin:0614141.107346.2017',
  ),
  antenna: integer('antenna', 0, 64).nullable(),
  rssi_dbm: number('rssi_dbm', -127, 0).nullable(),
});

const carrierHeartbeat = closedObject({
  kind: z.literal('carrier_heartbeat'),
  carrier_code: carrierCode,
  device_id: identifier('device_id').nullable(),
  battery_pct: integer('battery_pct', 0, 100).nullable(),
});

export const trackingPingPayload = z.discriminatedUnion('kind', [gpsPosition, rfidRead, carrierHeartbeat], {
  error: 'payload.kind must be one of gps_position, rfid_read, carrier_heartbeat.',
});

export const promotionPayload = closedObject({
  promotion_id: identifier('promotion_id'),
  campaign_id: identifier('campaign_id').nullable(),
  channel: oneOf('channel', ['online', 'in_store', 'marketplace', 'social', 'email']),
  starts_on: calendarDate('starts_on'),
  ends_on: calendarDate('ends_on'),
  expected_uplift_pct: number('expected_uplift_pct', 0, 1_000),
});

export const marketingSignalPayload = closedObject({
  channel: oneOf('channel', ['social', 'search', 'email', 'web', 'marketplace']),
  platform: boundedText('platform', 64),
  signal: oneOf('signal', ['mention', 'impression', 'click', 'share', 'review']),
  count: integer('count', 0),
  /** -1 (negative) to 1 (positive), where the platform scores it. */
  sentiment: number('sentiment', -1, 1).nullable(),
  observed_from: utcTimestamp('observed_from'),
  observed_to: utcTimestamp('observed_to'),
});
