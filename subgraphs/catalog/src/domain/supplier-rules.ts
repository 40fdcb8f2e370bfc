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

export interface SupplierStanding {
  code: string;
  flag: SupplierFlag;
  reliability: number;
}

/** A site's quarantine under its supplier's standing. */
export function siteQuarantine(supplier: SupplierStanding): {
  quarantined: boolean;
  quarantineReason: string | null;
} {
  return quarantinesSites(supplier.flag)
    ? {
        quarantined: true,
        quarantineReason: quarantineReason(supplier.code, supplier.flag, supplier.reliability),
      }
    : { quarantined: false, quarantineReason: null };
}

/**
 * The fields the rules derive, set on a candidate record before it is parsed: a supplier's flag from its
 * reliability, a supplier site's quarantine from its supplier's standing (a site of no known supplier keeps its own).
 */
export function withDerivedFields(
  entityType: 'SKU' | 'SUPPLIER' | 'LOCATION',
  candidate: Record<string, unknown>,
  suppliers: readonly SupplierStanding[],
): Record<string, unknown> {
  if (entityType === 'SUPPLIER' && typeof candidate.reliability === 'number') {
    return { ...candidate, flag: supplierFlag(candidate.reliability) };
  }
  if (entityType === 'LOCATION' && candidate.type === 'SUPPLIER_SITE' && typeof candidate.code === 'string') {
    const owner = suppliers.find((supplier) => isSiteOf(candidate.code as string, supplier.code));
    if (owner) return { ...candidate, ...siteQuarantine(owner) };
  }
  return candidate;
}
