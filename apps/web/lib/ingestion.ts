/** The four counts the ingest keeps per tenant and minute. */
export interface ThroughputMinute {
  minute: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  warned: number;
}

export type ThroughputTotals = Omit<ThroughputMinute, 'minute'>;

const MINUTE_MS = 60_000;

/**
 * One entry per minute for the last `minutes` minutes, oldest first, ending with the newest minute the API
 * reported (its clock, not the browser's), or the minute `now` falls in when it reported none. The API
 * already includes quiet minutes as zeros; filling any gap keeps the chart's time axis even regardless.
 */
export function fillThroughput(
  rows: readonly ThroughputMinute[],
  now: number,
  minutes: number,
): ThroughputMinute[] {
  const byMinute = new Map(rows.map((row) => [Math.floor(Date.parse(row.minute) / MINUTE_MS), row]));
  const last = byMinute.size > 0 ? Math.max(...byMinute.keys()) : Math.floor(now / MINUTE_MS);
  const series: ThroughputMinute[] = [];
  for (let index = last - minutes + 1; index <= last; index++) {
    const row = byMinute.get(index);
    series.push({
      minute: new Date(index * MINUTE_MS).toISOString(),
      accepted: row?.accepted ?? 0,
      duplicates: row?.duplicates ?? 0,
      rejected: row?.rejected ?? 0,
      warned: row?.warned ?? 0,
    });
  }
  return series;
}

export function throughputTotals(rows: readonly ThroughputMinute[]): ThroughputTotals {
  const totals: ThroughputTotals = { accepted: 0, duplicates: 0, rejected: 0, warned: 0 };
  for (const row of rows) {
    totals.accepted += row.accepted;
    totals.duplicates += row.duplicates;
    totals.rejected += row.rejected;
    totals.warned += row.warned;
  }
  return totals;
}

/** Share of answered records that were rejected, 0..1; null when nothing arrived. */
export function rejectRate(totals: ThroughputTotals): number | null {
  const answered = totals.accepted + totals.duplicates + totals.rejected;
  return answered === 0 ? null : totals.rejected / answered;
}

/** `measure.uom` → "measure.uom"; the document itself (empty path) → "(whole record)". */
export function fieldLabel(field: string): string {
  return field === '' ? '(whole record)' : field;
}
