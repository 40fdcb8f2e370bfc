import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@meridian/db/embedded';

/** `npm run migrate -- <migrate|diff --name x|check>`: the offline migration CLI of packages/db. */
export async function main(args: string[]): Promise<number> {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'packages/db/src/cli.ts'), ...(args.length ? args : ['migrate'])],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  return result.status ?? 1;
}
