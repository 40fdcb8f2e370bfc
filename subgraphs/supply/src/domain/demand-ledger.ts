import { SupplyOutcome, type TransactionStatus } from './ingested-transaction';

/** A sales order line whose SKU and (distribution centre) location were resolved to ids. */
export interface ResolvedOrderLine {
  eventId: string;
  tenantId: string;
  skuId: string;
  locationId: string;
  /** UTC day, YYYY-MM-DD */
  day: string;
  ordered: number;
  status: TransactionStatus;
}

export interface DemandIncrement {
  tenantId: string;
  skuId: string;
  locationId: string;
  day: string;
  /** Signed: a cancelled line takes its units back. */
  ordered: number;
}

/**
 * Sums a batch's sales order lines per SKU, location and day, so each DailyDemand row is written once.
 * A cancelled line restates the line it voids, so its units come off that day (the store keeps the day at
 * zero or above). A corrected line is not applied: DailyDemand keeps no per-line record and the record does
 * not carry the superseded quantity, so the difference cannot be known.
 */
export function sumDemand(lines: readonly ResolvedOrderLine[]): {
  increments: DemandIncrement[];
  outcomes: Array<{ eventId: string; outcome: SupplyOutcome }>;
} {
  const increments = new Map<string, DemandIncrement>();
  const outcomes: Array<{ eventId: string; outcome: SupplyOutcome }> = [];
  for (const line of lines) {
    if (line.status === 'corrected') {
      outcomes.push({ eventId: line.eventId, outcome: SupplyOutcome.CORRECTION_NOT_TRACKED });
      continue;
    }
    const key = `${line.tenantId}|${line.skuId}|${line.locationId}|${line.day}`;
    const signed = line.status === 'cancelled' ? -line.ordered : line.ordered;
    const entry = increments.get(key);
    if (entry) entry.ordered += signed;
    else {
      const { tenantId, skuId, locationId, day } = line;
      increments.set(key, { tenantId, skuId, locationId, day, ordered: signed });
    }
  }
  return { increments: [...increments.values()], outcomes };
}

/**
 * The distribution centre that books a tenant's sales orders, which carry no location: the DC with the
 * lowest location code, so every instance and every replay picks the same one.
 */
export function bookingDistributionCentre(
  locations: ReadonlyArray<{ id: string; code: string; isDc: boolean }>,
): string | null {
  let chosen: { id: string; code: string } | null = null;
  for (const location of locations) {
    if (location.isDc && (chosen === null || location.code < chosen.code)) chosen = location;
  }
  return chosen?.id ?? null;
}
