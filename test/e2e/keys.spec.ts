import { test, expect, advanceUntil, expectAccessible } from './fixtures';

/**
 * Issue 18: a second API key doubles the slots. The simulator allows four tasks per key
 * and its clock moves only when the test advances it, so "eight at once" is seen, not hoped.
 */
test.use({ simulatorOptions: { autoTick: false } });

const SECOND = 'sk-air-client-b-journey-0042';
const PROMPT = 'Keys journey: lanterns over a harbour';

test('two keys run eight jobs at once, four each, and every clip is saved', async ({
  page,
  live,
}) => {
  const { sim } = live;
  sim.addKey(SECOND, 100_000);
  await page.goto(live.host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // The second key, checked by the API before it is kept; only its name and last four show.
  await nav.getByRole('button', { name: 'Settings' }).click();
  const add = page.getByRole('form', { name: 'Add a key' });
  await add.getByLabel('Name').fill('Client B');
  await add.getByLabel('New key').fill(SECOND);
  await add.getByRole('button', { name: 'Add key' }).click();
  await expect(page.getByText('Key “Client B” added: the API accepted it.')).toBeVisible();
  const keys = page.getByRole('list', { name: 'Keys' });
  await expect(keys.getByRole('listitem')).toHaveCount(2);
  await expect(keys.getByRole('listitem', { name: 'Client B' })).toContainText('•••• 0042');
  await expect(page.locator('body')).not.toContainText(SECOND);
  await expectAccessible(page, 'the keys in Settings');

  // Eight copies, sent together once the queue resumes.
  await nav.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Pause queue' }).click();
  await nav.getByRole('button', { name: 'Compose' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT);
  await page.getByRole('spinbutton', { name: 'Copies' }).fill('8');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 8 jobs to the queue.' }),
  ).toBeVisible();

  await nav.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Resume queue' }).click();
  await expect.poll(() => sim.tasks().length).toBe(8);
  expect(sim.tasks().filter((t) => t.key === sim.apiKey)).toHaveLength(4);
  expect(sim.tasks().filter((t) => t.key === SECOND)).toHaveLength(4);
  await expect(page.getByText('8 of 8 running on the server')).toBeVisible();
  await expect(page.getByText('Key: Client B')).toHaveCount(4);
  await expect(page.getByText('Key: Default')).toHaveCount(4);
  await expectAccessible(page, 'the queue running eight on two keys');

  let mostAtOnce = 0;
  const sample = () => {
    const live = sim.tasks().filter((t) => t.status === 'queued' || t.status === 'running');
    mostAtOnce = Math.max(mostAtOnce, live.length);
  };
  await advanceUntil(sim, () => sim.tasks().every((t) => t.status === 'completed'), {
    message: 'the eight tasks complete on the simulator',
    sample,
  });
  expect(mostAtOnce).toBe(8);
  const rows = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem');
  await expect(rows).toHaveCount(8);
  for (let i = 0; i < 8; i++)
    await expect(rows.nth(i)).toHaveAccessibleDescription('Saved', { timeout: 20_000 });
  // No create was turned away: each key was asked for no more than its four slots.
  const creates = sim.log.filter((entry) => entry.route === 'create');
  expect(creates.map((entry) => entry.status)).toEqual(Array(8).fill(200));
});
