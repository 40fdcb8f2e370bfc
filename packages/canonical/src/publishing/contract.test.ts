import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../transactions/event-types';
import { describeIssues } from '../transactions/issues';
import { toV2 } from '../transactions/transform';
import { jsonSchemaText, schemaIndexText } from './json-schema';
import { SCHEMAS_DIR } from './published';
import { SCHEMA_VERSIONS, schemaPath } from './registry';

/**
 * The contract integrators rely on: a published version's JSON Schema never changes, and the committed
 * JSON Schema and the zod schema accept and refuse exactly the same documents.
 */
const FIXTURES_DIR = join(SCHEMAS_DIR, '../fixtures');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const committedText = (name: string, version: string) =>
  readFileSync(join(SCHEMAS_DIR, name, `${version}.json`), 'utf8');
const fixtures = <T>(name: string, version: string, kind: 'valid' | 'invalid') => {
  const dir = join(FIXTURES_DIR, name, version, kind);
  return readdirSync(dir).map((file) => [file, readJson(join(dir, file)) as T] as const);
};

interface InvalidFixture {
  description: string;
  /** The path zod reports for the refusal ('' for the document itself). */
  expected_field: string;
  document: unknown;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
for (const entry of SCHEMA_VERSIONS) ajv.addSchema(JSON.parse(committedText(entry.name, entry.version)));
const ajvValidator = (name: string, version: string) => ajv.getSchema(schemaPath(name, version))!;

describe('published schema versions are immutable', () => {
  for (const entry of SCHEMA_VERSIONS.filter((candidate) => candidate.published)) {
    it(`${entry.name} ${entry.version} regenerates to exactly the committed JSON Schema`, () => {
      expect(jsonSchemaText(entry), 'a published version changed: add a new version instead').toBe(
        committedText(entry.name, entry.version),
      );
    });
  }

  it('the committed index lists every version', () => {
    expect(readFileSync(join(SCHEMAS_DIR, 'index.json'), 'utf8')).toBe(schemaIndexText());
  });

  it('each committed schema carries its stable $id and draft 2020-12', () => {
    for (const entry of SCHEMA_VERSIONS) {
      const schema = readJson(join(SCHEMAS_DIR, entry.name, `${entry.version}.json`)) as Record<
        string,
        unknown
      >;
      expect(schema.$id).toBe(`/schemas/${entry.name}/${entry.version}.json`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });
});

describe.each(SCHEMA_VERSIONS)('fixtures of $name $version', ({ name, version, schema }) => {
  const validate = ajvValidator(name, version);

  it.each(fixtures<unknown>(name, version, 'valid'))(
    '%s is accepted by the JSON Schema and by zod',
    (_, doc) => {
      const accepted = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(accepted).toBe(true);
      const parsed = schema.safeParse(doc);
      expect(parsed.success ? [] : describeIssues(parsed.error)).toEqual([]);
    },
  );

  it.each(fixtures<InvalidFixture>(name, version, 'invalid'))(
    '%s is refused by the JSON Schema and by zod, at the expected field',
    (_, fixture) => {
      expect(validate(fixture.document)).toBe(false);
      const parsed = schema.safeParse(fixture.document);
      expect(parsed.success).toBe(false);
      const issues = parsed.success ? [] : describeIssues(parsed.error);
      expect(issues.map((issue) => issue.field)).toContain(fixture.expected_field);
      for (const issue of issues) expect(issue.message).toMatch(/\w+ \w+/);
    },
  );
});

describe('canonical-transaction 1.0.0 fixtures', () => {
  const valid = fixtures<{ event_type: string }>('canonical-transaction', '1.0.0', 'valid');

  it('cover every event type', () => {
    expect(new Set(valid.map(([, doc]) => doc.event_type))).toEqual(new Set(EVENT_TYPES));
  });

  it.each(valid)('%s, transformed to 2.0.0, is accepted by the 2.0.0 JSON Schema', (_, doc) => {
    const validate = ajvValidator('canonical-transaction', '2.0.0');
    expect(validate(toV2(doc as Parameters<typeof toV2>[0]))).toBe(true);
  });
});

describe('field messages', () => {
  it('name the field and say what a valid value looks like', () => {
    const [, fixture] = fixtures<InvalidFixture>('canonical-transaction', '1.0.0', 'invalid').find(
      ([file]) => file === 'tracking-ping.latitude-out-of-range.json',
    )!;
    const parsed = SCHEMA_VERSIONS[0]!.schema.safeParse(fixture.document);
    expect(parsed.success ? [] : describeIssues(parsed.error)).toEqual([
      { field: 'payload.latitude', message: 'latitude must be a number from -90 to 90.' },
    ]);
  });
});
