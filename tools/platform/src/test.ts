import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabase, repoRoot, resolveDatabaseUrl } from '@meridian/db/embedded';
import { deleteNatsNamespace } from '@meridian/events';
import { buildWeb } from './build';
import { ensureDevKeys } from './keys';
import { ServiceStartError } from './processes';
import { startStack } from './stack';
import { prepareDatabase } from './start';

/** The test stack runs on ports of its own so it never collides with a running `npm start`. */
const TEST_PORTS = {
  web: 13000,
  gateway: 14000,
  catalog: 14001,
  supply: 14002,
  logistics: 14003,
  quality: 14004,
  security: 14005,
  ingest: 14100,
};

interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
}

const resultsDir = join(repoRoot, '.data', 'test-results');
const say = (message: string) => console.log(message);

function runUnitAndIntegration(databaseUrl: string): SuiteResult {
  const outputFile = join(resultsDir, 'vitest.json');
  rmSync(outputFile, { force: true });
  say('\n› Unit and integration tests (vitest)');
  spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
    ],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  if (!existsSync(outputFile)) return { suite: 'vitest', passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(outputFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  return {
    suite: 'vitest',
    passed: report.numPassedTests,
    // A file that fails to load has no failed *test*, but it is a failure all the same.
    failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function runEndToEnd(adminUrl: string): Promise<SuiteResult> {
  say('\n› End-to-end tests (Playwright, real Chromium, full stack)');
  const databaseName = `meridian_e2e_${Date.now()}`;
  const databaseUrl = await createDatabase(adminUrl, databaseName);
  const outputFile = join(repoRoot, 'e2e', 'test-results', 'results.json');
  rmSync(outputFile, { force: true });
  // A fresh database must not meet events of earlier runs on a shared NATS server.
  const natsUrl = process.env.NATS_URL?.trim() || undefined;
  const natsNamespace = natsUrl ? `e2e-${Date.now().toString(36)}` : undefined;
  try {
    await prepareDatabase(databaseUrl);
    await buildWeb(say);
    const stack = await startStack({
      databaseUrl,
      natsUrl,
      natsNamespace,
      keys: await ensureDevKeys(join(repoRoot, '.data', 'keys')),
      ports: TEST_PORTS,
      logDir: join(repoRoot, '.data', 'logs', 'e2e'),
      web: true,
      log: say,
    });
    try {
      spawnSync(
        process.execPath,
        [join(repoRoot, 'e2e', 'node_modules', '@playwright', 'test', 'cli.js'), 'test'],
        {
          cwd: join(repoRoot, 'e2e'),
          stdio: 'inherit',
          env: {
            ...process.env,
            E2E_BASE_URL: stack.urls.web,
            E2E_GATEWAY_URL: stack.urls.gateway,
            E2E_INGEST_URL: stack.urls.ingest,
          },
        },
      );
    } finally {
      await stack.stop();
    }
  } catch (error) {
    const output =
      error instanceof ServiceStartError ? `\n    ${error.recentOutput.slice(-8).join('\n    ')}` : '';
    console.error(`✗ The end-to-end stack did not start: ${(error as Error).message}${output}`);
    return { suite: 'e2e', passed: 0, failed: 1, skipped: 0 };
  } finally {
    await dropDatabase(adminUrl, databaseName).catch(() => undefined);
    if (natsUrl && natsNamespace) await deleteNatsNamespace(natsUrl, natsNamespace).catch(() => undefined);
  }
  if (!existsSync(outputFile)) return { suite: 'e2e', passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(outputFile, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    suite: 'e2e',
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
  };
}

/**
 * `npm test`: unit, integration and end-to-end suites against a real PostgreSQL — the embedded test
 * server (own port and data folder) unless DATABASE_URL names a server — and, where NATS_URL is set,
 * the NATS adapter too. Flags: --no-e2e, --e2e-only.
 */
export async function main(args: string[]): Promise<number> {
  mkdirSync(resultsDir, { recursive: true });
  const server = await resolveDatabaseUrl({
    log: { info: (message) => say(`› ${message}`) },
    embedded: { dataDir: join(repoRoot, '.data', 'postgres-suite'), port: 5444, database: 'postgres' },
  });
  const results: SuiteResult[] = [];
  try {
    if (!args.includes('--e2e-only')) results.push(runUnitAndIntegration(server.url));
    if (!args.includes('--no-e2e')) results.push(await runEndToEnd(server.url));
  } finally {
    await server.stop();
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
  writeFileSync(
    join(resultsDir, 'summary.json'),
    JSON.stringify({ results, passed, failed, skipped }, null, 2),
  );
  say('');
  for (const result of results) {
    say(
      `  ${result.suite.padEnd(7)} ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`,
    );
  }
  say(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}
