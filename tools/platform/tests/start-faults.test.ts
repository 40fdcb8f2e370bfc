import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { generateSigningKeyPair } from '@meridian/auth';
import { repoRoot } from '@meridian/db/embedded';
import { describe, expect, it } from 'vitest';

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Outcome {
  exitCode: number | null;
  output: string;
  seconds: number;
}

function run(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<Outcome> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output, seconds: (performance.now() - startedAt) / 1000 });
    }),
  );
}

const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe('start-up faults give one clear error with a code, and no hang or crash loop', () => {
  it('npm start with an unreachable DATABASE_URL stops at once with DATABASE_UNAVAILABLE', async () => {
    const port = await closedPort();
    const outcome = await run([join('scripts', 'bootstrap.mjs'), 'start'], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/meridian`,
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain('[DATABASE_UNAVAILABLE]');
    expect(outcome.output).toContain(`127.0.0.1:${port}`);
    expect(outcome.output).not.toMatch(STACK_TRACE);
    expect(outcome.seconds).toBeLessThan(20);
  });

  it('a subgraph whose database is unreachable exits 1 with DATABASE_UNAVAILABLE', async () => {
    const port = await closedPort();
    const { publicJwk } = await generateSigningKeyPair('test');
    const outcome = await run(['--import', 'tsx', join('subgraphs', 'catalog', 'src', 'main.ts')], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/meridian`,
      GATEWAY_PUBLIC_KEY: JSON.stringify(publicJwk),
      PORT: '0',
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain('"code":"DATABASE_UNAVAILABLE"');
    expect(outcome.seconds).toBeLessThan(15);
  });

  it('a subgraph with missing configuration names every missing variable', async () => {
    const outcome = await run(['--import', 'tsx', join('subgraphs', 'supply', 'src', 'main.ts')], {
      DATABASE_URL: '',
      GATEWAY_PUBLIC_KEY: '',
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain('"code":"CONFIG_INVALID"');
    expect(outcome.output).toContain('DATABASE_URL');
    expect(outcome.output).toContain('GATEWAY_PUBLIC_KEY');
  });
});
