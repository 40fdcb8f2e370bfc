import { z } from 'zod';
import { SCHEMA_VERSIONS, type SchemaVersion, schemaPath } from './registry';

/** A version's JSON Schema (draft 2020-12) with its stable `$id`, as the text committed and served. */
export function jsonSchemaText(entry: SchemaVersion): string {
  const { $schema, ...rest } = z.toJSONSchema(entry.schema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ $schema, $id: schemaPath(entry.name, entry.version), ...rest }, null, 2)}\n`;
}

export interface SchemaIndex {
  schemas: Array<{
    name: string;
    latest: string;
    versions: Array<{ version: string; published: boolean; url: string }>;
  }>;
}

const bySemver = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
};

/** The index served at `/schemas`: every name, its versions oldest first, and the latest published one. */
export function schemaIndex(versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): SchemaIndex {
  const names = [...new Set(versions.map((entry) => entry.name))].sort();
  return {
    schemas: names.map((name) => {
      const own = versions
        .filter((entry) => entry.name === name)
        .sort((a, b) => bySemver(a.version, b.version));
      const published = own.filter((entry) => entry.published);
      return {
        name,
        latest: (published.at(-1) ?? own.at(-1))!.version,
        versions: own.map((entry) => ({
          version: entry.version,
          published: entry.published,
          url: schemaPath(entry.name, entry.version),
        })),
      };
    }),
  };
}

export const schemaIndexText = (versions?: readonly SchemaVersion[]) =>
  `${JSON.stringify(schemaIndex(versions), null, 2)}\n`;
