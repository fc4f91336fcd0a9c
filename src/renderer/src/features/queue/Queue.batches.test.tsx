import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/contract/result';
import type { BatchSummary } from '../../../../shared/jobBatches';
import type { Job } from '../../../../shared/jobs';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeBatch,
  makeJob,
  setupRendererTests,
  type FakeAnswers,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const place = (id: string, name: string, index: number, size: number) => ({
  batch: { id, name, index, size },
});

const overnight = makeBatch(
  'b1',
  { name: 'Overnight', size: 50, spentCents: 4840 },
  { waiting: 8, saved: 12, failed: 3, cancelled: 27 },
);
const portraits = makeBatch(
  'b2',
  { name: 'Portraits', createdAt: 2_000, onFailure: 'stop', paused: true, stoppedBy: 'f2' },
  { waiting: 5, failed: 1 },
);
const landscapes = makeBatch(
  'b3',
  { name: 'Landscapes', createdAt: 3_000, size: 2, spentCents: 640, doneAt: 5_000 },
  { waiting: 0, saved: 2 },
);

const jobs: Job[] = [
  ...Array.from({ length: 8 }, (_, i) =>
    makeJob(`w${i}`, place('b1', 'Overnight', 13 + i, 50), { prompt: `Waiting shot ${i}` }),
  ),
  makeJob(
    's12',
    { status: 'saved', clipId: 'vid_12', taskId: 'vid_12', ...place('b1', 'Overnight', 12, 50) },
    { prompt: 'Twelfth shot' },
  ),
  makeJob(
    'f2',
    { status: 'failed', taskId: 'vid_f2', refunded: true, ...place('b2', 'Portraits', 1, 6) },
    { prompt: 'A broken portrait' },
  ),
];

/** Generation of an 8 s wan clip takes a minute, as learnt before. */
function learnAMinute() {
  window.localStorage.setItem(
    'airframe.generationTimes',
    JSON.stringify({ averages: { 'wan-2.6|8': { ms: 60_000, n: 5 } }, seen: [] }),
  );
}

function setup(answers: FakeAnswers = {}, batches: BatchSummary[] = [overnight]) {
  const find = (id: string) => batches.find((batch) => batch.id === id)!;
  const fake = createFakeBackend({
    'jobs.list': () => ({ jobs, state: engineIdle }),
    'batches.list': () => ({ batches }),
    'batches.pause': ({ batchId }) => ({ ...find(batchId), paused: true }),
    'batches.resume': ({ batchId }) => ({ ...find(batchId), paused: false, stoppedBy: null }),
    'batches.cancel': () => ({ cancelled: 8, stillRunning: 2 }),
    'batches.retryFailed': () => ({
      jobs: ['r1', 'r2', 'r3'].map((id) => makeJob(id, place('b1', 'Overnight', 1, 50))),
    }),
    'batches.move': () => ({ moved: true }),
    ...answers,
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

const panel = () => screen.findByRole('region', { name: 'Batches' });
const entry = async (name: string) => within(await panel()).getByRole('listitem', { name });

describe('the batches panel', () => {
  it('shows each batch’s progress, counts, spend, time left and state', async () => {
    learnAMinute();
    setup({}, [overnight, portraits, landscapes]);
    const night = await entry('Overnight');
    const bar = within(night).getByRole('progressbar', { name: 'Progress of Overnight' });
    expect(bar.getAttribute('aria-valuenow')).toBe('12');
    expect(bar.getAttribute('aria-valuemax')).toBe('50');
    expect(within(night).getByText('12/50 saved')).toBeTruthy();
    expect(within(night).getByText('$48.40 spent')).toBeTruthy();
    expect(within(night).getByText('Running')).toBeTruthy();
    // Eight jobs of a minute each, four at a time.
    expect(
      within(night).getByText('8 waiting · 3 failed · 27 cancelled · about 2 min left'),
    ).toBeTruthy();

    const stopped = await entry('Portraits');
    expect(within(stopped).getByText('Stopped: “A broken portrait” failed')).toBeTruthy();
    expect(within(stopped).getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(within(stopped).queryByRole('button', { name: 'Pause' })).toBeNull();

    const done = await entry('Landscapes');
    expect(within(done).getByText('Done')).toBeTruthy();
    expect(within(done).getByText('2/2 saved')).toBeTruthy();
    expect(within(done).getByText('$6.40 spent')).toBeTruthy();
    // Nothing left to run: only its export, to run it again elsewhere.
    expect(
      within(done)
        .queryAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Export']);
  });

  it('is not there when the queue has no batch', async () => {
    setup({}, []);
    await screen.findByText('Twelfth shot');
    expect(screen.queryByRole('region', { name: 'Batches' })).toBeNull();
  });

  it('pauses and resumes a batch', async () => {
    const { fake, user } = setup();
    const night = await entry('Overnight');
    await user.click(within(night).getByRole('button', { name: 'Pause' }));
    expect(await within(night).findByText('Paused')).toBeTruthy();
    expect(fake.callsOf('batches.pause')).toEqual([{ batchId: 'b1' }]);
    await user.click(within(night).getByRole('button', { name: 'Resume' }));
    expect(await within(night).findByText('Running')).toBeTruthy();
    expect(fake.callsOf('batches.resume')).toEqual([{ batchId: 'b1' }]);
  });

  it('cancels only after saying that jobs on the server run on and are paid', async () => {
    const { fake, user } = setup();
    await user.click(within(await entry('Overnight')).getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the batch “Overnight”?' });
    expect(within(dialog).getByText(/8 waiting jobs are cancelled and not charged/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Keep the batch' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsOf('batches.cancel')).toEqual([]);

    await user.click(within(await entry('Overnight')).getByRole('button', { name: 'Cancel…' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel waiting jobs' }));
    expect(fake.callsOf('batches.cancel')).toEqual([{ batchId: 'b1' }]);
    expect(
      await within(await entry('Overnight')).findByText(
        '8 jobs cancelled. 2 already on the server keep running (paid).',
      ),
    ).toBeTruthy();
  });

  it('warns in the confirmation when jobs are already on the server', async () => {
    const { user } = setup({}, [{ ...overnight, counts: { ...overnight.counts, running: 2 } }]);
    await user.click(within(await entry('Overnight')).getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /2 jobs already on the server keep running and are paid for: the provider does not refund them/,
      ),
    ).toBeTruthy();
  });

  it('retries the failed jobs, and offers it only when some failed', async () => {
    const { fake, user } = setup({}, [overnight, landscapes]);
    await user.click(
      within(await entry('Overnight')).getByRole('button', { name: 'Retry 3 failed' }),
    );
    expect(fake.callsOf('batches.retryFailed')).toEqual([{ batchId: 'b1' }]);
    expect(
      await within(await entry('Overnight')).findByText('3 failed jobs sent again.'),
    ).toBeTruthy();
    expect(within(await entry('Landscapes')).queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it.each([
    ['Move to top', 'top'],
    ['Move up', 'up'],
    ['Move down', 'down'],
    ['Move to bottom', 'bottom'],
  ] as const)('%s moves the whole batch', async (label, to) => {
    const { fake, user } = setup();
    const night = await entry('Overnight');
    const moves = within(night).getByRole('group', { name: 'Move the batch “Overnight”' });
    await user.click(within(moves).getByRole('button', { name: label }));
    await waitFor(() => expect(fake.callsOf('batches.move')).toEqual([{ batchId: 'b1', to }]));
  });

  it('shows a refused action inline', async () => {
    const { user } = setup({
      'batches.pause': () => {
        throw new UserError('not-found', 'That batch is gone');
      },
    });
    const night = await entry('Overnight');
    await user.click(within(night).getByRole('button', { name: 'Pause' }));
    expect((await within(night).findByRole('alert')).textContent).toBe(
      'Not done: That batch is gone',
    );
    expect(within(night).getByText('Running')).toBeTruthy();
  });

  it('follows batches.changed, and goes when its batch leaves the queue', async () => {
    const { fake } = setup();
    const night = await entry('Overnight');
    fake.emit('batches.changed', {
      upserted: [
        { ...overnight, spentCents: 5160, counts: { ...overnight.counts, waiting: 7, saved: 13 } },
        portraits,
      ],
      removed: [],
    });
    expect(within(night).getByText('13/50 saved')).toBeTruthy();
    expect(within(night).getByText('$51.60 spent')).toBeTruthy();
    expect(await entry('Portraits')).toBeTruthy();
    fake.emit('batches.changed', { upserted: [], removed: ['b1', 'b2'] });
    expect(screen.queryByRole('region', { name: 'Batches' })).toBeNull();
  });
});

describe('a job of a batch', () => {
  it('shows its place in the batch, its name and description unchanged', async () => {
    setup();
    const row = await screen.findByRole('listitem', { name: 'Twelfth shot' });
    expect(within(row).getByText('Overnight · 12/50')).toBeTruthy();
    const description = row.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(description)?.textContent).toBe('Saved');
  });
});
