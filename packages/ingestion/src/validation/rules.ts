import type { CanonicalTransactionV2 } from '@meridian/canonical';
import type { RecordIssue } from '../record-results';

/** What a tenant's records are checked against beyond their schema; each rule answers with one of these. */
export const RULE_CODES = {
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  UNKNOWN_LOCATION: 'UNKNOWN_LOCATION',
  UOM_MISMATCH: 'UOM_MISMATCH',
  TIMESTAMP_IN_FUTURE: 'TIMESTAMP_IN_FUTURE',
} as const;
export type RuleCode = (typeof RULE_CODES)[keyof typeof RULE_CODES];

/** Clocks drift: a source may be this far ahead of ours before its timestamps count as in the future. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** STRICT rejects a record that breaks a rule; FALLBACK accepts it with the rule's issues as warnings. */
export type ValidationMode = 'STRICT' | 'FALLBACK';
export const VALIDATION_MODES: readonly ValidationMode[] = ['STRICT', 'FALLBACK'];

/** The tenant's catalog as far as the rules need it: SKU codes with their base unit, location codes. */
export interface CatalogView {
  /** The SKU's base unit (UN/CEFACT Rec 20), or undefined when the tenant has no SKU with this code. */
  baseUomOf(skuCode: string): string | undefined;
  hasLocation(locationCode: string): boolean;
}

/** The catalog codes a record refers to (the rules look them up). */
export function catalogReferencesOf(record: CanonicalTransactionV2): {
  skuCode: string | null;
  locationCode: string | null;
} {
  const payload = record.payload as { location_id?: string | null };
  return { skuCode: record.sku_id ?? null, locationCode: payload.location_id ?? null };
}

/**
 * Where the unit sits in the record as it was sent: 1.x records carry `uom` beside `quantity`, 2.x records
 * a `measure`. Issues name the field the sender wrote.
 */
export function uomFieldOf(sent: unknown): string {
  return typeof sent === 'object' && sent !== null && 'uom' in sent ? 'uom' : 'measure.uom';
}

/** The rules a schema-valid record breaks, in field order; empty when it breaks none. */
export function ruleIssues(
  record: CanonicalTransactionV2,
  catalog: CatalogView,
  now: number,
  uomField = 'measure.uom',
): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const { skuCode, locationCode } = catalogReferencesOf(record);
  if (skuCode !== null) {
    const baseUom = catalog.baseUomOf(skuCode);
    if (baseUom === undefined) {
      issues.push({
        field: 'sku_id',
        code: RULE_CODES.UNKNOWN_SKU,
        message: `sku_id ${skuCode} is not a SKU code in your catalog; create the SKU first or send its catalog code.`,
      });
    } else if (record.measure !== null && record.measure.uom !== baseUom) {
      issues.push({
        field: uomField,
        code: RULE_CODES.UOM_MISMATCH,
        message: `The quantity is in ${record.measure.uom} but SKU ${skuCode} is kept in ${baseUom}; convert it to ${baseUom}, its base unit.`,
      });
    }
  }
  if (locationCode !== null && !catalog.hasLocation(locationCode)) {
    issues.push({
      field: 'payload.location_id',
      code: RULE_CODES.UNKNOWN_LOCATION,
      message: `payload.location_id ${locationCode} is not a location code in your catalog; create the location first or send its catalog code.`,
    });
  }
  if (Date.parse(record.timestamp) > now + FUTURE_TOLERANCE_MS) {
    issues.push({
      field: 'timestamp',
      code: RULE_CODES.TIMESTAMP_IN_FUTURE,
      message: `timestamp ${record.timestamp} is more than 5 minutes ahead of ${new Date(now).toISOString()}; send when it happened, in UTC.`,
    });
  }
  return issues;
}
