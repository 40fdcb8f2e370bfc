import type { CanonicalTransactionV1 } from './v1';
import type { CanonicalTransactionV2 } from './v2';

/**
 * Transformers between the two published majors, pure and total on valid documents, so that ingest can
 * accept either and serve either. 1 → 2 → 1 gives back the same document; 2 → 1 drops `lot.expires_on`,
 * which 1.x cannot carry, so 2 → 1 → 2 is exact only when it is null.
 *
 * The casts: TypeScript cannot follow a mapping over the event-type union member by member; the
 * round-trip tests parse every output against the target schema instead.
 */
export const V1_VERSION = '1.0.0';
export const V2_VERSION = '2.0.0';

export function toV2(document: CanonicalTransactionV1): CanonicalTransactionV2 {
  const { quantity, uom, lot_id, version: _version, ...shared } = document;
  return {
    ...shared,
    version: V2_VERSION,
    lot: lot_id === null ? null : { id: lot_id, expires_on: null },
    measure: quantity === null ? null : { quantity, uom },
  } as CanonicalTransactionV2;
}

export function toV1(document: CanonicalTransactionV2): CanonicalTransactionV1 {
  const { measure, lot, version: _version, ...shared } = document;
  return {
    ...shared,
    version: V1_VERSION,
    lot_id: lot === null ? null : lot.id,
    quantity: measure === null ? null : measure.quantity,
    uom: measure === null ? null : measure.uom,
  } as CanonicalTransactionV1;
}
