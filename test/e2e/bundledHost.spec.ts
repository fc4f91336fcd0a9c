import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'out', 'host', 'cli.mjs');

/** Resolves with the URL the host prints, or rejects with what it said before it exited. */
function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`the host exited (${code}): ${output}`)));
  });
}

// What `npm start` runs without Electron: the host the build pre-bundled, under plain Node.
// The demo's simulator loads its sample clips at start, from a folder the bundle finds from
// its own location; models listed in Compose mean it started.
test('the pre-bundled browser host (out/host/cli.mjs) serves the app and starts the demo', async ({
  page,
}) => {
  expect(existsSync(bundle), 'out/host/cli.mjs is built by npm run build').toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'airframe-e2e-bundled-'));
  const child = spawn(process.execPath, [bundle, '--demo', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await page.goto(await printedUrl(child));
    await expect(page.getByRole('heading', { name: 'Airframe', level: 1 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/ — /);
    await expect(page.getByText(/demo/i).first()).toBeVisible();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
