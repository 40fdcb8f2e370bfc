import { createHash } from 'node:crypto';
import { type CanonicalTransactionV2, UOM_CODES } from '@meridian/canonical';
import { type EpcisEvent, epcisEvent, type QuantityElement } from './document';
import { type Gs1Key, type IdentifierReason, parseGs1Key } from './identifiers';
import { CBV_BIZ_STEPS, cbvWord } from './vocabulary';

/** Why an event maps to no canonical transaction; the README lists what each one asks the sender to fix. */
export type EventErrorReason =
  | IdentifierReason
  | 'EVENT_INVALID'
  | 'BIZ_STEP_UNKNOWN'
  | 'BIZ_STEP_NOT_MAPPED'
  | 'EVENT_NOT_MAPPED'
  | 'NO_TRADE_ITEM'
  | 'QUANTITY_NOT_INTEGER'
  | 'UOM_UNKNOWN'
  | 'LOCATION_REQUIRED'
  | 'SHIPMENT_REQUIRED'
  | 'CARRIER_REQUIRED'
  | 'EXPECTED_QUANTITY_REQUIRED'
  | 'EPC_URN_REQUIRED'
  | 'CANONICAL_INVALID';

export interface EventError {
  index: number;
  eventID: string | null;
  reason: EventErrorReason;
  message: string;
}

export type MappedEvent =
  | { ok: true; index: number; eventID: string | null; transactions: CanonicalTransactionV2[] }
  | ({ ok: false } & EventError);

export const EPCIS_SOURCE_SYSTEM = 'epcis';
/** Extension fields (in the event, JSON-LD prefix `meridian:`) for what the canonical model needs and EPCIS lacks. */
export const CARRIER_FIELD = 'meridian:carrierCode';
export const EXPECTED_QUANTITY_FIELD = 'meridian:expectedQuantity';

const uomCodes = new Set<string>(UOM_CODES);
const milestoneByStep: Record<string, 'departed' | 'arrived'> = {
  shipping: 'departed',
  departing: 'departed',
  arriving: 'arrived',
};
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

class Unmappable extends Error {
  constructor(
    readonly reason: EventErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** Keys sorted at every level: the same event hashes the same however its sender ordered the fields. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A UUID (version 8, name-based) from the tenant, the event and the transaction's place in it: a re-sent
 * event gets the same transaction ids, so the backbone's dedup by id appends it once. An event without
 * eventID is named by the hash of its content.
 */
function transactionIdOf(tenantId: string, eventKey: string, position: number): string {
  const bytes = createHash('sha256').update(`${tenantId}\u0000${eventKey}\u0000${position}`).digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function keyOf(uri: string): Gs1Key {
  const parsed = parseGs1Key(uri);
  if (!parsed.ok) throw new Unmappable(parsed.reason, parsed.message);
  return parsed.key;
}

/** A trade item line: one GTIN (and lot) in one unit, with the instances that made it up. */
interface ItemLine {
  gtin: string;
  lot: string | null;
  uom: string;
  quantity: number;
  instances: Extract<Gs1Key, { kind: 'trade_item' }>[];
}

function itemLines(epcList: string[], quantityList: QuantityElement[]) {
  const lines = new Map<string, ItemLine>();
  const ssccs: string[] = [];
  const add = (key: Gs1Key, quantity: number, uom: string) => {
    if (key.kind === 'sscc') ssccs.push(key.sscc);
    if (key.kind !== 'trade_item') return;
    const id = `${key.gtin}\u0000${key.lot ?? ''}\u0000${uom}`;
    const line = lines.get(id) ?? { gtin: key.gtin, lot: key.lot, uom, quantity: 0, instances: [] };
    line.quantity += quantity;
    if (key.serial !== null) line.instances.push(key);
    lines.set(id, line);
  };
  for (const epc of epcList) add(keyOf(epc), 1, 'EA');
  for (const element of quantityList) {
    if (!Number.isInteger(element.quantity)) {
      throw new Unmappable(
        'QUANTITY_NOT_INTEGER',
        `quantity ${element.quantity} of ${element.epcClass} is not whole; send it in a smaller unit (e.g. GRM for KGM).`,
      );
    }
    const uom = element.uom ?? 'EA';
    if (!uomCodes.has(uom)) {
      throw new Unmappable(
        'UOM_UNKNOWN',
        `uom ${uom} is not a supported UN/CEFACT Rec 20 code (see /schemas).`,
      );
    }
    add(keyOf(element.epcClass), element.quantity, uom);
  }
  return { lines: [...lines.values()], ssccs };
}

function locationIdOf(place: { id: string } | undefined): string | null {
  if (!place) return null;
  if (place.id.startsWith('urn:epc:') || /^https?:/.test(place.id)) {
    const key = keyOf(place.id);
    if (key.kind === 'location') return key.extension ? `${key.gln}.${key.extension}` : key.gln;
  }
  if (IDENTIFIER.test(place.id)) return place.id;
  throw new Unmappable(
    'LOCATION_REQUIRED',
    `${place.id} is not an SGLN, a GLN Digital Link or a location code.`,
  );
}

function requireLocation(event: EpcisEvent): string {
  const location = locationIdOf(event.bizLocation) ?? locationIdOf(event.readPoint);
  if (!location) {
    throw new Unmappable(
      'LOCATION_REQUIRED',
      'Give the event a bizLocation (or readPoint): an SGLN or a GLN.',
    );
  }
  return location;
}

/** The last segment of a business transaction reference (`urn:epcglobal:cbv:bt:0614141000005:PO-1`, a URL). */
function bizTransactionOf(event: EpcisEvent, ...types: string[]): string | null {
  for (const type of types) {
    const found = event.bizTransactionList?.find((item) => item.type && cbvWord('btt', item.type) === type);
    const reference = found?.bizTransaction.split(/[:/]/).filter(Boolean).at(-1);
    if (reference && IDENTIFIER.test(reference)) return reference;
  }
  return null;
}

function toUtc(eventTime: string): string {
  return new Date(eventTime).toISOString().replace('.000Z', 'Z');
}

function expiryOf(event: EpcisEvent): string | null {
  const entry = Object.entries(event.ilmd ?? {}).find(([key]) => key.endsWith('itemExpirationDate'));
  const value = entry?.[1];
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function mapEvent(event: EpcisEvent, raw: unknown, tenantId: string): CanonicalTransactionV2[] {
  const eventKey = event.eventID ?? `sha256:${createHash('sha256').update(stableJson(raw)).digest('hex')}`;
  const timestamp = toUtc(event.eventTime);
  let position = 0;
  const envelope = (lot: string | null) => {
    const transactionId = transactionIdOf(tenantId, eventKey, position++);
    const poReference = event.bizTransactionList?.[0]?.bizTransaction;
    return {
      transaction_id: transactionId,
      // One business event, one correlation: the first business transaction, else the event itself.
      correlation_id:
        poReference && /^[\x21-\x7E]{1,128}$/.test(poReference)
          ? poReference
          : `epcis:${createHash('sha256').update(eventKey).digest('hex').slice(0, 32)}`,
      source_system: EPCIS_SOURCE_SYSTEM,
      timestamp,
      version: '2.0.0',
      status: 'active' as const,
      tenant_id: tenantId,
      idempotency_key: transactionId,
      lot: lot === null ? null : { id: lot, expires_on: expiryOf(event) },
    };
  };

  if (event.type === 'TransformationEvent') {
    const location = requireLocation(event);
    const inputs = itemLines(event.inputEPCList ?? [], event.inputQuantityList ?? []).lines;
    const outputs = itemLines(event.outputEPCList ?? [], event.outputQuantityList ?? []).lines;
    if (inputs.length + outputs.length === 0) {
      throw new Unmappable('NO_TRADE_ITEM', 'The transformation names no trade item (SGTIN, LGTIN or GTIN).');
    }
    const adjustment = (line: ItemLine, sign: 1 | -1): CanonicalTransactionV2 => ({
      ...envelope(line.lot),
      event_type: 'inventory_adjustment',
      sku_id: line.gtin,
      shipment_id: null,
      measure: { quantity: sign * line.quantity, uom: line.uom },
      payload: {
        location_id: location,
        reason: 'correction',
        note: `EPCIS transformation ${sign < 0 ? 'input consumed' : 'output produced'}`,
      },
    });
    return [...inputs.map((line) => adjustment(line, -1)), ...outputs.map((line) => adjustment(line, 1))];
  }

  const { lines, ssccs } = itemLines(
    [...(event.epcList ?? []), ...(event.childEPCs ?? [])],
    [...(event.quantityList ?? []), ...(event.childQuantityList ?? [])],
  );
  if (event.parentID) {
    const parent = keyOf(event.parentID);
    if (parent.kind === 'sscc') ssccs.unshift(parent.sscc);
  }
  const requireLines = () => {
    if (lines.length === 0) {
      throw new Unmappable('NO_TRADE_ITEM', 'The event names no trade item (SGTIN, LGTIN or GTIN) to count.');
    }
    return lines;
  };
  const step = event.bizStep === undefined ? null : cbvWord('bizstep', event.bizStep);

  if (step === 'receiving' || step === 'accepting') {
    const location = requireLocation(event);
    const disposition = event.disposition === undefined ? null : cbvWord('disp', event.disposition);
    return requireLines().map((line) => {
      const base = envelope(line.lot);
      return {
        ...base,
        event_type: 'receipt',
        sku_id: line.gtin,
        shipment_id: bizTransactionOf(event, 'bol', 'desadv') ?? ssccs[0] ?? null,
        measure: { quantity: line.quantity, uom: line.uom },
        payload: {
          receipt_id: bizTransactionOf(event, 'recadv') ?? base.transaction_id,
          order_id: bizTransactionOf(event, 'po'),
          location_id: location,
          condition: disposition === 'damaged' ? 'damaged' : 'good',
        },
      };
    });
  }

  if (step !== null && step in milestoneByStep) {
    const shipmentId = bizTransactionOf(event, 'bol', 'desadv') ?? ssccs[0];
    if (!shipmentId) {
      throw new Unmappable(
        'SHIPMENT_REQUIRED',
        'Name the shipment: a bol or desadv business transaction, or an SSCC as parentID or in epcList.',
      );
    }
    const carrier = (event as Record<string, unknown>)[CARRIER_FIELD];
    if (typeof carrier !== 'string') {
      throw new Unmappable(
        'CARRIER_REQUIRED',
        `Add the carrier's SCAC code as "${CARRIER_FIELD}" to the event.`,
      );
    }
    return [
      {
        ...envelope(null),
        event_type: 'shipment_milestone',
        sku_id: null,
        shipment_id: shipmentId,
        measure: null,
        payload: {
          milestone: milestoneByStep[step] ?? 'departed',
          carrier_code: carrier,
          location_id: locationIdOf(event.bizLocation) ?? locationIdOf(event.readPoint),
          planned_at: null,
          actual_at: timestamp,
        },
      },
    ];
  }

  if (step === 'cycle_counting' || step === 'stock_taking') {
    const location = requireLocation(event);
    const counted = requireLines();
    const expected = (event as Record<string, unknown>)[EXPECTED_QUANTITY_FIELD];
    if (counted.length !== 1 || typeof expected !== 'number' || !Number.isInteger(expected) || expected < 0) {
      throw new Unmappable(
        'EXPECTED_QUANTITY_REQUIRED',
        `A count maps to one canonical cycle count: count one trade item per event and add the quantity the system expected as "${EXPECTED_QUANTITY_FIELD}".`,
      );
    }
    return counted.map((line) => {
      const base = envelope(line.lot);
      return {
        ...base,
        event_type: 'cycle_count',
        sku_id: line.gtin,
        shipment_id: null,
        measure: { quantity: line.quantity, uom: line.uom },
        payload: {
          count_id: base.transaction_id,
          location_id: location,
          expected_quantity: expected,
          counted_by: null,
        },
      };
    });
  }

  if (step !== null) {
    if (CBV_BIZ_STEPS.has(step)) {
      throw new Unmappable(
        'BIZ_STEP_NOT_MAPPED',
        `bizStep ${step} has no canonical transaction yet; mapped steps: receiving, accepting, shipping, departing, arriving, cycle_counting, stock_taking.`,
      );
    }
    throw new Unmappable('BIZ_STEP_UNKNOWN', `bizStep ${event.bizStep} is not a CBV 2.0 business step.`);
  }

  // No business step: a plain read (RFID reader), or a purchase order placed.
  if (event.action === 'OBSERVE' && event.type !== 'TransactionEvent') {
    const reader = locationIdOf(event.readPoint);
    const instances = lines.flatMap((line) => line.instances);
    if (!reader || instances.length === 0) {
      throw new Unmappable(
        'EVENT_NOT_MAPPED',
        'A read without bizStep maps to RFID reads: give a readPoint and serialised EPCs (SGTIN).',
      );
    }
    return instances.map((instance) => {
      if (instance.form !== 'epc_urn') {
        throw new Unmappable(
          'EPC_URN_REQUIRED',
          `An RFID read carries the tag's EPC URN, not ${instance.uri}.`,
        );
      }
      return {
        ...envelope(null),
        event_type: 'tracking_ping',
        sku_id: instance.gtin,
        shipment_id: null,
        measure: null,
        payload: { kind: 'rfid_read', reader_id: reader, epc: instance.uri, antenna: null, rssi_dbm: null },
      };
    });
  }
  const orderId = bizTransactionOf(event, 'po');
  if (event.type === 'TransactionEvent' && event.action === 'ADD' && orderId) {
    return requireLines().map((line, lineIndex) => ({
      ...envelope(line.lot),
      event_type: 'order',
      sku_id: line.gtin,
      shipment_id: null,
      measure: { quantity: line.quantity, uom: line.uom },
      payload: {
        order_id: orderId,
        order_type: 'purchase',
        line_number: lineIndex + 1,
        counterparty_id: null,
        requested_on: null,
        unit_price_minor: null,
        currency: null,
      },
    }));
  }
  throw new Unmappable(
    'EVENT_NOT_MAPPED',
    'Give the event a bizStep (receiving, shipping, arriving, cycle_counting …), or send an OBSERVE read or a TransactionEvent ADD with a po.',
  );
}

/** Maps each event of `eventList` on its own: a bad event becomes an error with its index and eventID. */
export function mapEpcisEvents(eventList: unknown[], tenantId: string): MappedEvent[] {
  return eventList.map((raw, index) => {
    const eventID =
      raw && typeof raw === 'object' && typeof (raw as { eventID?: unknown }).eventID === 'string'
        ? (raw as { eventID: string }).eventID
        : null;
    const parsed = epcisEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'event';
      return {
        ok: false,
        index,
        eventID,
        reason: 'EVENT_INVALID',
        message: `${field}: ${issue?.message ?? 'not an EPCIS 2.0 event'}`,
      };
    }
    try {
      return { ok: true, index, eventID, transactions: mapEvent(parsed.data, raw, tenantId) };
    } catch (error) {
      if (!(error instanceof Unmappable)) throw error;
      return { ok: false, index, eventID, reason: error.reason, message: error.message };
    }
  });
}
