// Master data as people read it: paths of records, field names in words, values with their units, and
// a version's field-level changes as before/after rows.

import { formatRelative } from './format';

/** The entity types under governance (MasterEntityType in the API). */
export type MasterEntity = 'SKU' | 'SUPPLIER' | 'LOCATION';

const LOCALE = 'en-US';
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });
// The demo tenant trades in US dollars; the API carries prices as whole cents without a currency.
const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const signedPercent = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const percent = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

const entitySegments: Record<MasterEntity, string> = {
  SKU: 'skus',
  SUPPLIER: 'suppliers',
  LOCATION: 'locations',
};

const entityLabels: Record<MasterEntity, string> = { SKU: 'SKU', SUPPLIER: 'Supplier', LOCATION: 'Location' };

export function isMasterEntity(value: string): value is MasterEntity {
  return value === 'SKU' || value === 'SUPPLIER' || value === 'LOCATION';
}

/** The control tower's page of one master record: /master-data/skus/<id>. */
export function masterRecordPath(entityType: MasterEntity, id: string): string {
  return `/master-data/${entitySegments[entityType]}/${encodeURIComponent(id)}`;
}

/** "SKU", "Supplier", "Location"; other types (e.g. a replenishment policy) spelled out as sent. */
export function entityLabel(entityType: string): string {
  if (isMasterEntity(entityType)) return entityLabels[entityType];
  const words = entityType.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whole cents as money: 2060 → "$20.60". */
export function formatCents(cents: number): string {
  return money.format(cents / 100);
}

/** A relative change as a signed percentage: 0.03 → "+3.0%". */
export function formatSignedRatio(ratio: number): string {
  return signedPercent.format(ratio);
}

type ValueFormatter = (value: unknown) => string | null;

/** `plural` for units that are words: 1 base unit, 12 base units. */
const withUnit =
  (unit: string, plural = unit): ValueFormatter =>
  (value) =>
    typeof value === 'number' ? `${integer.format(value)} ${value === 1 ? unit : plural}` : null;

const cents: ValueFormatter = (value) => (typeof value === 'number' ? formatCents(value) : null);

const ratio: ValueFormatter = (value) => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? percent.format(number) : null;
};

const conversions: ValueFormatter = (value) => {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return 'none';
  return value
    .map((entry) => {
      const { uom, factor } = (entry ?? {}) as { uom?: unknown; factor?: unknown };
      return typeof uom === 'string' && typeof factor === 'number'
        ? `1 ${uom} = ${decimal.format(factor)} base units`
        : JSON.stringify(entry);
    })
    .join(', ');
};

interface FieldSpec {
  label: string;
  format?: ValueFormatter;
}

// Field names as the API and the version history use them (SkuInput, SupplierInput, LocationInput).
const fields: Record<string, FieldSpec> = {
  code: { label: 'Code' },
  gtin: { label: 'GTIN' },
  name: { label: 'Name' },
  familyId: { label: 'Family' },
  familyCode: { label: 'Family' },
  supplierId: { label: 'Supplier' },
  supplierCode: { label: 'Supplier' },
  parentCode: { label: 'Parent location' },
  baseUom: { label: 'Base unit' },
  uomConversions: { label: 'Unit conversions', format: conversions },
  weightGrams: { label: 'Weight', format: withUnit('g') },
  lengthMm: { label: 'Length', format: withUnit('mm') },
  widthMm: { label: 'Width', format: withUnit('mm') },
  heightMm: { label: 'Height', format: withUnit('mm') },
  unitCostCents: { label: 'Unit cost', format: cents },
  priceCents: { label: 'List price', format: cents },
  minOrderQty: { label: 'Minimum order', format: withUnit('base unit', 'base units') },
  packSize: { label: 'Pack size', format: withUnit('base unit', 'base units') },
  dataOwnerId: { label: 'Data owner' },
  leadTimeHours: { label: 'Lead time', format: withUnit('h') },
  leadTimeStdDevHours: { label: 'Lead time std. dev.', format: withUnit('h') },
  reliability: { label: 'Reliability (on time, in full)', format: ratio },
  flag: { label: 'Flag' },
  type: { label: 'Type' },
  region: { label: 'Region' },
  dataResidency: { label: 'Data residency' },
  parentId: { label: 'Parent location' },
  quarantined: { label: 'Quarantined' },
  quarantineReason: { label: 'Quarantine reason' },
};

/** Whether `field` is a master-record field with a name in words (source payload fields are not). */
export function isMasterField(field: string): boolean {
  return field in fields;
}

/** A field's name in words: "priceCents" → "List price"; unknown ones split from camelCase. */
export function fieldLabel(field: string): string {
  const known = fields[field];
  if (known) return known.label;
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Names of records a field refers to by id (family, supplier, parent location), where the page knows them. */
export type ReferenceNames = ReadonlyMap<string, string>;

/**
 * A field's value with its unit: priceCents 2060 → "$20.60", weightGrams 170 → "170 g"; absent → "not set".
 * An id of a record named in `names` is shown by that name.
 */
export function formatFieldValue(field: string, value: unknown, names?: ReferenceNames): string {
  if (value === null || value === undefined || value === '') return 'not set';
  if (typeof value === 'string' && names?.has(value)) return names.get(value)!;
  const formatted = fields[field]?.format?.(value);
  if (formatted) return formatted;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return decimal.format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export interface FieldChangeLike {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** One changed field, ready to show: label, before and after with units, and the relative change of a number. */
export interface DiffRow {
  field: string;
  label: string;
  before: string;
  after: string;
  /** "+3.0%" when both values are numbers and the old one is not zero */
  relativeChange: string | null;
}

export function diffRows(changes: readonly FieldChangeLike[], names?: ReferenceNames): DiffRow[] {
  return changes.map((change) => {
    const { field, before, after } = change;
    const numeric = typeof before === 'number' && typeof after === 'number' && before !== 0;
    return {
      field,
      label: fieldLabel(field),
      before: formatFieldValue(field, before, names),
      after: formatFieldValue(field, after, names),
      relativeChange: numeric ? formatSignedRatio((after - before) / Math.abs(before)) : null,
    };
  });
}

/** A record's first version: every field goes from nothing to a value, so only the values are worth showing. */
export function isCreation(changes: readonly FieldChangeLike[]): boolean {
  return (
    changes.length > 0 && changes.every((change) => change.before === null || change.before === undefined)
  );
}

/** The two versions to compare, oldest first, whatever order they were picked in. */
export function orderedPair(first: number, second: number): { fromVersion: number; toVersion: number } {
  return first <= second
    ? { fromVersion: first, toVersion: second }
    : { fromVersion: second, toVersion: first };
}

const approvalRules: Record<string, string> = {
  DIMENSION_VARIANCE: 'Dimensions changed beyond the allowed variance',
  PRICE_CHANGE: 'Price changed beyond the approval threshold',
  LEAD_TIME_CHANGE: 'Lead time changed beyond the approval threshold',
  REORDER_POINT_CHANGE: 'Reorder point changed beyond the approval threshold',
};

export interface ApprovalReasonLike {
  rule: string;
  field: string;
  variance: number;
  threshold: number;
}

/** Why a change waits for approval: "List price changed by 3.0%, the threshold is 1.0%". */
export function describeApprovalReason(reason: ApprovalReasonLike): string {
  const label = fieldLabel(reason.field);
  // Lead-time rules measure hours, the others a relative change (0.03 = 3 %).
  if (reason.rule === 'LEAD_TIME_CHANGE') {
    return `${label} changed by ${integer.format(reason.variance)} h; changes over ${integer.format(reason.threshold)} h need approval.`;
  }
  const rule = approvalRules[reason.rule] ?? fieldLabel(reason.rule.toLowerCase());
  return `${rule}: ${label} changed by ${percent.format(Math.abs(reason.variance))}; changes over ${percent.format(reason.threshold)} need approval.`;
}

/** Import content type from a file's name: "skus.csv" → CSV; null when the extension says neither. */
export function importFormatOfFile(fileName: string): 'CSV' | 'JSON' | null {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv') return 'CSV';
  if (extension === 'json' || extension === 'ndjson') return 'JSON';
  return null;
}

/**
 * The signed-in user's id: the access token's subject. Only used to recognise the user's own change
 * requests and versions; the gateway checks the token, this only reads it.
 */
export function userIdOfToken(accessToken: string): string | null {
  const payload = accessToken.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const subject = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof subject === 'string' ? subject : null;
  } catch {
    return null;
  }
}

/** Who did something, for a sentence: "you", the user's name, or a short form of the id the API gave. */
export function describeUser(
  id: string | null | undefined,
  name: string | null | undefined,
  signedInUserId: string | null,
): string {
  if (id && id === signedInUserId) return 'you';
  if (name) return name;
  return id ? `user ${id.slice(0, 8)}` : 'an unknown user';
}

/**
 * How long ago something happened: "5 min. ago", "just now" within a minute. A time slightly ahead of
 * the browser's clock (a request the server stamped a moment ago) is "just now", never "in 2 sec.".
 */
export function formatSince(iso: string, now: number): string {
  const elapsedMs = now - Date.parse(iso);
  return elapsedMs < 60_000 ? 'just now' : formatRelative(iso, now);
}
