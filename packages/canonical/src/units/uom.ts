import { z } from 'zod';
import rec20 from './rec20-common-codes.json';

/**
 * Units of measure as UN/CEFACT Recommendation 20 codes. Only the common subset in
 * rec20-common-codes.json is accepted: adding a code there widens the schema, so it needs a new minor
 * schema version like any other change.
 */
export const UOM_CODES = rec20.codes.map((entry) => entry.code) as [string, ...string[]];

export const uom = z.enum(UOM_CODES, {
  error: (issue) =>
    issue.input === undefined
      ? 'uom is required: a UN/CEFACT Rec 20 unit code such as EA, KGM or LTR.'
      : `uom must be one of the supported UN/CEFACT Rec 20 codes (${UOM_CODES.join(', ')}).`,
});
