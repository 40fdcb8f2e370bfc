import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** Starts tests/support/batch-worker.ts in a process of its own, with these variables on top of ours. */
export function spawnBatchWorker(env: Record<string, string>): ChildProcessByStdio<null, Readable, null> {
  return spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./batch-worker.ts', import.meta.url))],
    {
      cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}
