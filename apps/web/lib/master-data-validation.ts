// Cheap checks the edit forms run before sending, so a typo is answered at once under its field; the
// API checks everything again and its BAD_USER_INPUT errors land under the field they name.

import type { MasterEntity } from './master-data';

/** Form values as typed (strings), by the API input field they fill. */
export type Draft = Record<string, string>;

/** Messages by the field they belong to; an empty object means the draft can be sent. */
export type FieldProblems = Record<string, string>;

export type FieldKind =
  | 'text'
  | 'code'
  | 'sku-code'
  | 'gtin'
  | 'uom'
  | 'jurisdiction'
  | 'integer'
  | 'money'
  | 'percent'
  | 'select';

export interface FormField {
  /** The API input field (SkuInput.priceCents …) */
  name: string;
  label: string;
  kind: FieldKind;
  /** Shown after the input: "g", "mm", "USD" */
  unit?: string;
  hint?: string;
  required?: boolean;
  /** Smallest whole number allowed (integer fields) */
  min?: number;
  options?: readonly string[];
}

export const skuFields: readonly FormField[] = [
  { name: 'code', label: 'Code', kind: 'sku-code', required: true, hint: '8 characters, A–Z and 0–9' },
  { name: 'gtin', label: 'GTIN', kind: 'gtin', required: true, hint: '8, 12, 13 or 14 digits' },
  { name: 'name', label: 'Name', kind: 'text', required: true },
  {
    name: 'baseUom',
    label: 'Base unit',
    kind: 'uom',
    required: true,
    hint: 'UN/CEFACT Rec 20 code, e.g. EA',
  },
  { name: 'priceCents', label: 'List price', kind: 'money', unit: 'USD', required: true },
  { name: 'unitCostCents', label: 'Unit cost', kind: 'money', unit: 'USD', required: true },
  {
    name: 'minOrderQty',
    label: 'Minimum order',
    kind: 'integer',
    unit: 'base units',
    min: 1,
    required: true,
  },
  { name: 'packSize', label: 'Pack size', kind: 'integer', unit: 'base units', min: 1, required: true },
  { name: 'weightGrams', label: 'Weight', kind: 'integer', unit: 'g', min: 1 },
  { name: 'lengthMm', label: 'Length', kind: 'integer', unit: 'mm', min: 1 },
  { name: 'widthMm', label: 'Width', kind: 'integer', unit: 'mm', min: 1 },
  { name: 'heightMm', label: 'Height', kind: 'integer', unit: 'mm', min: 1 },
];

export const supplierFields: readonly FormField[] = [
  { name: 'code', label: 'Code', kind: 'code', required: true },
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'leadTimeHours', label: 'Lead time', kind: 'integer', unit: 'h', min: 1, required: true },
  {
    name: 'leadTimeStdDevHours',
    label: 'Lead time std. dev.',
    kind: 'integer',
    unit: 'h',
    min: 0,
    required: true,
  },
  {
    name: 'reliability',
    label: 'Reliability',
    kind: 'percent',
    unit: '%',
    required: true,
    hint: 'share of on-time, in-full deliveries',
  },
];

export const locationFields: readonly FormField[] = [
  { name: 'code', label: 'Code', kind: 'code', required: true },
  { name: 'name', label: 'Name', kind: 'text', required: true },
  { name: 'type', label: 'Type', kind: 'select', options: ['DC', 'STORE', 'SUPPLIER_SITE'], required: true },
  { name: 'region', label: 'Region', kind: 'text', required: true },
  {
    name: 'dataResidency',
    label: 'Data residency',
    kind: 'jurisdiction',
    required: true,
    hint: 'two letters, e.g. US, EU',
  },
];

export const formFieldsOf: Record<MasterEntity, readonly FormField[]> = {
  SKU: skuFields,
  SUPPLIER: supplierFields,
  LOCATION: locationFields,
};

const SKU_CODE = /^[A-Z0-9]{8}$/;
const BUSINESS_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** The GS1 check digit over the digits before it (weights 3, 1, 3 … from the right). */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let fromRight = 0; fromRight < digitsWithoutCheck.length; fromRight++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - fromRight]);
    sum += fromRight % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function skuCodeProblem(code: string): string | null {
  if (SKU_CODE.test(code)) return null;
  if (code.length !== 8) return `A SKU code has 8 characters; this one has ${code.length}.`;
  return 'A SKU code uses only the capital letters A–Z and the digits 0–9.';
}

export function gtinProblem(gtin: string): string | null {
  if (!/^\d+$/.test(gtin)) return 'A GTIN is digits only.';
  if (!GTIN_LENGTHS.has(gtin.length)) {
    return `A GTIN has 8, 12, 13 or 14 digits; this one has ${gtin.length}.`;
  }
  const expected = gs1CheckDigit(gtin.slice(0, -1));
  const actual = Number(gtin.at(-1));
  return expected === actual
    ? null
    : `The check digit (the last digit) should be ${expected}, not ${actual}. Check the number for a typo.`;
}

/** "20.60", "$1,020.6" → 102060 cents; null when it is not an amount with at most two decimals. */
export function parseMoney(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replaceAll(',', '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 2060 → "20.60", the form's way of showing cents. */
export function centsToText(cents: number): string {
  return (cents / 100).toFixed(2);
}

function parseWhole(text: string): number | null {
  const cleaned = text.trim().replaceAll(',', '');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/** "95.5" (percent, one decimal at most) → 0.955; null when it is not such a number from 0 to 100. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/%$/, '').trim();
  if (!/^\d+(\.\d)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 100 ? Math.round(value * 10) / 1000 : null;
}

function fieldProblem(field: FormField, raw: string): string | null {
  const text = raw.trim();
  if (text === '') return field.required ? `${field.label} is required.` : null;
  switch (field.kind) {
    case 'sku-code':
      return skuCodeProblem(text);
    case 'code':
      return BUSINESS_CODE.test(text)
        ? null
        : 'A code is 2 to 32 capital letters, digits or dashes, starting with a letter or digit.';
    case 'jurisdiction':
      return /^[A-Z]{2}$/.test(text) ? null : 'Use a two-letter code such as US or EU.';
    case 'gtin':
      return gtinProblem(text);
    case 'uom':
      return /^[A-Z0-9]{2,3}$/.test(text)
        ? null
        : 'A unit is a UN/CEFACT Rec 20 code: 2 or 3 capital letters or digits, e.g. EA, KGM.';
    case 'integer': {
      const value = parseWhole(text);
      if (value === null) return `${field.label} is a whole number${field.unit ? ` of ${field.unit}` : ''}.`;
      const min = field.min ?? Number.MIN_SAFE_INTEGER;
      return value < min ? `${field.label} must be at least ${min}.` : null;
    }
    case 'money':
      return parseMoney(text) === null
        ? `${field.label} is an amount like 20.60, with at most two decimals.`
        : null;
    case 'percent':
      return parsePercent(text) === null
        ? `${field.label} is a percentage from 0 to 100 with at most one decimal.`
        : null;
    case 'select':
      return field.options?.includes(text) ? null : `Choose one of ${field.options?.join(', ')}.`;
    default:
      return null;
  }
}

/** Every problem the form can see without asking the API, by field. */
export function validateDraft(formFields: readonly FormField[], draft: Draft): FieldProblems {
  const problems: FieldProblems = {};
  for (const field of formFields) {
    const problem = fieldProblem(field, draft[field.name] ?? '');
    if (problem) problems[field.name] = problem;
  }
  return problems;
}

function toText(field: FormField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.kind === 'money' && typeof value === 'number') return centsToText(value);
  if (field.kind === 'percent') {
    const ratio = Number(value);
    return Number.isFinite(ratio) ? String(Math.round(ratio * 1000) / 10) : '';
  }
  return String(value);
}

/** The form's starting values from a record as the API returned it. */
export function draftOf(formFields: readonly FormField[], record: Record<string, unknown>): Draft {
  return Object.fromEntries(formFields.map((field) => [field.name, toText(field, record[field.name])]));
}

function toValue(field: FormField, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return null;
  switch (field.kind) {
    case 'integer':
      return parseWhole(text);
    case 'money':
      return parseMoney(text);
    case 'percent':
      return parsePercent(text);
    case 'sku-code':
      return text.toUpperCase();
    default:
      return text;
  }
}

/**
 * The API input holding only the fields the user changed (a partial update), so an edit names exactly
 * what it changes and an untouched field can never be overwritten with a stale value.
 */
export function changedInput(
  formFields: readonly FormField[],
  original: Draft,
  draft: Draft,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of formFields) {
    const before = toValue(field, original[field.name] ?? '');
    const after = toValue(field, draft[field.name] ?? '');
    if (before !== after) input[field.name] = after;
  }
  return input;
}

/**
 * Which form field an API error names: "priceCents", "input.priceCents" or "context.comment" → the
 * field's name; null when the form has no such field (the message is then shown for the whole form).
 */
export function formFieldOfError(field: string | null, names: readonly string[]): string | null {
  if (!field) return null;
  return field.split('.').find((segment) => names.includes(segment)) ?? null;
}

/** The API's "priceCents: must be at most …" without the field name, for showing under that field. */
export function messageWithoutField(message: string, field: string | null): string {
  if (!field) return message;
  const prefix = `${field}: `;
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Every change carries why (ChangeContext.comment); the catalog wants at least this many characters. */
export const MIN_COMMENT_LENGTH = 3;

export function commentProblem(comment: string): string | null {
  const length = comment.trim().length;
  if (length === 0) return 'Say why you make the change; it is kept with the version.';
  return length < MIN_COMMENT_LENGTH ? `Say a little more: at least ${MIN_COMMENT_LENGTH} characters.` : null;
}

/** API errors that belong under a form field: bad input, or a value another record already holds. */
export function isFieldError(code: string | null): boolean {
  return code === 'BAD_USER_INPUT' || code === 'CONFLICT';
}
