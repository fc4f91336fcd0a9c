// Captures the README's screenshots of each main screen from the browser host in demo mode:
// `npx electron-vite build && npx tsx scripts/screenshots.ts`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/chromium';
import { defaultRendererDir, startBrowserHost } from '../src/host/browserHost';
import { createHostCore } from '../src/host/hostCore';
import { simulatorDemo } from '../src/simulator/demoBackend';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
const core = await createHostCore({
  dataDir: mkdtempSync(join(tmpdir(), 'airframe-shots-')),
  demo: true,
  demoBackend: simulatorDemo({ speed: 8 }),
});
const host = await startBrowserHost(core.handlers, core.events, {
  rendererDir: defaultRendererDir,
  media: core.media,
});
core.start();
const browser = await launchChromium();
const page = await browser.newPage({
  viewport: { width: 1280, height: 800 },
  colorScheme: 'light',
});
await page.goto(host.url);
const nav = page.getByRole('navigation', { name: 'Main' });

const prompts = [
  'A paper plane gliding over a misty pine forest at dawn',
  'Neon koi fish swimming through a rainy city street',
  'A lighthouse in a storm, waves crashing, cinematic',
];
for (const prompt of prompts) {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByText('Added a job to the queue.').waitFor();
}
await page
  .getByRole('textbox', { name: 'Prompt' })
  .fill('A hot-air balloon festival seen from above, slow drift');
await page.screenshot({ path: join(out, 'compose.png') });

await nav.getByRole('button', { name: 'Queue' }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: join(out, 'queue.png') });

await page.getByText('Saved', { exact: true }).nth(2).waitFor({ timeout: 60_000 });
await nav.getByRole('button', { name: 'Library' }).click();
await page.waitForTimeout(1000);
await page.screenshot({ path: join(out, 'library.png') });

await nav.getByRole('button', { name: 'Settings' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: join(out, 'settings.png') });

await browser.close();
await Promise.all([core.stop(), host.close()]);
console.log(`Screenshots written to ${out}`);
