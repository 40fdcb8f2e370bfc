import type { ShipmentStatus } from '@meridian/db';

const HOUR_MS = 3_600_000;

/** Shipments still on their way (or not yet left). */
export const OPEN_STATUSES: readonly ShipmentStatus[] = ['PLANNED', 'IN_TRANSIT'];

export interface ArrivalTimes {
  plannedArrival: Date;
  estimatedArrival: Date | null;
  actualArrival: Date | null;
}

/**
 * Hours the actual arrival (or, until then, the current estimate) lies after the planned arrival;
 * negative when early, null when there is neither. Rounded to hundredths (36 s), enough for the tower.
 */
export function etaVarianceHours({
  plannedArrival,
  estimatedArrival,
  actualArrival,
}: ArrivalTimes): number | null {
  const arrival = actualArrival ?? estimatedArrival;
  if (!arrival) return null;
  return Math.round(((arrival.getTime() - plannedArrival.getTime()) / HOUR_MS) * 100) / 100;
}

/**
 * Deliveries on or before the planned arrival over all deliveries, 0..1. Defined as 1 when there were
 * no deliveries: no delivery was late, and a 0 would raise a false alarm on a quiet month.
 */
export function onTimeRate({ delivered, onTime }: { delivered: number; onTime: number }): number {
  if (delivered <= 0) return 1;
  return Math.min(1, Math.max(0, onTime / delivered));
}

/** Hours a milestone happened after its plan (negative when early), to hundredths; null without a plan. */
export function milestoneVarianceHours({
  plannedAt,
  actualAt,
}: {
  plannedAt: Date | null;
  actualAt: Date;
}): number | null {
  if (!plannedAt) return null;
  return Math.round(((actualAt.getTime() - plannedAt.getTime()) / HOUR_MS) * 100) / 100;
}

/** Where the last GPS ping put the shipment, or null before its first ping. */
export function lastPosition(shipment: {
  lastLatitude: number | null;
  lastLongitude: number | null;
  lastPingAt: Date | null;
}): { latitude: number; longitude: number; at: Date } | null {
  const { lastLatitude: latitude, lastLongitude: longitude, lastPingAt: at } = shipment;
  return latitude === null || longitude === null || at === null ? null : { latitude, longitude, at };
}
