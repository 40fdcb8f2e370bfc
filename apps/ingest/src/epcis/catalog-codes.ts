import { type CanonicalTransactionV2, type MappingTable, mapSourceRecord } from '@meridian/canonical';
import { mappingIssues, type RecordIssue } from '@meridian/ingestion';

/** What the tenant's master data says about the GS1 keys of one capture. */
export interface CaptureCodes {
  /** The tenant's mapping rules in force for source system `epcis` (PARTY: a GLN → a location code, …). */
  mappings: MappingTable;
  /** SKU codes by GTIN-14, for the capture's GTINs that the catalog holds. */
  skuCodeByGtin: ReadonlyMap<string, string>;
}

export type InTenantCodes =
  | { record: CanonicalTransactionV2; errors: [] }
  | { record: CanonicalTransactionV2; errors: RecordIssue[] };

/**
 * A transaction mapped from EPCIS, in the tenant's own codes. A GTIN becomes the SKU that the catalog keeps it
 * on, unless the tenant maps item numbers for `epcis` itself (then those mappings decide, as for a feed).
 * GLNs and units go through the tenant's `epcis` mappings. A GS1 key that nothing maps stays as it is, for the
 * tenant's rules to judge (UNKNOWN_SKU, UNKNOWN_LOCATION under STRICT). With errors, `record` is the
 * transaction as EPCIS gave it, for quarantine.
 */
export function inTenantCodes(transaction: CanonicalTransactionV2, codes: CaptureCodes): InTenantCodes {
  const skuCode =
    codes.mappings.SKU.size === 0 && transaction.sku_id !== null
      ? codes.skuCodeByGtin.get(transaction.sku_id)
      : undefined;
  const withSku = skuCode === undefined ? transaction : { ...transaction, sku_id: skuCode };
  const mapped = mapSourceRecord(withSku, codes.mappings);
  if (mapped.ok) return { record: mapped.record as CanonicalTransactionV2, errors: [] };
  return { record: transaction, errors: mappingIssues(mapped.errors) };
}

/** The GTINs the transactions name (their `sku_id`, a GTIN-14 as EPCIS mapping writes it). */
export function gtinsOf(transactions: readonly CanonicalTransactionV2[]): string[] {
  return [
    ...new Set(transactions.flatMap((transaction) => (transaction.sku_id ? [transaction.sku_id] : []))),
  ];
}
