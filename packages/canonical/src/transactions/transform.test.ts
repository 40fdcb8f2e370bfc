import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UOM_CODES } from '../units/uom';
import { toV1, toV2 } from './transform';
import { type CanonicalTransactionV1, canonicalTransactionV1 } from './v1';
import { type CanonicalTransactionV2, canonicalTransactionV2 } from './v2';

// Every event type's valid 1.0.0 fixture is a seed; the properties vary the fields the transformers move.
const fixturesDir = new URL('../../fixtures/canonical-transaction/1.0.0/valid', import.meta.url).pathname;
const seeds = readdirSync(fixturesDir).map(
  (file) => JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as CanonicalTransactionV1,
);

const lotId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const v1Document = fc
  .record({
    seed: fc.constantFrom(...seeds),
    lot_id: fc.option(lotId, { nil: null }),
    quantity: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    uom: fc.constantFrom(...UOM_CODES),
    status: fc.constantFrom('active', 'corrected', 'cancelled' as const),
  })
  .map(({ seed, lot_id, quantity, uom, status }): CanonicalTransactionV1 => {
    const measured = seed.quantity !== null;
    return {
      ...seed,
      lot_id,
      status,
      quantity: measured ? quantity : null,
      uom: measured ? uom : null,
    } as CanonicalTransactionV1;
  });

const v2Document = fc
  .record({ v1: v1Document, expires_on: fc.option(isoDate, { nil: null }) })
  .map(({ v1, expires_on }): CanonicalTransactionV2 => {
    const document = toV2(v1);
    return { ...document, lot: document.lot && { ...document.lot, expires_on } };
  });

describe('transformers between canonical transaction 1.x and 2.x', () => {
  it('1 → 2 gives a valid 2.0.0 document and 1 → 2 → 1 gives back the same document', () => {
    fc.assert(
      fc.property(v1Document, (document) => {
        expect(canonicalTransactionV1.safeParse(document).success).toBe(true);
        const upgraded = toV2(document);
        expect(canonicalTransactionV2.safeParse(upgraded).success).toBe(true);
        expect(toV1(upgraded)).toEqual(document);
      }),
    );
  });

  it('2 → 1 gives a valid 1.0.0 document that keeps quantity, unit and lot id', () => {
    fc.assert(
      fc.property(v2Document, (document) => {
        const downgraded = toV1(document);
        expect(canonicalTransactionV1.safeParse(downgraded).success).toBe(true);
        expect(downgraded.quantity).toBe(document.measure?.quantity ?? null);
        expect(downgraded.uom).toBe(document.measure?.uom ?? null);
        expect(downgraded.lot_id).toBe(document.lot?.id ?? null);
      }),
    );
  });

  it('2 → 1 → 2 gives back the same document except the expiry date, which 1.x cannot carry', () => {
    fc.assert(
      fc.property(v2Document, (document) => {
        const expected = { ...document, lot: document.lot && { ...document.lot, expires_on: null } };
        expect(toV2(toV1(document))).toEqual(expected);
      }),
    );
  });

  it('do not change the document they are given', () => {
    fc.assert(
      fc.property(v2Document, (document) => {
        const before = structuredClone(document);
        toV2(toV1(document));
        expect(document).toEqual(before);
      }),
    );
  });
});
