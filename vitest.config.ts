import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// One project per workspace package, named after its package.json, so that
// `npx vitest run --project @meridian/db` (and each package's `test` script) runs just that package.
// e2e/ runs on Playwright; apps/web's unit tests cover its pure logic (formatting, session, config).
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const packageDirs = [
  ...['packages', 'subgraphs'].flatMap((parent) =>
    readdirSync(join(repoRoot, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(repoRoot, parent, entry.name)),
  ),
  join(repoRoot, 'gateway'),
  join(repoRoot, 'apps', 'ingest'),
  join(repoRoot, 'apps', 'web'),
  join(repoRoot, 'prisma'),
  join(repoRoot, 'tools', 'platform'),
  join(repoRoot, 'system-tests'),
].filter((dir) => existsSync(join(dir, 'package.json')));

const projects: TestProjectInlineConfiguration[] = packageDirs.map((dir) => ({
  // Apollo (CommonJS) loads graphql's CommonJS build; vite would resolve our bare `graphql` imports to its
  // ESM build, a second copy whose classes fail the first copy's instanceof checks. One copy everywhere.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string,
    root: dir,
    include: [
      'src/**/*.test.ts',
      'tests/**/*.test.ts',
      'seed/**/*.test.ts',
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'app/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/generated/**', '**/.next/**'],
    environment: 'node',
    // Integration tests talk to a real PostgreSQL on two shared cores.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
}));

export default defineConfig({
  test: {
    projects,
    // Runs once per `vitest run`: a fresh, migrated database whose URL tests read with inject('databaseUrl').
    globalSetup: [join(repoRoot, 'packages', 'db', 'src', 'testing', 'global-setup.ts')],
    passWithNoTests: true,
  },
});
