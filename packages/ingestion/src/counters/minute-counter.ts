import type { RecordResult } from '../record-results';

export interface MinuteCounts {
  /** Appended, warned ones included. */
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Appended with warnings (fallback mode). */
  warned: number;
}

export interface MinuteRow extends MinuteCounts {
  tenantId: string;
  minute: Date;
}

const MINUTE_MS = 60_000;

/** A write's results as minute counts. */
export function countsOf(results: readonly RecordResult[]): MinuteCounts {
  const counts: MinuteCounts = { accepted: 0, duplicates: 0, rejected: 0, warned: 0 };
  for (const result of results) {
    if (result.status === 'accepted') {
      counts.accepted++;
      if (result.warnings?.length) counts.warned++;
    } else if (result.status === 'duplicate') counts.duplicates++;
    else counts.rejected++;
  }
  return counts;
}

/**
 * Per tenant and minute, what the ingest answered since the last drain: in memory, so the write path
 * never waits on (or contends for) the counter rows; a flusher drains it every few seconds.
 */
export class MinuteCounter {
  private pending = new Map<string, MinuteRow>();

  add(tenantId: string, at: number, counts: MinuteCounts): void {
    if (counts.accepted + counts.duplicates + counts.rejected === 0) return;
    const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    const key = `${tenantId} ${minute}`;
    const row = this.pending.get(key);
    if (row) {
      row.accepted += counts.accepted;
      row.duplicates += counts.duplicates;
      row.rejected += counts.rejected;
      row.warned += counts.warned;
    } else {
      this.pending.set(key, { tenantId, minute: new Date(minute), ...counts });
    }
  }

  /** Everything counted so far; the counter starts again from zero. */
  drain(): MinuteRow[] {
    const rows = [...this.pending.values()];
    this.pending = new Map();
    return rows;
  }

  /** Puts drained rows back (their flush failed), adding to what was counted meanwhile. */
  restore(rows: readonly MinuteRow[]): void {
    for (const row of rows) this.add(row.tenantId, row.minute.getTime(), row);
  }
}
