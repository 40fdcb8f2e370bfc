/**
 * `pnpm --filter @meridian/canonical generate` writes packages/canonical/schemas/ from the zod schemas.
 * `… generate --check` writes nothing and exits 1 when a committed file is stale or missing.
 * Either way, a published version whose committed JSON differs from its zod schema is an error, never
 * overwritten: published versions are immutable.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { jsonSchemaText, schemaIndexText } from './json-schema';
import { SCHEMAS_DIR } from './published';
import { SCHEMA_VERSIONS } from './registry';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const files = [
    ...SCHEMA_VERSIONS.map((entry) => ({
      path: join(SCHEMAS_DIR, entry.name, `${entry.version}.json`),
      text: jsonSchemaText(entry),
      immutable: entry.published,
    })),
    { path: join(SCHEMAS_DIR, 'index.json'), text: schemaIndexText(), immutable: false },
  ];
  let failed = 0;
  let stale = 0;
  let written = 0;
  for (const file of files) {
    const shown = file.path.slice(SCHEMAS_DIR.length - 'schemas'.length);
    const committed = await readFile(file.path, 'utf8').catch(() => undefined);
    if (committed === file.text) continue;
    if (committed !== undefined && file.immutable) {
      console.error(
        `${shown} is a published version and differs from its zod schema. Published versions are immutable: revert the change to the zod schema and add a new version in src/publishing/registry.ts instead.`,
      );
      failed++;
    } else if (check) {
      console.error(`${shown} is ${committed === undefined ? 'missing' : 'stale'}.`);
      stale++;
      failed++;
    } else {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.text);
      console.log(`Wrote ${shown}.`);
      written++;
    }
  }
  if (stale > 0) {
    console.error('Run `pnpm --filter @meridian/canonical generate` and commit packages/canonical/schemas.');
  }
  if (failed === 0 && written === 0) console.log('packages/canonical/schemas is up to date.');
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
