import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@meridian/db/embedded';

/** `npm run bench -- <name>` runs bench/src/<name>.ts, which prints its own figures. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const entry = name ? join(repoRoot, 'bench', 'src', `${name}.ts`) : '';
  if (!name || !existsSync(entry)) {
    console.error(
      'Usage: npm run bench -- <gateway | subscriptions | ingest | start | forecast | catalog-import>',
    );
    return 2;
  }
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...rest], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}
