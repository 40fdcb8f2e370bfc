import { isValidGtin, UOM_CODES } from '@meridian/canonical';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { z } from 'zod';
import { SKU_CODE_PATTERN } from './sku-code';

/**
 * The master records under governance as plain JSON objects (what a version's snapshot holds), and the
 * mandatory attribute schema of each entity type. Every write path (edit, approval, rollback, import) parses
 * the whole record through its schema, so no version can hold a record that breaks a rule.
 */
export type EntityType = 'SKU' | 'SUPPLIER' | 'LOCATION';
export const ENTITY_TYPES: readonly EntityType[] = ['SKU', 'SUPPLIER', 'LOCATION'];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type MasterRecord = Record<string, JsonValue>;

const rec20 = z.enum(UOM_CODES, {
  error: `use a UN/CEFACT Rec 20 unit code such as EA, KGM or LTR (supported: ${UOM_CODES.join(', ')})`,
});
const id = (what: string) => z.uuid(`use the id of a ${what} (a UUID)`);
const int = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} is required: a whole number from ${min} to ${max}` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);
const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);
const businessCode = z
  .string({ error: 'code is required' })
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'code must be 2–32 upper-case letters, digits or dashes');

/** Physical ranges: a SKU is at most 10 m long and weighs at most one tonne. */
export const DIMENSION_RANGE_MM = { min: 1, max: 10_000 } as const;
export const WEIGHT_RANGE_G = { min: 1, max: 1_000_000 } as const;
const moneyCents = (what: string) => int(what, 0, 1_000_000_000);

export const skuRecord = z
  .object({
    code: z
      .string({ error: 'code is required' })
      .regex(SKU_CODE_PATTERN, 'code must be 8 upper-case letters or digits, e.g. THBLKMED'),
    gtin: z
      .string({ error: 'gtin is required' })
      .refine(isValidGtin, 'gtin must be a GTIN-8, -12, -13 or -14 with a valid GS1 check digit'),
    name: text('name', 200),
    familyId: id('SKU family'),
    supplierId: id('supplier').nullable(),
    baseUom: rec20,
    uomConversions: z
      .array(
        z.object({
          uom: rec20,
          factor: z.number().positive('factor must be more than 0 base units').max(1_000_000),
        }),
      )
      .max(20, 'at most 20 unit conversions'),
    weightGrams: int('weightGrams', WEIGHT_RANGE_G.min, WEIGHT_RANGE_G.max).nullable(),
    lengthMm: int('lengthMm', DIMENSION_RANGE_MM.min, DIMENSION_RANGE_MM.max).nullable(),
    widthMm: int('widthMm', DIMENSION_RANGE_MM.min, DIMENSION_RANGE_MM.max).nullable(),
    heightMm: int('heightMm', DIMENSION_RANGE_MM.min, DIMENSION_RANGE_MM.max).nullable(),
    unitCostCents: moneyCents('unitCostCents'),
    priceCents: moneyCents('priceCents'),
    minOrderQty: int('minOrderQty', 1, 1_000_000),
    packSize: int('packSize', 1, 100_000),
    dataOwnerId: id('user').nullable(),
  })
  .superRefine((sku, ctx) => {
    const seen = new Set<string>();
    sku.uomConversions.forEach((conversion, index) => {
      if (conversion.uom === sku.baseUom || seen.has(conversion.uom)) {
        ctx.addIssue({
          code: 'custom',
          path: ['uomConversions', index, 'uom'],
          message: `uomConversions lists ${conversion.uom} twice or as the base unit; give each other unit once`,
        });
      }
      seen.add(conversion.uom);
    });
  });

export const SUPPLIER_FLAGS = ['NONE', 'WATCH', 'PROBATION', 'BLOCKED'] as const;
export type SupplierFlag = (typeof SUPPLIER_FLAGS)[number];

export const supplierRecord = z.object({
  code: businessCode,
  name: text('name', 200),
  leadTimeHours: int('leadTimeHours', 1, 8_760),
  leadTimeStdDevHours: int('leadTimeStdDevHours', 0, 8_760),
  reliability: z
    .number({ error: 'reliability is required: a share from 0 to 1' })
    .min(0, 'reliability must be from 0 to 1')
    .max(1, 'reliability must be from 0 to 1')
    .multipleOf(0.001, 'reliability has at most 3 decimals'),
  flag: z.enum(SUPPLIER_FLAGS),
  dataOwnerId: id('user').nullable(),
});

export const LOCATION_TYPES = ['DC', 'STORE', 'SUPPLIER_SITE'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const locationRecord = z.object({
  code: businessCode,
  name: text('name', 200),
  type: z.enum(LOCATION_TYPES, { error: 'type must be DC, STORE or SUPPLIER_SITE' }),
  region: text('region', 32),
  dataResidency: z
    .string({ error: 'dataResidency is required' })
    .regex(/^[A-Z]{2}$/, 'dataResidency must be a two-letter jurisdiction code such as US or EU'),
  parentId: id('location').nullable(),
  quarantined: z.boolean(),
  quarantineReason: z.string().max(500).nullable(),
  dataOwnerId: id('user').nullable(),
});

const schemas = { SKU: skuRecord, SUPPLIER: supplierRecord, LOCATION: locationRecord } as const;

/** The fields of each entity type's record, in the order versions list their changes. */
export const RECORD_FIELDS: Record<EntityType, readonly string[]> = {
  SKU: Object.keys(skuRecord.shape),
  SUPPLIER: Object.keys(supplierRecord.shape),
  LOCATION: Object.keys(locationRecord.shape),
};

/** Fields an editor may not set: the supplier rules own a supplier's flag and a site's quarantine. */
const derivedFields: Record<EntityType, readonly string[]> = {
  SKU: [],
  SUPPLIER: ['flag'],
  LOCATION: ['quarantined', 'quarantineReason'],
};

/** What a new record starts from before its input is applied (the optional fields' defaults). */
export const RECORD_DEFAULTS: Record<EntityType, MasterRecord> = {
  SKU: {
    supplierId: null,
    baseUom: 'EA',
    uomConversions: [],
    weightGrams: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    unitCostCents: 0,
    minOrderQty: 1,
    packSize: 1,
    dataOwnerId: null,
  },
  SUPPLIER: { leadTimeStdDevHours: 0, flag: 'NONE', dataOwnerId: null },
  LOCATION: {
    dataResidency: 'US',
    parentId: null,
    quarantined: false,
    quarantineReason: null,
    dataOwnerId: null,
  },
};

export interface RecordIssue {
  field: string;
  code: string;
  message: string;
}

/** Every rule a candidate record breaks, or the record in its stored form. */
export function checkRecord(
  entityType: EntityType,
  candidate: Record<string, unknown>,
): { record: MasterRecord; issues: [] } | { record: null; issues: RecordIssue[] } {
  const result = schemas[entityType].safeParse(candidate);
  if (result.success) return { record: result.data as MasterRecord, issues: [] };
  return {
    record: null,
    issues: result.error.issues.map((issue) => {
      const value = issue.path.reduce<unknown>(
        (node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key],
        candidate,
      );
      return {
        field: issue.path.map(String).join('.'),
        code: value === undefined || value === null ? 'REQUIRED' : 'INVALID',
        message: issue.message,
      };
    }),
  };
}

/** The record in its stored form, or BAD_USER_INPUT naming the first field that breaks a rule. */
export function parseRecord(entityType: EntityType, candidate: Record<string, unknown>): MasterRecord {
  const checked = checkRecord(entityType, candidate);
  if (checked.record) return checked.record;
  const [first] = checked.issues;
  throw new MeridianError(ErrorCode.BAD_USER_INPUT, `${first!.field}: ${first!.message}.`, {
    field: first!.field,
  });
}

/**
 * An edit's input over the current record: an absent (undefined) field keeps its value, null clears it.
 * Setting a field the rules derive is refused, so nobody can lift a quarantine by hand.
 */
export function applyInput(
  entityType: EntityType,
  current: MasterRecord | null,
  input: Record<string, unknown>,
): Record<string, unknown> {
  for (const field of derivedFields[entityType]) {
    if (input[field] !== undefined) {
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        `${field} is set by the supplier rules from the reliability score; change the reliability instead.`,
        { field },
      );
    }
  }
  const merged: Record<string, unknown> = { ...(current ?? RECORD_DEFAULTS[entityType]) };
  for (const field of RECORD_FIELDS[entityType]) {
    if (input[field] !== undefined) merged[field] = input[field];
  }
  return merged;
}

/** Whether a STORE, DC or supplier site may hang under a parent of `parentType` (null: no parent). */
export function hierarchyIssue(type: LocationType, parentType: LocationType | null): string | null {
  if (type === 'STORE' && parentType !== 'DC') return 'a store must have a DC as its parent';
  if (type === 'DC' && parentType !== null && parentType !== 'DC')
    return 'a DC can only sit under another DC';
  if (type === 'SUPPLIER_SITE' && parentType !== null) return 'a supplier site has no parent location';
  return null;
}
