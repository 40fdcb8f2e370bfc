import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceSpec {
  name: string;
  /** Command and arguments, run from `cwd`. */
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Answers 200 when the service is ready. */
  healthUrl: string;
  /** How long a cold start may take (a web build is done before, so seconds suffice). */
  readyTimeoutMs?: number;
}

export interface RunningService {
  spec: ServiceSpec;
  child: ChildProcess;
  /** Last lines it printed, for error messages. */
  recentOutput: string[];
}

export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    message: string,
    readonly recentOutput: string[],
  ) {
    super(message);
  }
}

function readableLine(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; code?: string; err?: { message?: string } };
    return [entry.code, entry.msg, entry.err?.message].filter(Boolean).join(' ');
  } catch {
    return line;
  }
}

/** Starts one service, its output going to `<logDir>/<name>.log`; resolves when its health URL answers. */
export async function startService(spec: ServiceSpec, logDir: string): Promise<RunningService> {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: 'a' });
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    // The IPC channel closes when this process dies, which tells Node services to stop (onShutdown).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: false,
  });
  const service: RunningService = { spec, child, recentOutput: [] };
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      service.recentOutput.push(readableLine(line));
      service.recentOutput.splice(0, service.recentOutput.length - 20);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', () => log.end());

  const deadline = Date.now() + (spec.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new ServiceStartError(
        spec.name,
        `${spec.name} exited during start (code ${child.exitCode ?? child.signalCode})`,
        service.recentOutput,
      );
    }
    try {
      const response = await fetch(spec.healthUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return service;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill('SIGTERM');
  throw new ServiceStartError(spec.name, `${spec.name} did not become healthy in time`, service.recentOutput);
}

/** Asks each service to stop, then insists after a grace period. */
export async function stopServices(services: RunningService[], graceMs = 5_000): Promise<void> {
  await Promise.all(
    services.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
