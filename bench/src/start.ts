import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- start`: time of `npm start` until the control tower answers, in a fresh clone of
 * the committed HEAD. Cold = nothing there yet (install from the package store, Prisma generate, web
 * build, initdb, migrate, seed); warm = the second start in the same clone. Runs on shifted ports.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const PORT_OFFSET = 20_000;
const controlTowerUrl = `http://127.0.0.1:${3000 + PORT_OFFSET}/login`;

async function timeStart(cwd: string): Promise<number> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['scripts/bootstrap.mjs', 'start'], {
    cwd,
    env: { ...process.env, MERIDIAN_PORT_OFFSET: String(PORT_OFFSET), DATABASE_URL: '', NATS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    while (child.exitCode === null) {
      try {
        const response = await fetch(controlTowerUrl, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return (performance.now() - startedAt) / 1000;
      } catch {
        // not up yet
      }
      if (performance.now() - startedAt > 15 * 60_000) throw new Error('start took over 15 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`npm start exited with ${child.exitCode} before the control tower answered:\n${output}`);
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'meridian-start-bench-'));
// As root the embedded PostgreSQL runs as `postgres`, which must be able to enter the clone.
chmodSync(workDir, 0o755);
try {
  const clone = join(workDir, 'meridian');
  execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
  console.log(`Timing npm start in a fresh clone of HEAD (ports +${PORT_OFFSET}) …`);
  const cold = await timeStart(clone);
  console.log(`  cold start: ${cold.toFixed(1)} s`);
  const warm = await timeStart(clone);
  console.log(`  warm start: ${warm.toFixed(1)} s`);
  console.log('\n| start | seconds until the control tower answers |\n|---|---|');
  console.log(`| cold (fresh clone) | ${cold.toFixed(1)} |\n| warm (second start) | ${warm.toFixed(1)} |`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
