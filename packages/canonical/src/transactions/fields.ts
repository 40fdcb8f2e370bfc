import { z } from 'zod';

/**
 * Field schemas shared by every event type and version. Each carries its own message, because the
 * ingest answers a rejected record with the field path and this message: say what a valid value looks like.
 * Only constraints JSON Schema can express are used (no refinements), so zod and the published JSON
 * Schema accept exactly the same documents.
 */
type Issue = { input?: unknown };
const expect = (field: string, what: string) => (issue: Issue) =>
  issue.input === undefined || issue.input === null
    ? `${field} is required: ${what}.`
    : `${field} must be ${what}.`;

/** A closed object: an unknown (often misspelt) field is refused by name rather than silently dropped. */
export const closedObject = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown field(s) ${issue.keys.join(', ')}: remove them or check their spelling against the published schema.`
        : undefined,
  });

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
/** An identifier as the source system or catalog knows it (SKU code, lot number, shipment reference …). */
export const identifier = (field: string) => {
  const what = '1–64 characters: letters, digits and . _ : / -, starting with a letter or digit';
  return z.string({ error: expect(field, what) }).regex(IDENTIFIER, { error: `${field} must be ${what}.` });
};

export const uuid = (field: string) =>
  z.uuid({ error: expect(field, 'a UUID such as 0b9a9c1e-5f3d-4e7a-9c41-2f6d8a1b7c10') });

const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
/** ISO 8601 in UTC with a `Z`: offsets are refused so that every stored time compares as written. */
export const utcTimestamp = (field: string) => {
  const what = 'an ISO 8601 UTC timestamp ending in Z, such as 2026-11-27T14:05:00Z';
  return z
    .string({ error: expect(field, what) })
    .regex(UTC_TIMESTAMP, { error: `${field} must be ${what}.` });
};

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const calendarDate = (field: string) => {
  const what = 'a calendar date YYYY-MM-DD, such as 2026-12-01';
  return z
    .string({ error: expect(field, what) })
    .regex(CALENDAR_DATE, { error: `${field} must be ${what}.` });
};

export const boundedText = (field: string, max: number) =>
  z
    .string({ error: expect(field, `text of at most ${max} characters`) })
    .min(1, { error: `${field} must not be empty.` })
    .max(max, { error: `${field} must be at most ${max} characters.` });

export const integer = (field: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
  const what =
    max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  return z
    .int({ error: expect(field, what) })
    .min(min, { error: `${field} must be ${what}.` })
    .max(max, { error: `${field} must be ${what}.` });
};

export const number = (field: string, min: number, max: number) => {
  const what = `a number from ${min} to ${max}`;
  return z
    .number({ error: expect(field, what) })
    .min(min, { error: `${field} must be ${what}.` })
    .max(max, { error: `${field} must be ${what}.` });
};

export const oneOf = <const Values extends readonly [string, ...string[]]>(field: string, values: Values) =>
  z.enum(values, { error: expect(field, `one of ${values.join(', ')}`) });

export const pattern = (field: string, regex: RegExp, what: string) =>
  z.string({ error: expect(field, what) }).regex(regex, { error: `${field} must be ${what}.` });
