import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaIndex } from './json-schema';

/**
 * The committed JSON Schemas (packages/canonical/schemas), read from disk: what is served is exactly what
 * was reviewed and committed, never a fresh generation.
 */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas', import.meta.url));

export interface PublishedSchemas {
  index: SchemaIndex;
  /** The JSON Schema text of `<name>/<version>`, or undefined for an unknown one. */
  text(name: string, version: string): string | undefined;
}

export function readPublishedSchemas(dir = SCHEMAS_DIR): PublishedSchemas {
  const index = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')) as SchemaIndex;
  const texts = new Map<string, string>();
  for (const { name, versions } of index.schemas) {
    for (const { version } of versions) {
      texts.set(`${name}/${version}`, readFileSync(`${dir}/${name}/${version}.json`, 'utf8'));
    }
  }
  return { index, text: (name, version) => texts.get(`${name}/${version}`) };
}
