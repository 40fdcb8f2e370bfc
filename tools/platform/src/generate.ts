import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@meridian/db/embedded';

const tsxRun = (entry: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  });

const CANONICAL_GENERATOR = 'packages/canonical/src/publishing/generate.ts';

const webDir = join(repoRoot, 'apps/web');
const webCodegen = (args: string[]) =>
  spawnSync(join(webDir, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', ...args], {
    cwd: webDir,
    stdio: 'inherit',
  });

// Codegen's own --check names the stale files but not what to do about them.
function checkWebCodegen() {
  const result = webCodegen(['--check']);
  if (result.status !== 0) {
    console.error(
      'Fix any operation reported above (apps/web/graphql/*.ts), then run `pnpm --filter @meridian/web codegen` and commit apps/web/graphql/generated.',
    );
  }
  return result;
}

/**
 * Every generated artefact from its one source: the Prisma client from prisma/schema, the canonical JSON
 * Schemas from their zod schemas, the supergraph from the subgraphs' SDL, the control tower's operation
 * types from the gateway's API schema. `--check` regenerates nothing and fails when a committed artefact is
 * stale (the canonical JSON Schemas, the supergraph, the migrations against prisma/schema,
 * apps/web/graphql/generated) — CI runs it.
 */
export async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const steps: Array<[string, () => ReturnType<typeof spawnSync>]> = check
    ? [
        ['canonical JSON Schemas are up to date', () => tsxRun(CANONICAL_GENERATOR, ['--check'])],
        ['supergraph is up to date', () => tsxRun('gateway/src/compose.ts', ['--check'])],
        ['migrations match prisma/schema', () => tsxRun('packages/db/src/cli.ts', ['check'])],
        ['control tower operation types are up to date', checkWebCodegen],
      ]
    : [
        [
          'Prisma client',
          () =>
            spawnSync(process.execPath, [join(repoRoot, 'packages/db/scripts/generate.mjs')], {
              stdio: 'inherit',
            }),
        ],
        ['canonical JSON Schemas', () => tsxRun(CANONICAL_GENERATOR, [])],
        ['supergraph', () => tsxRun('gateway/src/compose.ts', [])],
        // After the supergraph: the operation types are checked against it.
        ['control tower operation types', () => webCodegen([])],
      ];
  let failed = 0;
  for (const [what, step] of steps) {
    const result = step();
    console.log(`${result.status === 0 ? '✓' : '✗'} ${what}`);
    if (result.status !== 0) failed++;
  }
  return failed === 0 ? 0 : 1;
}
