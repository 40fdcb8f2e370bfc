import type { SupplierFlag } from './records';

/**
 * Reliability (share of on-time, in-full deliveries) → flag, applied on every supplier change:
 * ≥ 0.95 NONE, ≥ 0.90 WATCH, ≥ 0.80 PROBATION, below BLOCKED.
 */
export const FLAG_FLOORS: ReadonlyArray<{ flag: SupplierFlag; atLeast: number }> = [
  { flag: 'NONE', atLeast: 0.95 },
  { flag: 'WATCH', atLeast: 0.9 },
  { flag: 'PROBATION', atLeast: 0.8 },
];

export function supplierFlag(reliability: number): SupplierFlag {
  return FLAG_FLOORS.find((floor) => reliability >= floor.atLeast)?.flag ?? 'BLOCKED';
}

/** PROBATION and BLOCKED suppliers' sites are under the quarantine procedure: their receipts are held. */
export function quarantinesSites(flag: SupplierFlag): boolean {
  return flag === 'PROBATION' || flag === 'BLOCKED';
}

export function quarantineReason(supplierCode: string, flag: SupplierFlag, reliability: number): string {
  return `Supplier ${supplierCode} is ${flag} (reliability ${reliability.toFixed(3)}): hold receipts for inspection.`;
}

/**
 * A supplier's sites are the SUPPLIER_SITE locations whose code is the supplier's code followed by a dash and
 * the site's own part, e.g. SUP-SAIGON-HCM for supplier SUP-SAIGON.
 */
export function isSiteOf(siteCode: string, supplierCode: string): boolean {
  return siteCode.startsWith(`${supplierCode}-`) && siteCode.length > supplierCode.length + 1;
}
