import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@meridian/config';

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point in its own Node process (through tsx, with the flags `npm start` gives every
 * service), its output in `<logDir>/<name>.log`, and resolves once `ready()` says so. Servers under test
 * live in children so the load generator never shares their event loop.
 */
export async function startProcess(options: {
  name: string;
  entry: string;
  env: Record<string, string>;
  logDir: string;
  cwd: string;
  ready: () => Promise<boolean>;
  timeoutMs?: number;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
}): Promise<BenchProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const log = createWriteStream(join(options.logDir, `${options.name}.log`));
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, ...(options.nodeArgs ?? []), '--import', 'tsx', options.entry],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${options.name} exited during start; see ${join(options.logDir, `${options.name}.log`)}`,
      );
    }
    if (await options.ready().catch(() => false)) return { name: options.name, child, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`${options.name} did not become ready in time; see ${options.logDir}`);
}

/** Ready when GET `url` answers 200. */
export const answers200 = (url: string) => async () =>
  (await fetch(url, { signal: AbortSignal.timeout(1_000) })).status === 200;

/** Ready when a GraphQL endpoint answers `{ __typename }`. */
export const answersGraphQL = (url: string) => async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(1_000),
  });
  return response.ok;
};

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds used so far by every process of one program on the machine (`postgres`: the server, its
 * backends and background workers). A process that exits between two readings takes its share with it, so a
 * difference is a floor.
 */
export function programCpuSeconds(program: string): number {
  let seconds = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== program) continue;
      seconds += cpuSecondsOf(Number(entry));
    } catch {
      // The process ended while the folder was read.
    }
  }
  return seconds;
}

/** The machine's CPU time so far, all cores: busy (neither idle nor waiting for I/O) and in total, in seconds. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}
