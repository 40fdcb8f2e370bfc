import type { Prisma } from '@meridian/db';
import type { EventEnvelope } from '@meridian/events';
import {
  foldMilestones,
  latestPings,
  type MilestoneRow,
  type ResolvedMilestone,
  type ResolvedPing,
  type ShipmentState,
  TrackingOutcome,
  trackingEffectOf,
} from '../domain/tracking';
import * as store from '../store/tracking';

/** The type apps/ingest appends each accepted canonical transaction as. */
export const TRANSACTION_RECEIVED = 'ingest.transaction_received';

export interface AppliedTracking {
  /** Event ids applied without effect, by outcome code. */
  outcomes: Map<TrackingOutcome, string[]>;
  /** Shipments whose status or actual arrival changed. */
  shipments: ShipmentState[];
}

const referenceKey = (tenantId: string, reference: string) => `${tenantId}|${reference}`;

/**
 * Applies a batch of `ingest.transaction_received` events, in order, to shipments: milestones (and the
 * status they imply) and GPS positions. One statement per kind of read or write for the whole batch; the
 * caller owns the transaction and the inbox.
 */
export async function applyTrackingEvents(
  tx: Prisma.TransactionClient,
  events: readonly EventEnvelope[],
): Promise<AppliedTracking> {
  const outcomes = new Map<TrackingOutcome, string[]>();
  const skip = (eventId: string, outcome: TrackingOutcome) => {
    const ids = outcomes.get(outcome);
    if (ids) ids.push(eventId);
    else outcomes.set(outcome, [eventId]);
  };

  const effects = events.flatMap((event) => {
    const effect = trackingEffectOf(event.data);
    if (effect.type === 'none') {
      skip(event.id, effect.outcome);
      return [];
    }
    return [{ event, tenantId: event.tenantid, effect }];
  });
  if (effects.length === 0) return { outcomes, shipments: [] };

  const references = new Map(
    effects.map(({ tenantId, effect }) => [
      referenceKey(tenantId, effect.shipmentReference),
      { tenantId, reference: effect.shipmentReference },
    ]),
  );
  const locked = await store.lockShipmentsByReference(tx, [...references.values()]);
  const shipmentByReference = new Map(locked.map((s) => [referenceKey(s.tenantId, s.reference), s]));

  const milestones: ResolvedMilestone[] = [];
  const pings: ResolvedPing[] = [];
  for (const { event, tenantId, effect } of effects) {
    const shipment = shipmentByReference.get(referenceKey(tenantId, effect.shipmentReference));
    if (!shipment) {
      skip(event.id, TrackingOutcome.UNKNOWN_SHIPMENT);
    } else if (effect.type === 'ping') {
      const { latitude, longitude, at } = effect;
      pings.push({ eventId: event.id, shipmentId: shipment.id, latitude, longitude, at });
    } else {
      const { transactionId, status, milestone, carrierCode, locationCode, plannedAt, actualAt } = effect;
      milestones.push({
        eventId: event.id,
        status,
        tenantId,
        shipmentId: shipment.id,
        transactionId,
        milestone,
        carrierCode,
        locationCode,
        plannedAt,
        actualAt,
      });
    }
  }

  const stored = await store.findMilestoneRows(tx, milestones);
  const fold = foldMilestones(
    milestones,
    new Map(locked.map(({ id, status, actualArrival }) => [id, { id, status, actualArrival }])),
    new Map(stored.map((row: MilestoneRow) => [`${row.tenantId}|${row.transactionId}`, row])),
  );
  for (const { eventId, outcome } of fold.outcomes) skip(eventId, outcome);
  await store.upsertMilestones(tx, fold.upserts);
  await store.deleteMilestones(tx, fold.removals);
  await store.updateShipmentStatuses(tx, fold.shipments);

  const { latest, stale } = latestPings(pings);
  const moved = await store.recordPings(tx, latest);
  for (const eventId of stale) skip(eventId, TrackingOutcome.STALE_PING);
  for (const ping of latest) if (!moved.has(ping.shipmentId)) skip(ping.eventId, TrackingOutcome.STALE_PING);

  return { outcomes, shipments: fold.shipments };
}
