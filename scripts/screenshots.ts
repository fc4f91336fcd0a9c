// Captures the README's screenshots of each main screen from the browser host in demo mode, in
// the light and the dark theme (`<screen>.png`, `<screen>-dark.png`):
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
// Reduced motion: a theme switch shows at once (no colour transition caught half-way in the
// dark shots), and no progress bar is caught mid-slide. At 1280 px Compose has the live queue
// beside it.
const page = await browser.newPage({
  viewport: { width: 1280, height: 800 },
  colorScheme: 'light',
  reducedMotion: 'reduce',
});
await page.goto(host.url);
const nav = page.getByRole('navigation', { name: 'Main' });

/** The screen as it is now, light then dark; the OS's scheme decides, as the System theme does. */
async function shoot(screen: string) {
  await page.screenshot({ path: join(out, `${screen}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(out, `${screen}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

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
await shoot('compose');

await nav.getByRole('button', { name: 'Queue' }).click();
await page.waitForTimeout(1500);
await shoot('queue');

await page.getByText('Saved', { exact: true }).nth(2).waitFor({ timeout: 60_000 });
await nav.getByRole('button', { name: 'Library' }).click();
await page.waitForTimeout(1000);
await shoot('library');

await nav.getByRole('button', { name: 'Settings' }).click();
await page.waitForTimeout(500);
await shoot('settings');

await browser.close();
await Promise.all([core.stop(), host.close()]);
console.log(`Screenshots written to ${out}`);
