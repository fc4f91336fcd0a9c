import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { test, expect } from './fixtures';
import { tabThrough } from './keyboard';

const seeded = [
  { taskId: 'vid_SEEDA11Y00001', prompt: 'A lighthouse in a winter storm' },
  { taskId: 'vid_SEEDA11Y00002', prompt: 'A red fox crossing fresh snow' },
];
test.use({ librarySeed: { clips: seeded } });

const go = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section }).click();

/**
 * The screen passes axe, Tab reaches each of its `controls` (names as Tab meets them, or a
 * pattern), and every place Tab stops shows a focus ring.
 */
async function check(page: Page, screen: string, controls: readonly (string | RegExp)[]) {
  await expectAccessible(page, screen);
  const stops = await tabThrough(page);
  const names = stops.map((stop) => stop.name);
  for (const control of controls)
    expect(
      names.some((name) => (typeof control === 'string' ? name === control : control.test(name))),
      `${screen}: Tab never reaches ${String(control)}; it stops at ${names.join(' · ')}`,
    ).toBe(true);
  const ringless = stops.filter((stop) => !stop.ring).map((stop) => stop.name);
  expect(ringless, `${screen}: focus shows no ring on these`).toEqual([]);
}

const nav = ['Compose', 'Queue', 'Library', 'Settings'];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in the ${colorScheme} scheme every screen passes axe and works by keyboard: compose, queue, library, server history, the player, settings`, async ({
    page,
    live,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(live.host.url);
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/ — /);
    await check(page, 'Compose', [...nav, 'Model', 'Prompt', 'Duration (seconds)', 'Generate']);

    const prompt = 'A paper boat drifting on a pond';
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    await page.getByRole('button', { name: 'Generate' }).click();
    await go(page, 'Queue');
    await expect(page.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription(
      'Saved',
      { timeout: 30_000 },
    );
    await check(page, 'Queue', ['Filter by state', 'Pause queue', prompt, 'Remove']);

    await go(page, 'Library');
    const clips = page.getByRole('list', { name: 'Clips' });
    await expect(clips.getByRole('listitem')).toHaveCount(3);
    await check(page, 'Library', ['Search clips', 'Model', 'Sort by', /A paper boat/]);
    await page.getByRole('button', { name: 'Server history…' }).click();
    const history = page.getByRole('dialog', { name: 'Server history' });
    await expect(history).toContainText(prompt);
    await check(page, 'Server history', ['Close']);
    await page.keyboard.press('Escape');
    await expect(history).toBeHidden();

    await clips.getByRole('button', { name: 'A red fox crossing fresh snow' }).click();
    const dialog = page.getByRole('dialog', { name: 'A red fox crossing fresh snow' });
    await expect(dialog.getByLabel('Clip player')).toBeVisible();
    // The dialog grows when the video learns its size: walk it once it has (else a control can
    // be scrolled under the edge between focus and measurement).
    await expect
      .poll(() => dialog.locator('video').evaluate((video: HTMLVideoElement) => video.readyState))
      .toBeGreaterThanOrEqual(1);
    await check(page, 'the clip player', ['Clip player', /Favourite/, 'Remix', 'Close']);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await go(page, 'Settings');
    await expect(page.getByRole('group', { name: 'API' })).toBeVisible();
    await check(page, 'Settings', ['API base URL', 'Demo mode', 'Concurrent tasks', 'System']);
  });
}

test.describe('first run', () => {
  test.use({ keySaved: false });
  for (const colorScheme of ['light', 'dark'] as const)
    test(`the welcome screen passes axe and works by keyboard in the ${colorScheme} scheme`, async ({
      page,
      live,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(live.host.url);
      await expect(page.getByRole('heading', { name: 'Welcome to Airframe' })).toBeVisible();
      await check(page, `the welcome screen (${colorScheme})`, [
        'API key',
        'Start the demo',
        'Look around first',
      ]);
    });
});

/** The radio waits for main's answer before it shows the choice (the setting is the truth). */
async function choose(page: Page, theme: string) {
  // Scoped to the Theme group: the Language setting has a "System (English)" radio too.
  const group = page.getByRole('radiogroup', { name: 'Theme' });
  await group.getByRole('radio', { name: theme, exact: true }).click();
  await expect(group.getByRole('radio', { name: theme, exact: true })).toBeChecked();
}

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the Theme setting overrides the OS scheme, is kept across a reload, and System follows the OS again', async ({
  page,
  live,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(live.host.url);
  await go(page, 'Settings');
  const darkPage = await background(page);
  await choose(page, 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(page)).toBe('rgb(246, 247, 249)');
  await expectAccessible(page, 'Settings, Light over a dark OS');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBe('rgb(246, 247, 249)');

  await page.emulateMedia({ colorScheme: 'light' });
  await go(page, 'Settings');
  await choose(page, 'Dark');
  await expect.poll(() => background(page)).toBe(darkPage);
  await expectAccessible(page, 'Settings, Dark over a light OS');

  await choose(page, 'System');
  await expect.poll(() => background(page)).toBe('rgb(246, 247, 249)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(darkPage);
});

test('when the OS asks for reduced motion, nothing transitions', async ({ page, live }) => {
  const generate = page.getByRole('button', { name: 'Generate' });
  const duration = () => generate.evaluate((button) => getComputedStyle(button).transitionDuration);
  await page.goto(live.host.url);
  await expect(generate).toBeVisible();
  expect(await duration()).not.toBe('0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(duration).toBe('0s');
});
