import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { test, expect } from './fixtures';

const seeded = [
  { taskId: 'vid_SEEDA11Y00001', prompt: 'A lighthouse in a winter storm' },
  { taskId: 'vid_SEEDA11Y00002', prompt: 'A red fox crossing fresh snow' },
];

const go = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section }).click();

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme, librarySeed: { clips: seeded } });

    test('every screen passes axe: compose, queue, library, the player, settings', async ({
      page,
      live,
    }) => {
      await page.goto(live.host.url);
      await expect(page.getByLabel('Model')).toHaveValue(/.+/);
      await expectAccessible(page, 'Compose');

      const prompt = 'A paper boat drifting on a pond';
      await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
      await page.getByRole('button', { name: 'Generate' }).click();
      await go(page, 'Queue');
      await expect(page.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription(
        'Saved',
        { timeout: 30_000 },
      );
      await expectAccessible(page, 'Queue');

      await go(page, 'Library');
      const clips = page.getByRole('list', { name: 'Clips' });
      await expect(clips.getByRole('listitem')).toHaveCount(3);
      await expectAccessible(page, 'Library');

      await clips.getByRole('button', { name: 'A red fox crossing fresh snow' }).click();
      const dialog = page.getByRole('dialog', { name: 'A red fox crossing fresh snow' });
      await expect(dialog.getByLabel('Clip player')).toBeVisible();
      await expectAccessible(page, 'the clip player');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await go(page, 'Settings');
      await expect(page.getByRole('group', { name: 'API' })).toBeVisible();
      await expectAccessible(page, 'Settings');
    });
  });
}

test.describe('first run', () => {
  test.use({ keySaved: false });
  for (const colorScheme of ['light', 'dark'] as const)
    test(`the welcome screen passes axe in the ${colorScheme} scheme`, async ({ page, live }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(live.host.url);
      await expect(page.getByRole('heading', { name: 'Welcome to Airframe' })).toBeVisible();
      await expectAccessible(page, `the welcome screen (${colorScheme})`);
    });
});
