import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRendererDir, startBrowserHost } from '../../src/host/browserHost';
import { createHostCore } from '../../src/host/hostCore';
import { test, expect, expectAccessible } from './fixtures';

const prompts = ['A lantern festival on a river', 'A glass house in the rain'];

test('waiting jobs exported to a queue file are queued again by another Airframe, as they were', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Paused, so both jobs wait (only waiting jobs go into a queue file).
  await nav.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Pause queue' }).click();
  await nav.getByRole('button', { name: 'Compose' }).click();
  for (const prompt of prompts) {
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByText('Added a job to the queue.')).toBeVisible();
  }
  await nav.getByRole('button', { name: 'Queue' }).click();
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem');
  await expect(jobs).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export…' }).click(),
  ]);
  const file = join(
    mkdtempSync(join(tmpdir(), 'airframe-queue-file-')),
    download.suggestedFilename(),
  );
  await download.saveAs(file);
  await expect(page.getByText(/^Saved .+\.$/)).toBeVisible();

  // Another Airframe, its own data: import queues the same two jobs.
  const dataDir = mkdtempSync(join(tmpdir(), 'airframe-e2e-import-'));
  const core = await createHostCore({ dataDir, demo: true });
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
      .getByRole('button', { name: 'Queue' })
      .click();
    await other.getByRole('button', { name: 'Pause queue' }).click();
    await other.getByLabel('Queue file to import').setInputFiles(file);
    await expect(other.getByText(/^Queued 2 jobs from .+\.$/)).toBeVisible();
    const imported = other.getByRole('list', { name: 'Jobs' }).getByRole('listitem');
    await expect(imported).toHaveCount(2);
    for (const prompt of prompts)
      await expect(other.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription(
        'Waiting',
      );
    await expectAccessible(other, 'the queue after an import');
  } finally {
    await Promise.all([core.stop(), second.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
