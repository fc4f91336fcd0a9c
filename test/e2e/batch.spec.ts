import { test, expect, advanceUntil, expectAccessible } from './fixtures';

// The simulator's clock moves only when the test advances it: the paused batch is seen to
// hold its waiting jobs back, not hoped to.
test.use({ simulatorOptions: { autoTick: false } });

const prompts = [
  'A {red|blue} kite over the dunes',
  'A {red|blue} boat on a lake',
  'A {red|blue} train in the snow',
  'A {red|blue} balloon at dawn',
  'A {red|blue} tent under the stars',
];

test('five prompts with a wildcard: ten jobs priced, queued as one batch, paused, resumed, all saved, one notification', async ({
  page,
  live,
}) => {
  const { sim } = live;
  await page.goto(live.host.url);
  await page.getByRole('button', { name: 'Make a batch…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a batch' });
  await dialog.getByRole('textbox', { name: 'Batch name' }).fill('Kites');
  await dialog.getByRole('textbox', { name: 'Prompts' }).fill(prompts.join('\n'));

  // The preview: ten jobs, each with its cost, and their total, before anything is queued.
  const rows = dialog.getByRole('list', { name: 'Jobs in this batch' }).getByRole('listitem');
  await expect(rows).toHaveCount(10);
  await expect(rows.nth(1).getByRole('textbox')).toHaveValue('A blue kite over the dunes');
  const summary = dialog.getByRole('status').filter({ hasText: 'at once' });
  await expect(summary).toContainText(/^10 jobs · \$\d+\.\d\d · about \d+ (s|min) at 4 at once/);
  await expectAccessible(page, 'the batch builder with ten jobs');
  expect(sim.tasks()).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Queue 10 jobs' }).click();
  await expect(dialog.getByText('Batch “Kites” queued: 10 jobs.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Show in the queue' }).click();
  await expect(dialog).toBeHidden();

  // Four run at once; pausing the batch keeps the other six from being sent.
  const batch = page.getByRole('listitem', { name: 'Kites' });
  await expect.poll(() => sim.tasks().length).toBe(4);
  await batch.getByRole('button', { name: 'Pause' }).click();
  await expect(batch).toContainText('Paused');
  await advanceUntil(sim, () => sim.tasks().filter((t) => t.status === 'completed').length === 4, {
    message: 'the first four complete while the batch is paused',
  });
  await expect(batch).toContainText('4/10 saved', { timeout: 20_000 });
  expect(sim.tasks()).toHaveLength(4);
  await expectAccessible(page, 'the queue with a paused batch');

  await batch.getByRole('button', { name: 'Resume' }).click();
  await advanceUntil(
    sim,
    () => sim.tasks().length === 10 && sim.tasks().every((t) => t.status === 'completed'),
    { message: 'the other six are sent and complete' },
  );
  await expect(batch).toContainText('10/10 saved', { timeout: 20_000 });
  await expect(batch).toContainText('Done');

  // One notification for the batch, with its counts and spend; every prompt sent once.
  const drained = () => live.core.notifications.filter((n) => n.kind === 'drained');
  await expect.poll(() => drained().length).toBe(1);
  expect(drained()[0]?.title).toBe('Batch “Kites” done');
  expect(drained()[0]?.body).toMatch(/^10 clips ready, \$\d+\.\d\d$/);
  const sent = sim
    .tasks()
    .map((t) => t.prompt)
    .sort();
  expect(sent).toEqual(
    prompts
      .flatMap((p) => [p.replace('{red|blue}', 'red'), p.replace('{red|blue}', 'blue')])
      .sort(),
  );
  await expect(page.getByRole('region', { name: 'Notices (F8)' })).toContainText(
    'Batch “Kites” done',
  );
});
