import type { TransactionStatus } from './ingested-transaction';

/** A marketing_signal record whose SKU (if it names one) was resolved to an id. */
export interface ResolvedSignal {
  tenantId: string;
  transactionId: string;
  status: TransactionStatus;
  skuId: string | null;
  day: string;
  metric: string;
  count: number;
  sentiment: number | null;
  source: string;
}

export interface SignalRow {
  tenantId: string;
  /** The canonical transaction_id; its sentiment row adds SENTIMENT_SUFFIX */
  transactionId: string;
  skuId: string | null;
  day: string;
  metric: string;
  value: number;
  source: string;
}

/** A record's sentiment is a row of its own (MarketingSignal holds one metric a row), keyed off the record. */
export const SENTIMENT_SUFFIX = '#sentiment';

/**
 * A batch's signal records as rows to upsert and transaction ids to delete, the last record of a
 * transaction deciding: active or corrected ones set its count row (and its sentiment row, or delete it when
 * the record has no sentiment), a cancelled one deletes both. Keyed by transaction, so a redelivered record
 * writes the same rows again.
 */
export function foldSignals(records: readonly ResolvedSignal[]): {
  upserts: SignalRow[];
  deletions: Array<{ tenantId: string; transactionId: string }>;
} {
  const last = new Map<string, ResolvedSignal>();
  for (const record of records) last.set(`${record.tenantId}|${record.transactionId}`, record);
  const upserts: SignalRow[] = [];
  const deletions: Array<{ tenantId: string; transactionId: string }> = [];
  for (const record of last.values()) {
    const { tenantId, transactionId, skuId, day, source } = record;
    const sentimentId = `${transactionId}${SENTIMENT_SUFFIX}`;
    if (record.status === 'cancelled') {
      deletions.push({ tenantId, transactionId }, { tenantId, transactionId: sentimentId });
      continue;
    }
    upserts.push({ tenantId, transactionId, skuId, day, metric: record.metric, value: record.count, source });
    if (record.sentiment === null) deletions.push({ tenantId, transactionId: sentimentId });
    else {
      upserts.push({
        tenantId,
        transactionId: sentimentId,
        skuId,
        day,
        metric: 'sentiment',
        value: record.sentiment,
        source,
      });
    }
  }
  return { upserts, deletions };
}
