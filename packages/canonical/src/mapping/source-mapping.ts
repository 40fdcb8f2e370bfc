import { UOM_CODES } from '../units/uom';

/**
 * Source-system mappings: how a source system's item numbers, unit codes and party ids translate into the
 * canonical model. Pure: the caller reads the rules (catalog.SourceMapping) and applies them here, so the
 * ingest and the catalog's dry run map a record the same way.
 */
export const MAPPING_KINDS = ['SKU', 'UOM', 'PARTY'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

export interface SourceMappingRule {
  kind: MappingKind;
  /** The source's identifier: its item number, unit code or party id. */
  sourceValue: string;
  /** SKU: canonical SKU code; UOM: Rec 20 code; PARTY: supplier or location code. Null retires the mapping. */
  targetValue: string | null;
  /** UOM only: canonical units per source unit (a case of 12 → 12). */
  factor?: number | null;
  effectiveFrom: Date | string;
}

export type MappingErrorCode =
  | 'NOT_AN_OBJECT'
  | 'UNMAPPED_VALUE'
  | 'MAPPING_RETIRED'
  | 'INVALID_TARGET'
  | 'INVALID_QUANTITY'
  | 'QUANTITY_NOT_WHOLE';

export interface MappingError {
  /** Dotted path of the source field, e.g. `measure.uom`. */
  field: string;
  code: MappingErrorCode;
  message: string;
}

export type MappingResult =
  | { ok: true; record: Record<string, unknown>; errors: [] }
  | { ok: false; record: null; errors: MappingError[] };

/** The rules in force: per kind, per source value, the one with the latest effectiveFrom at or before `at`. */
export type MappingTable = Record<MappingKind, Map<string, SourceMappingRule>>;

export function mappingsInForce(rules: readonly SourceMappingRule[], at: Date = new Date()): MappingTable {
  const table: MappingTable = { SKU: new Map(), UOM: new Map(), PARTY: new Map() };
  const time = (rule: SourceMappingRule) => new Date(rule.effectiveFrom).getTime();
  for (const rule of rules) {
    if (time(rule) > at.getTime()) continue;
    const current = table[rule.kind].get(rule.sourceValue);
    if (!current || time(current) < time(rule)) table[rule.kind].set(rule.sourceValue, rule);
  }
  return table;
}

/** Where the canonical transaction (1.x and 2.x) carries each kind of value. */
const PARTY_FIELDS = ['payload.location_id', 'payload.supplier_id', 'payload.counterparty_id'] as const;
const SKU_FIELD = 'sku_id';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function read(record: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), record);
}

function write(record: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Json)[key], record) as Json;
  parent[keys.at(-1)!] = value;
}

/**
 * The canonical value of one source value, or the error that stops it. A kind without any rule passes values
 * through (the source already speaks canonical for it); once a kind has rules, every value needs one.
 */
function translate(
  table: MappingTable,
  kind: MappingKind,
  field: string,
  value: string,
): { rule: SourceMappingRule | null; error: MappingError | null } {
  if (table[kind].size === 0) return { rule: null, error: null };
  const rule = table[kind].get(value);
  if (!rule) {
    return {
      rule: null,
      error: {
        field,
        code: 'UNMAPPED_VALUE',
        message: `${field}: no ${kind} mapping for "${value}"; add one for this source system.`,
      },
    };
  }
  if (rule.targetValue === null) {
    return {
      rule: null,
      error: {
        field,
        code: 'MAPPING_RETIRED',
        message: `${field}: the ${kind} mapping for "${value}" was retired on ${new Date(rule.effectiveFrom).toISOString()}.`,
      },
    };
  }
  return { rule, error: null };
}

/** A whole number when the product is within float noise of one (mapping factors have six decimals). */
function wholeOrNull(value: number): number | null {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-6 ? rounded : null;
}

/**
 * Applies a source system's mappings to one source record: `sku_id` through SKU mappings, the payload's
 * `location_id`, `supplier_id` and `counterparty_id` through PARTY mappings, and the unit (2.x `measure.uom`,
 * 1.x `uom`) through UOM mappings, multiplying the quantity by the factor. A unit without a mapping that is
 * already a Rec 20 code passes with factor 1. Returns the canonical record, or every error found.
 */
export function mapSourceRecord(
  record: unknown,
  rules: readonly SourceMappingRule[] | MappingTable,
  at?: Date,
): MappingResult {
  if (!isObject(record)) {
    return {
      ok: false,
      record: null,
      errors: [{ field: '', code: 'NOT_AN_OBJECT', message: 'A source record must be a JSON object.' }],
    };
  }
  const table = Array.isArray(rules) ? mappingsInForce(rules, at) : (rules as MappingTable);
  // Copies only the objects a mapping may write into: a record can be arbitrarily deep (a hostile one
  // thousands of levels), and the rest is handed on unchanged.
  const mapped: Json = { ...record };
  for (const key of ['payload', 'measure'] as const) {
    const nested = mapped[key];
    if (isObject(nested)) mapped[key] = { ...nested };
  }
  const errors: MappingError[] = [];

  const mapIdentifier = (kind: 'SKU' | 'PARTY', field: string) => {
    const value = read(mapped, field);
    if (typeof value !== 'string') return;
    const { rule, error } = translate(table, kind, field, value);
    if (error) errors.push(error);
    else if (rule) write(mapped, field, rule.targetValue);
  };
  mapIdentifier('SKU', SKU_FIELD);
  for (const field of PARTY_FIELDS) mapIdentifier('PARTY', field);

  const [uomField, quantityField] = isObject(mapped.measure)
    ? ['measure.uom', 'measure.quantity']
    : ['uom', 'quantity'];
  const unit = read(mapped, uomField);
  if (typeof unit === 'string') {
    const known = table.UOM.size > 0 && !table.UOM.has(unit) && UOM_CODES.includes(unit);
    const { rule, error } = known ? { rule: null, error: null } : translate(table, 'UOM', uomField, unit);
    if (error) errors.push(error);
    else if (rule) {
      const target = rule.targetValue!;
      const factor = rule.factor ?? 1;
      const quantity = read(mapped, quantityField);
      if (!UOM_CODES.includes(target)) {
        errors.push({
          field: uomField,
          code: 'INVALID_TARGET',
          message: `${uomField}: "${unit}" maps to ${target}, which is not a supported Rec 20 code; fix the mapping.`,
        });
      } else if (!(factor > 0)) {
        errors.push({
          field: uomField,
          code: 'INVALID_TARGET',
          message: `${uomField}: the mapping for "${unit}" has factor ${factor}; a factor must be more than 0.`,
        });
      } else if (quantity !== null && quantity !== undefined && typeof quantity !== 'number') {
        errors.push({
          field: quantityField,
          code: 'INVALID_QUANTITY',
          message: `${quantityField}: a quantity must be a number to convert it from ${unit} to ${target}.`,
        });
      } else {
        write(mapped, uomField, target);
        if (typeof quantity === 'number') {
          const converted = wholeOrNull(quantity * factor);
          if (converted === null) {
            errors.push({
              field: quantityField,
              code: 'QUANTITY_NOT_WHOLE',
              message: `${quantityField}: ${quantity} ${unit} is ${quantity * factor} ${target}, not a whole number of ${target}.`,
            });
          } else write(mapped, quantityField, converted);
        }
      }
    }
  }
  return errors.length ? { ok: false, record: null, errors } : { ok: true, record: mapped, errors: [] };
}
