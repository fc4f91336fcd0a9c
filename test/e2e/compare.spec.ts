import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

/** The Compare view steps by 1/24 s: no clip says its frame rate. */
const FRAME = 1 / 24;

async function makeClip(page: Page, prompt: string, seed: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('textbox', { name: 'Seed' }).fill(String(seed));
  await page.getByRole('button', { name: 'Generate' }).click();
}

/** Each video's time once it has a picture and no seek is under way. */
async function settledTimes(videos: Locator): Promise<number[]> {
  await expect
    .poll(() =>
      videos.evaluateAll((all: HTMLVideoElement[]) =>
        all.every((video) => video.readyState >= 2 && !video.seeking),
      ),
    )
    .toBe(true);
  return videos.evaluateAll((all: HTMLVideoElement[]) => all.map((video) => video.currentTime));
}

const spread = (times: number[]) => Math.max(...times) - Math.min(...times);

test('compare two clips: one scrubber seeks both, a frame step steps both, and the seeds and prompt words that differ are marked', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await makeClip(page, 'A red fox running through snow', 11);
  await makeClip(page, 'A grey wolf running through snow', 42);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Library' })
    .click();
  const cards = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await expect(cards).toHaveCount(2, { timeout: 45_000 });
  // Ctrl+click (⌘ on a Mac) adds a clip to the selection instead of opening it.
  for (const card of await cards.all())
    await card
      .getByRole('button')
      .first()
      .click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  const view = page.getByRole('dialog', { name: 'Compare clips' });
  await expect(view.getByRole('figure')).toHaveCount(2);
  const videos = view.getByLabel(/^Clip \d player$/);
  await expect(videos).toHaveCount(2);
  // Only the seed and the words of the prompt differ.
  const differs = view.locator('mark');
  await expect(view.locator('mark', { hasText: /^(11|42) \(differs\)$/ })).toHaveCount(2);
  await expect(view.locator('mark', { hasText: /^red fox \(not in every prompt\)$/ })).toHaveCount(
    1,
  );
  await expect(
    view.locator('mark', { hasText: /^grey wolf \(not in every prompt\)$/ }),
  ).toHaveCount(1);
  await expect(differs).toHaveCount(4);
  await settledTimes(videos);

  // Play, then seek to the middle while playing: both follow, and pausing leaves them together.
  await view.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(() => videos.evaluateAll((all: HTMLVideoElement[]) => all.every((v) => !v.paused)))
    .toBe(true);
  // The scrubber counts frames.
  const scrubber = view.getByRole('slider', { name: 'Position' });
  const half = Math.round(Number(await scrubber.getAttribute('max')) / 2);
  expect(half).toBeGreaterThan(0);
  await scrubber.fill(String(half));
  await view.getByRole('button', { name: 'Pause' }).click();
  const middle = await settledTimes(videos);
  expect(spread(middle)).toBeLessThanOrEqual(FRAME);
  for (const time of middle) expect(Math.abs(time - half * FRAME)).toBeLessThan(half * FRAME * 0.5);

  // A seek while paused: both land in the middle of that frame.
  await scrubber.fill(String(half - 2));
  const seeked = await settledTimes(videos);
  for (const time of seeked) expect(time).toBeCloseTo((half - 2 + 0.5) * FRAME, 3);

  // A frame step (the . key): both advance one frame.
  await page.keyboard.press('.');
  const stepped = await settledTimes(videos);
  expect(spread(stepped)).toBeLessThanOrEqual(FRAME);
  stepped.forEach((time, i) => expect(time - (seeked[i] ?? 0)).toBeCloseTo(FRAME, 3));
  await view.getByRole('button', { name: 'Previous frame' }).click();
  const back = await settledTimes(videos);
  back.forEach((time, i) => expect(time).toBeCloseTo(seeked[i] ?? 0, 3));

  await expectAccessible(page, 'the compare view');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
});
