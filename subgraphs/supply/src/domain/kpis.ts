const DAY_MS = 86_400_000;

export interface DemandTotals {
  ordered: number;
  shipped: number;
}

export interface FillRateDay extends DemandTotals {
  /** UTC date, YYYY-MM-DD */
  day: string;
  /** Null on a day with nothing ordered: no demand is not the same as perfect service. */
  fillRate: number | null;
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The last `days` complete UTC calendar days (ending yesterday), as the midnights of the first and the
 * last day. Today is left out: its orders are still arriving and its shipments lag them.
 */
export function dayWindow(now: Date, days: number): { from: Date; to: Date } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - DAY_MS);
  return { from: new Date(to.getTime() - (days - 1) * DAY_MS), to };
}

/**
 * Units shipped over units ordered, 0..1. Defined as 1 when nothing was ordered (no demand went
 * unfilled), and capped at 1 because shipping a backlog can exceed one period's orders.
 */
export function fillRate({ ordered, shipped }: DemandTotals): number {
  if (ordered <= 0) return 1;
  return Math.min(1, Math.max(0, shipped / ordered));
}

/** Every day of the window, oldest first; a day without demand rows had nothing ordered. */
export function fillRateTrend(
  rows: Array<DemandTotals & { day: Date }>,
  now: Date,
  days: number,
): FillRateDay[] {
  const byDay = new Map(rows.map((row) => [utcDay(row.day), row]));
  const { from } = dayWindow(now, days);
  return Array.from({ length: days }, (_, index) => {
    const day = utcDay(new Date(from.getTime() + index * DAY_MS));
    const totals = byDay.get(day) ?? { ordered: 0, shipped: 0 };
    const rate = totals.ordered > 0 ? fillRate(totals) : null;
    return { day, ordered: totals.ordered, shipped: totals.shipped, fillRate: rate };
  });
}
