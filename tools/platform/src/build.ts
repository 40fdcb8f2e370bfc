import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { repoRoot } from '@meridian/db/embedded';

/** Builds the control tower through turbo, which replays the previous build when nothing changed. */
export async function buildWeb(say: (message: string) => void): Promise<void> {
  say('› Building the control tower (cached after the first time)');
  const result = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'turbo', 'bin', 'turbo'),
      'run',
      'build',
      '--filter=@meridian/web',
      '--output-logs=errors-only',
    ],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        // turbo looks for the workspace's package manager on PATH; the pinned pnpm is a root devDependency.
        PATH: `${join(repoRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
        NEXT_TELEMETRY_DISABLED: '1',
        TURBO_TELEMETRY_DISABLED: '1',
        DO_NOT_TRACK: '1',
      },
    },
  );
  if (result.status !== 0) throw new Error('The control tower did not build; see the output above.');
}
