import { test, expect, expectAccessible } from './fixtures';

test('a prompt goes from Compose through the queue to a clip that plays and seeks', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/ — /);
  await expectAccessible(page, 'Compose');
  const generate = page.getByRole('button', { name: 'Generate' });
  await expect(generate).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Why Generate is not available' })).toHaveText(
    'Write a prompt.',
  );

  await page.getByRole('textbox', { name: 'Prompt' }).fill('A paper plane over a misty forest');
  await expect(page.getByLabel('Cost')).toHaveText(/^\d+ s × [\d.]+ ¢\/s = \$\d+\.\d\d$/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Added a job to the queue.')).toBeVisible();

  await nav.getByRole('button', { name: 'Queue' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'A paper plane over a misty forest' });
  await expect(row.getByText('Saved', { exact: true })).toBeVisible({ timeout: 45_000 });
  // The row's thumbnail is the saved clip's poster, served by the host's media route.
  await expect
    .poll(() => row.locator('.job-thumb img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expectAccessible(page, 'the queue with a saved clip and its notice');

  const notices = page.getByRole('region', { name: 'Notices (F8)' });
  await notices.getByRole('button', { name: 'Show' }).first().click();
  const player = page.getByRole('dialog').getByLabel('Clip player');
  await expect(player).toBeVisible();
  await expectAccessible(page, 'the clip player');
  const seeked = await player.evaluate(async (video: HTMLVideoElement) => {
    if (video.readyState < 1)
      await new Promise((r) => video.addEventListener('loadedmetadata', r, { once: true }));
    video.currentTime = video.duration / 2;
    await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
    return video.currentTime > 0 && !video.error;
  });
  expect(seeked).toBe(true);
});
