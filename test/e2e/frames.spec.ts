import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { defaultRendererDir, startBrowserHost } from '../../src/host/browserHost';
import { createHostCore } from '../../src/host/hostCore';
import { test, expect, expectAccessible } from './fixtures';

const prompts = ['A red kite above the cliffs', 'A blue kite above the cliffs'];
const PNG = [0x89, 0x50, 0x4e, 0x47];

async function generate(page: Page, prompt: string) {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText('Added a job to the queue.')).toBeVisible();
}

test('a frame grabbed into the library, and two clips exported as a ZIP that opens as another library', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  for (const prompt of prompts) await generate(page, prompt);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Library' }).click();
  const grid = page.getByRole('list', { name: 'Clips' });
  await expect(grid.getByRole('listitem')).toHaveCount(2, { timeout: 45_000 });

  // Grab a frame from the middle of the first clip: a PNG beside it, named in its sidecar.
  await grid.getByRole('button', { name: new RegExp(`^${prompts[0]}`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Clip player').evaluate(async (video: HTMLVideoElement) => {
    if (video.readyState < 2)
      await new Promise((r) => video.addEventListener('loadeddata', r, { once: true }));
    video.currentTime = video.duration / 2;
    await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
  });
  await dialog.getByRole('button', { name: 'Save frame' }).click();
  await expect(dialog.getByText(/^Frame saved at \d+:\d\d\.$/)).toBeVisible();
  await expectAccessible(page, 'the clip dialog with a saved frame');
  const video = await dialog.getByRole('textbox', { name: 'File' }).inputValue();
  const sidecar = JSON.parse(readFileSync(video.replace(/\.mp4$/, '.json'), 'utf8')) as {
    frames: { file: string; atSeconds: number }[];
  };
  expect(sidecar.frames).toHaveLength(1);
  expect(sidecar.frames[0]?.atSeconds).toBeGreaterThan(0);
  const still = readFileSync(join(dirname(video), sidecar.frames[0]!.file));
  expect([...still.subarray(0, 4)]).toEqual(PNG);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Select both, export: one ZIP with mp4 + jpg + json per clip.
  for (const prompt of prompts)
    await grid.getByRole('checkbox', { name: `Select “${prompt}”` }).check();
  const selection = page.getByRole('group', { name: 'Selected clips' });
  await expect(selection).toContainText('2 selected');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    selection.getByRole('button', { name: 'Export' }).click(),
  ]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'airframe-export-')), 'clips.zip');
  await download.saveAs(zipPath);
  const entries = unzipSync(readFileSync(zipPath));
  const names = Object.keys(entries).sort();
  const bases = [...new Set(names.filter((n) => n.endsWith('.mp4')).map((n) => n.slice(0, -4)))];
  expect(bases).toHaveLength(2);
  for (const base of bases)
    for (const ext of ['.mp4', '.jpg', '.json']) expect(names).toContain(`${base}${ext}`);
  expect(names.some((n) => /\.frame-.+\.png$/.test(n))).toBe(true);

  // Unzipped into a folder, it is a library another Airframe opens as it is.
  const folder = mkdtempSync(join(tmpdir(), 'airframe-opened-'));
  for (const [name, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), bytes);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'airframe-e2e-second-'));
  const core = await createHostCore({ dataDir, demo: true, libraryFolder: folder });
  const second = await startBrowserHost(core.handlers, core.events, {
    rendererDir: defaultRendererDir,
    media: core.media,
  });
  core.start();
  try {
    const other = await page.context().newPage();
    await other.goto(second.url);
    await other
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Library' })
      .click();
    const cards = other.getByRole('list', { name: 'Clips' }).getByRole('listitem');
    await expect(cards).toHaveCount(2, { timeout: 30_000 });
    for (const prompt of prompts) await expect(cards.filter({ hasText: prompt })).toHaveCount(1);
    expect(readdirSync(folder).filter((n) => n.endsWith('.mp4'))).toHaveLength(2);
  } finally {
    await Promise.all([core.stop(), second.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
