import { randomUUID } from 'node:crypto';
import { canonicalTransactionV2, toV1 } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import {
  afterCancelledMilestone,
  afterMilestone,
  foldMilestones,
  latestPings,
  type MilestoneRow,
  type ResolvedMilestone,
  type ShipmentState,
  TrackingOutcome,
  trackingEffectOf,
} from './tracking';

const base = {
  version: '2.0.0',
  correlation_id: 'corr-1',
  source_system: 'tms',
  timestamp: '2026-11-27T10:00:00Z',
  status: 'active',
  tenant_id: randomUUID(),
  idempotency_key: 'k',
  lot: null,
  sku_id: null,
  measure: null,
};

const milestoneRecord = (overrides: Record<string, unknown> = {}) =>
  canonicalTransactionV2.parse({
    ...base,
    transaction_id: randomUUID(),
    event_type: 'shipment_milestone',
    shipment_id: 'SHP-1',
    payload: {
      milestone: 'departed',
      carrier_code: 'DHL',
      location_id: 'HUB-1',
      planned_at: '2026-11-27T08:00:00Z',
      actual_at: '2026-11-27T09:30:00Z',
    },
    ...overrides,
  });

const pingRecord = (payload: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
  canonicalTransactionV2.parse({
    ...base,
    transaction_id: randomUUID(),
    event_type: 'tracking_ping',
    shipment_id: 'SHP-1',
    payload: {
      kind: 'gps_position',
      device_id: 'GPS-1',
      latitude: 48.1,
      longitude: 11.6,
      accuracy_m: null,
      speed_kmh: null,
      heading_deg: null,
      ...payload,
    },
    ...overrides,
  });

describe('trackingEffectOf', () => {
  it('reads a milestone with its planned and actual time, from 1.x as from 2.x', () => {
    const record = milestoneRecord();
    const effect = {
      type: 'milestone',
      transactionId: record.transaction_id,
      status: 'active',
      shipmentReference: 'SHP-1',
      milestone: 'departed',
      carrierCode: 'DHL',
      locationCode: 'HUB-1',
      plannedAt: new Date('2026-11-27T08:00:00Z'),
      actualAt: new Date('2026-11-27T09:30:00Z'),
    };
    expect(trackingEffectOf(record)).toEqual(effect);
    expect(trackingEffectOf(toV1(record))).toEqual(effect);
  });

  it('reads a GPS ping of a shipment at the record’s time; other pings and cancelled ones do nothing', () => {
    expect(trackingEffectOf(pingRecord({}))).toEqual({
      type: 'ping',
      shipmentReference: 'SHP-1',
      latitude: 48.1,
      longitude: 11.6,
      at: new Date('2026-11-27T10:00:00Z'),
    });
    const notApplicable = { type: 'none', outcome: TrackingOutcome.NOT_APPLICABLE };
    expect(trackingEffectOf(pingRecord({}, { shipment_id: null }))).toEqual(notApplicable);
    expect(trackingEffectOf(pingRecord({}, { status: 'cancelled' }))).toEqual(notApplicable);
    const heartbeat = pingRecord(
      {},
      {
        payload: { kind: 'carrier_heartbeat', carrier_code: 'DHL', device_id: null, battery_pct: 80 },
      },
    );
    expect(trackingEffectOf(heartbeat)).toEqual(notApplicable);
    const unreadable = { type: 'none', outcome: TrackingOutcome.UNREADABLE_RECORD };
    expect(trackingEffectOf(42)).toEqual(unreadable);
    // Shaped like a timestamp, but no such day: it must not reach SQL and fail the whole batch.
    expect(trackingEffectOf(pingRecord({}, { timestamp: '2026-13-01T10:00:00Z' }))).toEqual(unreadable);
    const late = milestoneRecord();
    expect(
      trackingEffectOf({ ...late, payload: { ...late.payload, actual_at: '2026-02-30T25:00:00Z' } }),
    ).toEqual(unreadable);
  });
});

const shipment = (status: ShipmentState['status'], actualArrival: Date | null = null): ShipmentState => ({
  id: 's1',
  status,
  actualArrival,
});
const at = new Date('2026-11-27T12:00:00Z');

describe('afterMilestone', () => {
  it('puts a planned shipment in transit when picked up or departed, and delivers it at the actual time', () => {
    expect(afterMilestone(shipment('PLANNED'), 'picked_up', at).status).toBe('IN_TRANSIT');
    expect(afterMilestone(shipment('PLANNED'), 'departed', at).status).toBe('IN_TRANSIT');
    expect(afterMilestone(shipment('IN_TRANSIT'), 'delivered', at)).toEqual(shipment('DELIVERED', at));
  });

  it('keeps the status for other milestones, never moves back, and leaves a cancelled shipment alone', () => {
    for (const milestone of ['booked', 'arrived', 'customs_cleared', 'out_for_delivery', 'exception']) {
      expect(afterMilestone(shipment('IN_TRANSIT'), milestone, at)).toEqual(shipment('IN_TRANSIT'));
    }
    expect(afterMilestone(shipment('DELIVERED', at), 'departed', at)).toEqual(shipment('DELIVERED', at));
    expect(afterMilestone(shipment('CANCELLED'), 'delivered', at)).toEqual(shipment('CANCELLED'));
  });

  it('takes a shipment back in transit when its delivery is cancelled', () => {
    expect(afterCancelledMilestone(shipment('DELIVERED', at), 'delivered')).toEqual(shipment('IN_TRANSIT'));
    expect(afterCancelledMilestone(shipment('DELIVERED', at), 'arrived')).toEqual(shipment('DELIVERED', at));
  });
});

describe('foldMilestones', () => {
  const row = (overrides: Partial<ResolvedMilestone>): ResolvedMilestone => ({
    eventId: randomUUID(),
    status: 'active',
    tenantId: 't',
    shipmentId: 's1',
    transactionId: randomUUID(),
    milestone: 'departed',
    carrierCode: 'DHL',
    locationCode: null,
    plannedAt: null,
    actualAt: at,
    ...overrides,
  });
  const shipments = new Map([['s1', shipment('PLANNED')]]);

  it('records each milestone once and moves the shipment along in log order', () => {
    const departed = row({});
    const delivered = row({ milestone: 'delivered', actualAt: new Date('2026-11-28T09:00:00Z') });
    const fold = foldMilestones(
      [departed, delivered, { ...departed, eventId: 'again' }],
      shipments,
      new Map(),
    );
    expect(fold.upserts.map((upsert) => upsert.milestone)).toEqual(['departed', 'delivered']);
    expect(fold.shipments).toEqual([
      { id: 's1', status: 'DELIVERED', actualArrival: new Date('2026-11-28T09:00:00Z') },
    ]);
    expect(fold.outcomes).toEqual([{ eventId: 'again', outcome: TrackingOutcome.DUPLICATE_TRANSACTION }]);
  });

  it('replaces a corrected milestone and removes a cancelled one, taking a delivery back', () => {
    const stored: MilestoneRow = { ...row({ milestone: 'delivered' }) };
    const storedMap = new Map([[`t|${stored.transactionId}`, stored]]);
    const delivered = new Map([['s1', shipment('DELIVERED', at)]]);
    const later = new Date('2026-11-27T15:00:00Z');

    const corrected = foldMilestones(
      [
        row({
          transactionId: stored.transactionId,
          milestone: 'delivered',
          status: 'corrected',
          actualAt: later,
        }),
      ],
      delivered,
      storedMap,
    );
    expect(corrected.upserts).toEqual([expect.objectContaining({ actualAt: later })]);
    expect(corrected.shipments).toEqual([shipment('DELIVERED', later)]);

    const cancelled = foldMilestones(
      [row({ transactionId: stored.transactionId, status: 'cancelled' })],
      delivered,
      storedMap,
    );
    expect(cancelled.upserts).toEqual([]);
    expect(cancelled.removals).toEqual([{ tenantId: 't', transactionId: stored.transactionId }]);
    expect(cancelled.shipments).toEqual([shipment('IN_TRANSIT')]);

    const nothing = foldMilestones([row({ status: 'cancelled', eventId: 'c' })], shipments, new Map());
    expect(nothing.outcomes).toEqual([{ eventId: 'c', outcome: TrackingOutcome.NOTHING_TO_CANCEL }]);
    expect(nothing.shipments).toEqual([]);
  });
});

describe('latestPings', () => {
  it('keeps the newest ping per shipment and names the others stale', () => {
    const ping = (eventId: string, shipmentId: string, iso: string) => ({
      eventId,
      shipmentId,
      latitude: 1,
      longitude: 2,
      at: new Date(iso),
    });
    const { latest, stale } = latestPings([
      ping('a', 's1', '2026-11-27T10:00:00Z'),
      ping('b', 's1', '2026-11-27T09:00:00Z'),
      ping('c', 's2', '2026-11-27T09:00:00Z'),
      ping('d', 's1', '2026-11-27T11:00:00Z'),
    ]);
    expect(latest.map((p) => p.eventId)).toEqual(['d', 'c']);
    expect(stale.sort()).toEqual(['a', 'b']);
  });
});
