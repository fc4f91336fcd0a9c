import { test, expect, expectAccessible } from './fixtures';
import { tabThrough } from './keyboard';

test('the app shell loads in Chromium and shows what app.info answers', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page).toHaveTitle('Airframe');
  await expect(page.getByRole('heading', { name: 'Airframe', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Compose', 'Queue', 'Library', 'Settings']) {
    await expect(nav.getByRole('button', { name })).toBeVisible();
  }
  await expect(page.getByLabel('App version')).toHaveText(
    /^Airframe \d+\.\d+\.\d+ · demo mode · browser$/,
  );
  await nav.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 2 })).toBeVisible();
});

test('the sidebar: Ctrl+1…4 between sections, Compose beside the live queue on a wide window, icons only on a narrow one', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const section = page.getByRole('heading', { level: 2 });
  await expect(nav.getByRole('button', { name: 'Compose' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { name: 'Live queue' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Queue of jobs' })).toBeVisible();

  await page.keyboard.press('Control+3');
  await expect(section).toHaveText('Library');
  await expect(nav.getByRole('button', { name: 'Library' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // Typing in a field keeps the keys for the field.
  await page.getByRole('searchbox', { name: 'Search clips' }).focus();
  await page.keyboard.press('Control+4');
  await expect(section).toHaveText('Library');
  await page.getByRole('searchbox', { name: 'Search clips' }).blur();
  await page.keyboard.press('Control+4');
  await expect(section).toHaveText('Settings');

  await page.setViewportSize({ width: 640, height: 720 });
  await page.keyboard.press('Control+1');
  await expect(section).toHaveText('Compose');
  await expect(page.getByRole('heading', { name: 'Live queue' })).toBeHidden();
  // Icons only, each still named for the keyboard and screen readers.
  expect((await page.getByRole('banner').boundingBox())?.width).toBeLessThan(80);
  for (const name of ['Compose', 'Queue', 'Library', 'Settings'])
    await expect(nav.getByRole('button', { name })).toBeVisible();
  await expectAccessible(page, 'Compose in a narrow window');
  const names = ['Compose', 'Queue', 'Library', 'Settings'];
  const stops = (await tabThrough(page)).filter((stop) => names.includes(stop.name));
  expect(stops).toEqual(names.map((name) => ({ name, ring: true })));
});
