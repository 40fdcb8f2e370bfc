import {
  type CanonicalTransactionV2,
  canonicalTransactionV1,
  canonicalTransactionV2,
  toV2,
} from '@meridian/canonical';

/** `safeParse` with issues carrying a path and a message, as zod answers. */
export interface RecordSchema<Record> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Record }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Either published major, by the record's `version`; 1.x is lifted to 2.x with the canonical transformer
 * so that the backbone carries one shape and consumers handle one version.
 */
export const canonicalRecordSchema: RecordSchema<CanonicalTransactionV2> = {
  safeParse(value) {
    const version =
      typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : null;
    if (typeof version === 'string' && version.startsWith('1.')) {
      const v1 = canonicalTransactionV1.safeParse(value);
      return v1.success ? { success: true, data: toV2(v1.data) } : v1;
    }
    return canonicalTransactionV2.safeParse(value);
  },
};
