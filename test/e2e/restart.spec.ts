import { readdirSync } from 'node:fs';
import { test, expect, advanceUntil } from './fixtures';

// The simulator's clock moves only when the test advances it: the jobs are certainly still
// running on the server when the host stops.
test.use({ simulatorOptions: { autoTick: false } });

test('jobs running when the host restarts resume and finish, and none is submitted twice', async ({
  page,
  live,
}) => {
  const { sim } = live;
  await page.goto(live.host.url);
  const prompt = 'A night train crossing a viaduct under the stars';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByLabel('Copies').fill('3');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText('Added 3 jobs to the queue.')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Queue' })
    .click();
  const rows = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem', { name: prompt });
  await expect(rows).toHaveCount(3);
  await expect.poll(() => sim.tasks().length).toBe(3);
  await advanceUntil(sim, () => sim.tasks().every((t) => t.status === 'running'), {
    message: 'all three tasks are running',
  });
  for (const row of await rows.all()) await expect(row).toHaveAccessibleDescription('Generating');

  await live.restart();
  const lost = page
    .getByRole('alert')
    .filter({ hasText: 'Lost the connection to Airframe’s host' });
  await expect(lost).toBeVisible();
  await expect(lost).toContainText('Jobs do not carry on in this tab');
  // The old tab's address now belongs to an earlier run: it says so, and where to go.
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'This Airframe tab belongs to an earlier run of the host' }),
  ).toBeVisible();
  expect(await page.content()).not.toContain(live.host.token);

  await page.goto(live.host.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Queue' })
    .click();
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toHaveAccessibleDescription('Generating');

  await advanceUntil(sim, () => sim.tasks().every((t) => t.status === 'completed'), {
    message: 'all three tasks complete',
  });
  for (const row of await rows.all())
    await expect(row).toHaveAccessibleDescription('Saved', { timeout: 20_000 });

  expect(sim.log.filter((entry) => entry.route === 'create')).toHaveLength(3);
  expect(sim.tasks()).toHaveLength(3);
  const videos = readdirSync(live.libraryFolder).filter((name) => name.endsWith('.mp4'));
  expect(videos).toHaveLength(3);
  for (const task of sim.tasks())
    expect(videos.filter((name) => name.includes(task.id))).toHaveLength(1);
});
