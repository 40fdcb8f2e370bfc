import type { CanonicalTransactionV2 } from '@meridian/canonical';
import type { RecordIssue } from './record-results';

/** The backbone event type of every record the ingest accepts (partition key: SKU, else shipment). */
export const TRANSACTION_RECEIVED = 'ingest.transaction_received';

/**
 * The data of an `ingest.transaction_received` event: the canonical transaction (always 2.x) and, for a record
 * accepted in fallback mode, the rules it broke under `warnings` (same `{ field, code, message }` shape as the
 * ingest's answer). The envelope keeps no extension attributes, so the warnings travel in the data; the key is
 * absent when there are none.
 */
export type TransactionReceivedData = CanonicalTransactionV2 & { warnings?: RecordIssue[] };

/** The event data a record is appended with. */
export function transactionReceivedData(
  record: CanonicalTransactionV2,
  warnings: readonly RecordIssue[],
): TransactionReceivedData {
  return warnings.length > 0 ? { ...record, warnings: [...warnings] } : record;
}

/**
 * Splits an `ingest.transaction_received` event's data into the canonical transaction (parse it with
 * `canonicalTransactionV2`, which refuses unknown fields) and its warnings.
 */
export function readTransactionReceived(data: unknown): { transaction: unknown; warnings: RecordIssue[] } {
  if (typeof data !== 'object' || data === null || !('warnings' in data))
    return { transaction: data, warnings: [] };
  const { warnings, ...transaction } = data as { warnings: unknown };
  return { transaction, warnings: Array.isArray(warnings) ? (warnings as RecordIssue[]) : [] };
}
