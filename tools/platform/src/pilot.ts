import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@meridian/db/embedded';

/** `npm run pilot -- [--seeds 5] [--days 30] [--no-store]` runs the pilot simulator (bench/src/pilot.ts). */
export async function main(args: string[]): Promise<number> {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'bench', 'src', 'pilot.ts'), ...args],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  return result.status ?? 1;
}
