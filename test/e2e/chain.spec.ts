import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { clipIdFor } from '../../src/main/core/library/naming';
import { test, expect, expectAccessible } from './fixtures';

/** The clip dialog's file path (the browser host shows it, to copy), read from the page. */
async function clipPath(page: Page): Promise<string> {
  const field = page.getByRole('dialog').getByRole('textbox', { name: 'File' });
  await expect(field).toHaveValue(/\.mp4$/);
  return field.inputValue();
}

test('continue from a frame: the frame under the playhead starts a new image-mode clip whose sidecar names its parent', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const prompt = 'A paper boat drifting down a rainy street';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await nav.getByRole('button', { name: 'Library' }).click();
  const cards = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await expect(cards).toHaveCount(1, { timeout: 45_000 });
  await cards.first().getByRole('button').first().click();

  // Seek to the middle, then continue from that frame.
  const player = page.getByRole('dialog').getByLabel('Clip player');
  await player.evaluate(async (video: HTMLVideoElement) => {
    if (video.readyState < 2)
      await new Promise((r) => video.addEventListener('loadeddata', r, { once: true }));
    video.currentTime = video.duration / 2;
    await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
  });
  const parentFile = await clipPath(page);
  await page.getByRole('button', { name: 'Continue from this frame' }).click();

  // Compose, in image mode, with the frame as the first image and the prompt filled in.
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt);
  await expect(page.getByText(/^Continues clip .+ from \d+:\d\d\.$/)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Image', selected: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Input images' }).getByRole('listitem')).toHaveCount(
    1,
  );
  await expectAccessible(page, 'Compose continuing a clip');
  await page.getByRole('textbox', { name: 'Prompt' }).fill(`${prompt}, then it reaches a river`);
  await page.getByRole('button', { name: 'Generate' }).click();

  await nav.getByRole('button', { name: 'Library' }).click();
  await expect(cards).toHaveCount(2, { timeout: 45_000 });
  await cards.filter({ hasText: 'then it reaches a river' }).getByRole('button').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: /^Continued from / })).toBeVisible();
  const childFile = await clipPath(page);

  const parent = JSON.parse(readFileSync(parentFile.replace(/\.mp4$/, '.json'), 'utf8')) as {
    taskId: string;
  };
  const child = JSON.parse(readFileSync(childFile.replace(/\.mp4$/, '.json'), 'utf8')) as {
    mode: string;
    parent?: { clipId: string; atSeconds: number | null };
  };
  expect(child.mode).toBe('image');
  expect(child.parent?.clipId).toBe(clipIdFor(parent.taskId));
  expect(child.parent?.atSeconds).toBeGreaterThan(0);
});
