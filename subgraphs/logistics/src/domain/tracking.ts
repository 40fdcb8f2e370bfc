import type { CanonicalTransactionV1, CanonicalTransactionV2 } from '@meridian/canonical';
import { toV2 } from '@meridian/canonical';
import type { ShipmentStatus } from '@meridian/db';

/**
 * What an ingested canonical transaction means for a shipment: a carrier milestone, or a GPS ping. The
 * ingest validated the record against its schema before it reached the backbone, so it is read as is.
 */

export type TransactionStatus = 'active' | 'corrected' | 'cancelled';

/** Why an event was applied without effect (the inbox's outcome code). */
export const TrackingOutcome = {
  UNKNOWN_SHIPMENT: 'UNKNOWN_SHIPMENT',
  /** Not a milestone, nor a GPS ping of a shipment. */
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  /** An `active` milestone of a transaction already recorded (sent again under another event id). */
  DUPLICATE_TRANSACTION: 'DUPLICATE_TRANSACTION',
  /** A cancellation of a milestone never recorded. */
  NOTHING_TO_CANCEL: 'NOTHING_TO_CANCEL',
  /** A ping older than the position the shipment already has. */
  STALE_PING: 'STALE_PING',
  UNREADABLE_RECORD: 'UNREADABLE_RECORD',
} as const;
export type TrackingOutcome = (typeof TrackingOutcome)[keyof typeof TrackingOutcome];

export type TrackingEffect =
  | {
      type: 'milestone';
      transactionId: string;
      status: TransactionStatus;
      shipmentReference: string;
      milestone: string;
      carrierCode: string;
      locationCode: string | null;
      plannedAt: Date | null;
      actualAt: Date;
    }
  | { type: 'ping'; shipmentReference: string; latitude: number; longitude: number; at: Date }
  | { type: 'none'; outcome: TrackingOutcome };

const none = (outcome: TrackingOutcome): TrackingEffect => ({ type: 'none', outcome });

/**
 * A shipment_milestone (with its planned and actual time), or a tracking_ping of kind gps_position that
 * names a shipment (at the record's timestamp). A cancelled ping is ignored: there is no earlier position
 * to go back to, and the next ping replaces it anyway.
 */
export function trackingEffectOf(data: unknown): TrackingEffect {
  if (typeof data !== 'object' || data === null || !('event_type' in data)) {
    return none(TrackingOutcome.UNREADABLE_RECORD);
  }
  const raw = data as CanonicalTransactionV1 | CanonicalTransactionV2;
  const record = raw.version?.startsWith('1.')
    ? toV2(raw as CanonicalTransactionV1)
    : (raw as CanonicalTransactionV2);
  if (record.event_type === 'shipment_milestone') {
    if (typeof record.shipment_id !== 'string' || typeof record.payload?.actual_at !== 'string') {
      return none(TrackingOutcome.UNREADABLE_RECORD);
    }
    const plannedAt = record.payload.planned_at === null ? null : new Date(record.payload.planned_at);
    const actualAt = new Date(record.payload.actual_at);
    // The schema checks a timestamp's shape, not the calendar; an impossible day would fail the batch in SQL.
    if (Number.isNaN(actualAt.getTime()) || (plannedAt && Number.isNaN(plannedAt.getTime()))) {
      return none(TrackingOutcome.UNREADABLE_RECORD);
    }
    return {
      type: 'milestone',
      transactionId: record.transaction_id,
      status: record.status,
      shipmentReference: record.shipment_id,
      milestone: record.payload.milestone,
      carrierCode: record.payload.carrier_code,
      locationCode: record.payload.location_id,
      plannedAt,
      actualAt,
    };
  }
  if (
    record.event_type === 'tracking_ping' &&
    record.payload?.kind === 'gps_position' &&
    typeof record.shipment_id === 'string' &&
    record.status !== 'cancelled'
  ) {
    const at = new Date(record.timestamp);
    if (Number.isNaN(at.getTime())) return none(TrackingOutcome.UNREADABLE_RECORD);
    return {
      type: 'ping',
      shipmentReference: record.shipment_id,
      latitude: record.payload.latitude,
      longitude: record.payload.longitude,
      at,
    };
  }
  return none(TrackingOutcome.NOT_APPLICABLE);
}

const PROGRESS: Record<ShipmentStatus, number> = { PLANNED: 0, IN_TRANSIT: 1, DELIVERED: 2, CANCELLED: 3 };
const MOVES_TO: Partial<Record<string, ShipmentStatus>> = {
  picked_up: 'IN_TRANSIT',
  departed: 'IN_TRANSIT',
  delivered: 'DELIVERED',
};

export interface ShipmentState {
  id: string;
  status: ShipmentStatus;
  actualArrival: Date | null;
}

/**
 * A shipment after a milestone: picked up or departed puts a planned shipment in transit; delivered
 * delivers it at the milestone's actual time (a corrected delivery moves that time); other milestones
 * leave it as it is. Status only moves forward, so a late `departed` does not undo a delivery, and a
 * cancelled shipment stays cancelled.
 */
export function afterMilestone(shipment: ShipmentState, milestone: string, actualAt: Date): ShipmentState {
  const target = MOVES_TO[milestone];
  if (!target || shipment.status === 'CANCELLED') return shipment;
  if (target === 'DELIVERED') return { ...shipment, status: 'DELIVERED', actualArrival: actualAt };
  return PROGRESS[target] > PROGRESS[shipment.status] ? { ...shipment, status: target } : shipment;
}

/** A shipment after its delivery milestone was cancelled: back in transit, with no actual arrival. */
export function afterCancelledMilestone(shipment: ShipmentState, milestone: string): ShipmentState {
  return milestone === 'delivered' && shipment.status === 'DELIVERED'
    ? { ...shipment, status: 'IN_TRANSIT', actualArrival: null }
    : shipment;
}

export interface MilestoneRow {
  tenantId: string;
  shipmentId: string;
  transactionId: string;
  milestone: string;
  carrierCode: string;
  locationCode: string | null;
  plannedAt: Date | null;
  actualAt: Date;
}

export interface ResolvedMilestone extends MilestoneRow {
  eventId: string;
  status: TransactionStatus;
}

export interface MilestoneFold {
  /** Rows to insert or overwrite, final state per transaction. */
  upserts: MilestoneRow[];
  /** Transactions whose rows a cancellation removes. */
  removals: Array<{ tenantId: string; transactionId: string }>;
  /** Shipments whose status or actual arrival changed, as they are now. */
  shipments: ShipmentState[];
  outcomes: Array<{ eventId: string; outcome: TrackingOutcome }>;
}

/**
 * A batch's milestones in log order, over the shipments they name (`shipments` by id) and the milestone
 * rows already recorded for their transactions (`stored` by `tenantId|transactionId`). `active` records a
 * new milestone; `corrected` replaces the recorded one; `cancelled` removes it.
 */
export function foldMilestones(
  milestones: readonly ResolvedMilestone[],
  shipments: ReadonlyMap<string, ShipmentState>,
  stored: ReadonlyMap<string, MilestoneRow>,
): MilestoneFold {
  const current = new Map<string, MilestoneRow | null>();
  const state = new Map(shipments);
  const outcomes: MilestoneFold['outcomes'] = [];

  for (const { eventId, status, ...row } of milestones) {
    const key = `${row.tenantId}|${row.transactionId}`;
    const earlier = current.has(key) ? current.get(key) : stored.get(key);
    const shipment = state.get(row.shipmentId);
    if (!shipment) {
      outcomes.push({ eventId, outcome: TrackingOutcome.UNKNOWN_SHIPMENT });
      continue;
    }
    if (status === 'cancelled') {
      if (!earlier) {
        outcomes.push({ eventId, outcome: TrackingOutcome.NOTHING_TO_CANCEL });
        continue;
      }
      current.set(key, null);
      const of = state.get(earlier.shipmentId);
      if (of) state.set(of.id, afterCancelledMilestone(of, earlier.milestone));
      continue;
    }
    if (earlier && status === 'active') {
      outcomes.push({ eventId, outcome: TrackingOutcome.DUPLICATE_TRANSACTION });
      continue;
    }
    current.set(key, row);
    state.set(shipment.id, afterMilestone(shipment, row.milestone, row.actualAt));
  }

  const upserts: MilestoneRow[] = [];
  const removals: MilestoneFold['removals'] = [];
  for (const [key, row] of current) {
    if (row) upserts.push(row);
    else if (stored.has(key)) removals.push(splitKey(key));
  }
  const changed = [...state.values()].filter((after) => {
    const before = shipments.get(after.id);
    return (
      before?.status !== after.status || before?.actualArrival?.getTime() !== after.actualArrival?.getTime()
    );
  });
  return { upserts, removals, shipments: changed, outcomes };
}

function splitKey(key: string) {
  const at = key.indexOf('|');
  return { tenantId: key.slice(0, at), transactionId: key.slice(at + 1) };
}

export interface ResolvedPing {
  eventId: string;
  shipmentId: string;
  latitude: number;
  longitude: number;
  at: Date;
}

/** The latest ping per shipment; the others of the batch are stale. Ties keep the later one in the log. */
export function latestPings(pings: readonly ResolvedPing[]): {
  latest: ResolvedPing[];
  stale: string[];
} {
  const latest = new Map<string, ResolvedPing>();
  const stale: string[] = [];
  for (const ping of pings) {
    const kept = latest.get(ping.shipmentId);
    if (kept && kept.at.getTime() > ping.at.getTime()) {
      stale.push(ping.eventId);
      continue;
    }
    if (kept) stale.push(kept.eventId);
    latest.set(ping.shipmentId, ping);
  }
  return { latest: [...latest.values()], stale };
}
