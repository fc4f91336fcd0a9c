import { test, expect } from './fixtures';

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
