import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const systemChromium = '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Debian's Chromium where present (Playwright's own download needs internet access); flags keep it
// from phoning home. Elsewhere Playwright's bundled browser (`npx playwright install chromium`).
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};

export default defineConfig({
  testDir: './journeys',
  outputDir: './test-results/artifacts',
  // The journeys share one seeded tenant and two cores; running them one by one keeps counts predictable.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: './test-results/results.json' }]],
  use: {
    baseURL,
    headless: true,
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // The root test command starts the stack; E2E_START_STACK=1 makes Playwright start it instead.
  webServer: process.env.E2E_START_STACK
    ? {
        command: 'npm start',
        cwd: repoRoot,
        url: `${baseURL}/login`,
        reuseExistingServer: true,
        timeout: 300_000,
        stdout: 'pipe',
      }
    : undefined,
});
