import { existsSync } from 'node:fs';
import { defineConfig, chromium } from '@playwright/test';

/**
 * Chromium from the system when there is one (Playwright cannot download its own
 * browsers on machines without internet): CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then Playwright's own browser.
 */
function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'];
  const system = candidates.find((path) => path && existsSync(path));
  if (system) return system;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium found: install one (Debian: `apt-get install chromium`, or `npx playwright install chromium`) or set CHROMIUM_PATH.',
  );
}

const executablePath = findChromium();

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
