import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@meridian/db/embedded';

const tsxRun = (entry: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  });

/**
 * Every generated artefact from its one source: the Prisma client from prisma/schema, the supergraph from
 * the subgraphs' SDL. `--check` regenerates nothing and fails when a committed artefact is stale
 * (the supergraph, and the migrations against prisma/schema) — CI runs it.
 */
export async function main(args: string[]): Promise<number> {
  const check = args.includes('--check');
  const steps: Array<[string, () => ReturnType<typeof spawnSync>]> = check
    ? [
        ['supergraph is up to date', () => tsxRun('gateway/src/compose.ts', ['--check'])],
        ['migrations match prisma/schema', () => tsxRun('packages/db/src/cli.ts', ['check'])],
      ]
    : [
        [
          'Prisma client',
          () =>
            spawnSync(process.execPath, [join(repoRoot, 'packages/db/scripts/generate.mjs')], {
              stdio: 'inherit',
            }),
        ],
        ['supergraph', () => tsxRun('gateway/src/compose.ts', [])],
      ];
  let failed = 0;
  for (const [what, step] of steps) {
    const result = step();
    console.log(`${result.status === 0 ? '✓' : '✗'} ${what}`);
    if (result.status !== 0) failed++;
  }
  return failed === 0 ? 0 : 1;
}
