import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

const seeded = [
  { taskId: 'vid_SEEDLIGHT0001', prompt: 'A lighthouse in a winter storm' },
  { taskId: 'vid_SEEDLIGHT0002', prompt: 'A lighthouse at dawn with gulls circling' },
  { taskId: 'vid_SEEDFOX00001', prompt: 'A red fox crossing fresh snow' },
];
test.use({ librarySeed: { clips: seeded } });

const openLibrary = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();

test('search narrows the library, a favourite persists, and deleting here and on the server removes the files and the task', async ({
  page,
  live,
}) => {
  const { sim } = live;
  await page.goto(live.host.url);
  const made = 'A paper boat drifting on a pond';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(made);
  await page.getByRole('button', { name: 'Generate' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Queue' })
    .click();
  await expect(page.getByRole('listitem', { name: made })).toHaveAccessibleDescription('Saved', {
    timeout: 30_000,
  });
  const taskId = sim.tasks()[0]?.id ?? '';
  expect(readdirSync(live.libraryFolder).filter((name) => name.includes(taskId))).toHaveLength(3);

  await openLibrary(page);
  const clips = page.getByRole('list', { name: 'Clips' });
  const clip = (prompt: string) => clips.getByRole('button', { name: prompt });
  await expect(clips.getByRole('listitem')).toHaveCount(4);
  await expectAccessible(page, 'the library');

  await page.getByRole('searchbox', { name: 'Search clips' }).fill('lighthouse');
  await expect(clips.getByRole('listitem')).toHaveCount(2);
  await expect(clip('A lighthouse in a winter storm')).toBeVisible();
  await expect(clip('A lighthouse at dawn')).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('2 clips of 4');

  await clip('A lighthouse at dawn').click();
  const details = page.getByRole('dialog', { name: 'A lighthouse at dawn with gulls circling' });
  await expectAccessible(page, 'the clip dialog');
  await details.getByRole('button', { name: 'Favourite', pressed: false }).click();
  await expect(details.getByRole('button', { name: 'Favourite', pressed: true })).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();
  await expect(clip('A lighthouse at dawn').getByLabel('Favourite')).toBeVisible();

  await page.reload();
  await openLibrary(page);
  await page.getByRole('checkbox', { name: 'Favourites only' }).check();
  await expect(clips.getByRole('listitem')).toHaveCount(1);
  await clip('A lighthouse at dawn').click();
  await expect(details.getByRole('button', { name: 'Favourite', pressed: true })).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();
  const sidecar = readdirSync(live.libraryFolder).find(
    (name) => name.includes('vid_SEEDLIGHT0002') && name.endsWith('.json'),
  );
  expect(JSON.parse(readFileSync(join(live.libraryFolder, sidecar ?? ''), 'utf8'))).toMatchObject({
    favourite: true,
  });

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(clips.getByRole('listitem')).toHaveCount(4);
  await clip(made).click();
  await page
    .getByRole('dialog', { name: made })
    .getByRole('button', { name: 'More actions' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this clip?' });
  await confirm.getByRole('radio', { name: 'This computer and api.airforce' }).check();
  await expect(confirm).toContainText(
    'The video, its poster and its details are deleted from the library folder. This cannot be undone.',
  );
  await expect(confirm).toContainText(
    'The task and its video are also deleted from api.airforce: nothing is refunded',
  );
  await expectAccessible(page, 'the delete confirmation');
  await confirm.getByRole('button', { name: 'Delete here and on the server' }).click();
  await expect(confirm).toBeHidden();
  await expect(clips.getByRole('listitem')).toHaveCount(3);
  await expect(clip(made)).toHaveCount(0);

  expect(readdirSync(live.libraryFolder).filter((name) => name.includes(taskId))).toEqual([]);
  expect(sim.tasks().map((t) => t.id)).not.toContain(taskId);
  expect(sim.log.filter((entry) => entry.route === 'delete').map((entry) => entry.status)).toEqual([
    200,
  ]);
});
