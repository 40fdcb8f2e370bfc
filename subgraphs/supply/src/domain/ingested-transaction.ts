import { type CanonicalTransactionV1, type CanonicalTransactionV2, toV2 } from '@meridian/canonical';

/**
 * What one ingested canonical transaction means for supply. The ingest validated the record against its
 * schema before it reached the backbone, so this reads it without validating again (the consumer runs at
 * the ingest's rate); it still refuses what the tables cannot hold (a quantity beyond a 32-bit integer).
 */

export type TransactionStatus = 'active' | 'corrected' | 'cancelled';
export type MovementKind = 'receipt' | 'inventory_adjustment' | 'cycle_count';

/** How a movement changes on hand: by a signed number of units, or to what a count found. */
export type StockChange = { type: 'delta'; units: number } | { type: 'count'; counted: number };

/** Why an event was applied without effect (the inbox's outcome code). */
export const SupplyOutcome = {
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  UNKNOWN_LOCATION: 'UNKNOWN_LOCATION',
  /** The event type (or order type) does not touch supply. */
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  /** An `active` record of a transaction the ledger already holds (sent again under another event id). */
  DUPLICATE_TRANSACTION: 'DUPLICATE_TRANSACTION',
  /** A cancellation of a transaction never applied: kept as a 0-unit ledger row so a late original is void. */
  NOTHING_TO_CANCEL: 'NOTHING_TO_CANCEL',
  /** A corrected order line: neither the record nor DailyDemand says what the superseded line ordered. */
  CORRECTION_NOT_TRACKED: 'CORRECTION_NOT_TRACKED',
  /** A quantity or resulting stock figure beyond what a 32-bit integer column holds. */
  QUANTITY_OUT_OF_RANGE: 'QUANTITY_OUT_OF_RANGE',
  /** Not a canonical transaction this consumer can read (no event type, quantity or reference). */
  UNREADABLE_RECORD: 'UNREADABLE_RECORD',
} as const;
export type SupplyOutcome = (typeof SupplyOutcome)[keyof typeof SupplyOutcome];

export const INT4_MAX = 2_147_483_647;

interface Provenance {
  transactionId: string;
  status: TransactionStatus;
  skuCode: string;
  occurredAt: Date;
  sourceSystem: string;
  correlationId: string;
}

export type SupplyEffect =
  | (Provenance & { type: 'movement'; kind: MovementKind; locationCode: string; change: StockChange })
  | (Provenance & { type: 'demand'; day: string; ordered: number })
  | (Provenance & {
      type: 'promotion';
      promotionId: string;
      campaign: string;
      channel: string;
      startsOn: string;
      endsOn: string;
      /** A fraction: 25 % is 0.25. */
      expectedUplift: number;
    })
  | (Omit<Provenance, 'skuCode'> & {
      type: 'signal';
      /** A marketing signal may concern one SKU or the whole tenant (null). */
      skuCode: string | null;
      /** UTC day the observation window starts */
      day: string;
      /** mentions | impressions | clicks | shares | reviews */
      metric: string;
      count: number;
      /** −1…1 where the platform scores it */
      sentiment: number | null;
      /** channel/platform, e.g. social/instagram */
      source: string;
    })
  | { type: 'none'; outcome: SupplyOutcome };

/** Either published major as 2.x: supply reads one shape. */
export function asV2(record: CanonicalTransactionV1 | CanonicalTransactionV2): CanonicalTransactionV2 {
  return typeof record.version === 'string' && record.version.startsWith('1.')
    ? toV2(record as CanonicalTransactionV1)
    : (record as CanonicalTransactionV2);
}

const SUPPLY_TYPES = new Set<string>([
  'receipt',
  'inventory_adjustment',
  'cycle_count',
  'order',
  'promotion',
  'marketing_signal',
]);

/** The canonical signal kinds as the metrics MarketingSignal stores (daily counts, plural). */
const SIGNAL_METRICS: Record<string, string> = {
  mention: 'mentions',
  impression: 'impressions',
  click: 'clicks',
  share: 'shares',
  review: 'reviews',
};

const isInt4 = (value: unknown): value is number =>
  Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX;

/** YYYY-MM-DD naming a real day (the schema's pattern lets 2026-02-30 through). */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const none = (outcome: SupplyOutcome): SupplyEffect => ({ type: 'none', outcome });

/**
 * The supply effect of a canonical transaction (1.x or 2.x):
 * - receipt: + quantity on hand at the payload's location when the goods arrived `good`; `damaged` or
 *   `rejected` goods are not sellable stock, so they book a 0-unit ledger row (the receipt is on record, and
 *   a correction to `good` then moves the stock);
 * - inventory_adjustment: the signed quantity; cycle_count: on hand set to the counted quantity;
 * - order with order_type `sales`: `quantity` units ordered on the UTC day of `timestamp`;
 * - promotion: the promotion itself (keyed by its promotion_id);
 * - marketing_signal: a count (and sentiment) of mentions, clicks … for a SKU or the whole tenant, on the UTC
 *   day its observation window starts (demand sensing reads them);
 * - anything else: nothing.
 */
export function supplyEffectOf(data: unknown): SupplyEffect {
  if (typeof data !== 'object' || data === null || !('event_type' in data)) {
    return none(SupplyOutcome.UNREADABLE_RECORD);
  }
  const record = asV2(data as CanonicalTransactionV1 | CanonicalTransactionV2);
  if (!SUPPLY_TYPES.has(record.event_type)) return none(SupplyOutcome.NOT_APPLICABLE);
  if (record.event_type === 'marketing_signal') return marketingSignal(record);
  if (typeof record.sku_id !== 'string' || typeof record.transaction_id !== 'string') {
    return none(SupplyOutcome.UNREADABLE_RECORD);
  }
  const quantity = record.measure?.quantity;
  const needsQuantity = record.event_type !== 'promotion';
  if (needsQuantity && typeof quantity !== 'number') return none(SupplyOutcome.UNREADABLE_RECORD);
  if (needsQuantity && !isInt4(quantity)) return none(SupplyOutcome.QUANTITY_OUT_OF_RANGE);
  const units = quantity ?? 0;
  // The schema checks the timestamp's shape, not the calendar: 2026-13-01 would fail the whole batch in SQL.
  const occurredAt = new Date(record.timestamp);
  if (Number.isNaN(occurredAt.getTime())) return none(SupplyOutcome.UNREADABLE_RECORD);

  switch (record.event_type) {
    case 'receipt':
      return movement(record, occurredAt, 'receipt', record.payload.location_id, {
        type: 'delta',
        units: record.payload.condition === 'good' ? units : 0,
      });
    case 'inventory_adjustment':
      return movement(record, occurredAt, 'inventory_adjustment', record.payload.location_id, {
        type: 'delta',
        units,
      });
    case 'cycle_count':
      return movement(record, occurredAt, 'cycle_count', record.payload.location_id, {
        type: 'count',
        counted: units,
      });
    case 'order':
      if (record.payload.order_type !== 'sales') return none(SupplyOutcome.NOT_APPLICABLE);
      return {
        type: 'demand',
        day: occurredAt.toISOString().slice(0, 10),
        ordered: units,
        transactionId: record.transaction_id,
        status: record.status,
        skuCode: record.sku_id,
        occurredAt,
        sourceSystem: record.source_system,
        correlationId: record.correlation_id,
      };
    case 'promotion':
      if (!isCalendarDate(record.payload.starts_on) || !isCalendarDate(record.payload.ends_on)) {
        return none(SupplyOutcome.UNREADABLE_RECORD);
      }
      return {
        type: 'promotion',
        promotionId: record.payload.promotion_id,
        campaign: record.payload.campaign_id ?? record.payload.promotion_id,
        channel: record.payload.channel,
        startsOn: record.payload.starts_on,
        endsOn: record.payload.ends_on,
        expectedUplift: Math.round(record.payload.expected_uplift_pct * 10) / 1000,
        transactionId: record.transaction_id,
        status: record.status,
        skuCode: record.sku_id,
        occurredAt,
        sourceSystem: record.source_system,
        correlationId: record.correlation_id,
      };
    default:
      return none(SupplyOutcome.NOT_APPLICABLE);
  }
}

function marketingSignal(record: CanonicalTransactionV2): SupplyEffect {
  if (record.event_type !== 'marketing_signal' || typeof record.transaction_id !== 'string') {
    return none(SupplyOutcome.UNREADABLE_RECORD);
  }
  const occurredAt = new Date(record.timestamp);
  const observedFrom = new Date(record.payload.observed_from);
  if (Number.isNaN(occurredAt.getTime()) || Number.isNaN(observedFrom.getTime())) {
    return none(SupplyOutcome.UNREADABLE_RECORD);
  }
  if (!isInt4(record.payload.count)) return none(SupplyOutcome.QUANTITY_OUT_OF_RANGE);
  return {
    type: 'signal',
    skuCode: typeof record.sku_id === 'string' ? record.sku_id : null,
    day: observedFrom.toISOString().slice(0, 10),
    metric: SIGNAL_METRICS[record.payload.signal] ?? record.payload.signal,
    count: record.payload.count,
    sentiment: record.payload.sentiment ?? null,
    source: `${record.payload.channel}/${record.payload.platform}`,
    transactionId: record.transaction_id,
    status: record.status,
    occurredAt,
    sourceSystem: record.source_system,
    correlationId: record.correlation_id,
  };
}

/** Built as one literal per effect (no spread): this runs once per ingested event. */
function movement(
  record: CanonicalTransactionV2 & { sku_id: string },
  occurredAt: Date,
  kind: MovementKind,
  locationCode: string,
  change: StockChange,
): SupplyEffect {
  return {
    type: 'movement',
    kind,
    locationCode,
    change,
    transactionId: record.transaction_id,
    status: record.status,
    skuCode: record.sku_id,
    occurredAt,
    sourceSystem: record.source_system,
    correlationId: record.correlation_id,
  };
}

/**
 * Codes of the warnings a record was accepted with in fallback mode, from the envelope or the record
 * (`warnings`: codes, or objects with a `code`), de-duplicated in order.
 */
export function warningCodesOf(event: { data?: unknown; warnings?: unknown }): string[] {
  const codes: string[] = [];
  const data = event.data as { warnings?: unknown } | null | undefined;
  for (const list of [event.warnings, typeof data === 'object' ? data?.warnings : undefined]) {
    if (!Array.isArray(list)) continue;
    for (const warning of list) {
      const code =
        typeof warning === 'string' ? warning : (warning as { code?: unknown } | null | undefined)?.code;
      if (typeof code === 'string' && code.length > 0 && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}
