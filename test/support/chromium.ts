import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/**
 * Chromium as every browser run here launches it (e2e tests, benchmarks, screenshots): the
 * system's when there is one, since Playwright cannot download its own browsers on machines
 * without internet — `CHROMIUM_PATH`, then Debian's `/usr/bin/chromium` — else Playwright's.
 */
export function chromiumExecutable(): string | undefined {
  const system = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find(
    (path) => path && existsSync(path),
  );
  if (system) return system;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium found: install one (Debian: `apt-get install chromium`, or `npx playwright install chromium`) or set CHROMIUM_PATH.',
  );
}

/** Without the background-networking flags Chromium keeps dialling Google on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
}
