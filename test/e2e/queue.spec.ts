import type { Page } from '@playwright/test';
import { test, expect, advanceUntil, expectAccessible } from './fixtures';

// The simulator's clock moves only when the test advances it, so "at most four at once" is
// seen at every step rather than hoped for between samples.
test.use({ simulatorOptions: { autoTick: false } });

const prompts = Array.from(
  { length: 6 },
  (_, i) => `Queue journey clip ${i + 1}: kites over a beach`,
);

/** Generate, and wait until Compose has taken the prompt (it joins the recently used ones). */
async function queuePrompt(page: Page, prompt: string) {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(
    page
      .getByRole('combobox', { name: 'Recently used' })
      .getByRole('option', { name: prompt, exact: true, includeHidden: true }),
  ).toBeAttached();
}

test('six prompts queued at once: at most four run on the server, reorder and cancel are honoured, the rest finish', async ({
  page,
  live,
}) => {
  const { sim } = live;
  await page.goto(live.host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Paused first, so all six wait and the user can arrange them before any is sent.
  await nav.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Pause queue' }).click();
  const paused = page.getByRole('status').filter({ hasText: 'The queue is paused' });
  await expect(paused).toBeVisible();

  await nav.getByRole('button', { name: 'Compose' }).click();
  for (const prompt of prompts) await queuePrompt(page, prompt);

  await nav.getByRole('button', { name: 'Queue' }).click();
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem');
  const row = (n: number) => page.getByRole('listitem', { name: prompts[n - 1] });
  await expect(jobs).toHaveCount(6);
  for (let n = 1; n <= 6; n++) await expect(row(n)).toHaveAccessibleDescription('Waiting');
  await expectAccessible(page, 'the paused queue');

  await row(6).getByRole('button', { name: 'Move to top' }).click();
  await expect(jobs.first()).toHaveAccessibleName(prompts[5] ?? '');
  await row(3).getByRole('button', { name: 'Cancel' }).click();
  await expect(row(3)).toHaveAccessibleDescription('Cancelled');
  expect(sim.tasks()).toHaveLength(0);

  await page.getByRole('button', { name: 'Resume queue' }).click();
  await expect(paused).toBeHidden();
  await expect.poll(() => sim.tasks().length).toBe(4);
  await expect(page.getByText('4 of 4 running on the server')).toBeVisible();
  await expectAccessible(page, 'the queue running four');
  await expect(row(5)).toHaveAccessibleDescription('Waiting');

  let mostAtOnce = 0;
  const sample = () => {
    const unfinished = sim
      .tasks()
      .filter((t) => t.status === 'queued' || t.status === 'running').length;
    mostAtOnce = Math.max(mostAtOnce, unfinished);
  };
  await advanceUntil(sim, () => sim.tasks().filter((t) => t.status === 'completed').length === 5, {
    message: 'the five jobs left complete on the simulator',
    sample,
  });
  expect(mostAtOnce).toBe(4);

  for (const n of [1, 2, 4, 5, 6])
    await expect(row(n)).toHaveAccessibleDescription('Saved', { timeout: 20_000 });
  await expect(row(3)).toHaveAccessibleDescription('Cancelled');

  // Oldest first: the job moved to the top went first, the cancelled one never went.
  const created = [...sim.tasks()].reverse().map((t) => t.prompt);
  expect(created).toEqual([prompts[5], prompts[0], prompts[1], prompts[3], prompts[4]]);
  // The app never asked for a fifth slot: no create was turned away.
  const creates = sim.log.filter((entry) => entry.route === 'create');
  expect(creates.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200]);

  // Clear finished: the six leave the queue for the history, searchable there.
  await page.getByRole('button', { name: 'Clear finished' }).click();
  await page
    .getByRole('dialog', { name: 'Move 6 ended jobs to the history?' })
    .getByRole('button', { name: 'Move 6 jobs' })
    .click();
  await expect(page.getByText('6 jobs moved to the history.')).toBeVisible();
  await expect(jobs).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the history' }).click();
  const history = page.getByRole('region', { name: 'History of cleared jobs' });
  await expect(history.getByRole('listitem')).toHaveCount(6);
  await history.getByRole('searchbox').fill('clip 6');
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText(prompts[5] ?? '');
  await expectAccessible(page, 'the history');
});
