import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/contract/result';
import type { Job } from '../../../../shared/jobs';
import { useComposeStore } from '../compose';
import { useNavStore } from '../nav';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
  type FakeBackend,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const queued = makeJob('q1', { status: 'queued' }, { prompt: 'Still waiting' });
const saved = makeJob(
  's1',
  { status: 'saved', clipId: 'vid_s1', taskId: 'vid_s1', costCents: 200, finishedAt: 1_000 },
  { prompt: 'A sunset over the harbour', seed: 4 },
);
const failed = makeJob(
  'f1',
  {
    status: 'failed',
    taskId: 'vid_f1',
    refunded: true,
    costCents: 200,
    submittedAt: 1_500,
    finishedAt: 2_000,
  },
  { prompt: 'A refused prompt' },
);

/**
 * Main's side as the engine keeps it: "Clear finished" moves the ended jobs into a history
 * (announced as removed), searched by prompt a page at a time, the latest first.
 */
function setup(initial: Job[] = [queued, saved, failed], cleared: Job[] = []) {
  let queue = [...initial];
  const history = [...cleared];
  const fake: FakeBackend = createFakeBackend({
    'jobs.list': () => ({ jobs: queue, state: engineIdle }),
    'jobs.clearFinished': () => {
      const ended = queue.filter((job) => job.status !== 'queued');
      queue = queue.filter((job) => job.status === 'queued');
      history.unshift(...ended);
      queueMicrotask(() =>
        fake.emit('jobs.changed', {
          upserted: [],
          removed: ended.map((job) => job.id),
          order: null,
        }),
      );
      return { cleared: ended.length };
    },
    'jobs.history': ({ query, offset, limit }) => {
      const found = history.filter((job) =>
        job.request.prompt.toLowerCase().includes(query.toLowerCase()),
      );
      return { jobs: found.slice(offset, offset + limit), total: found.length };
    },
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

const historyTab = () => screen.getByRole('tab', { name: 'History' });

describe('Clear finished', () => {
  it('asks first, then moves the ended jobs out of the queue and into the history', async () => {
    const { fake, user } = setup();
    await screen.findByText('A sunset over the harbour');
    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Move 2 ended jobs to the history?',
    });
    expect(within(dialog).getByText(/Their clips stay in the library/)).toBeTruthy();

    // Keeping them sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Keep them in the queue' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsOf('jobs.clearFinished')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    await user.click(await screen.findByRole('button', { name: 'Move 2 jobs' }));
    expect(fake.callsOf('jobs.clearFinished')).toEqual([{}]);
    expect(await screen.findByText('2 jobs moved to the history.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('A sunset over the harbour')).toBeNull());
    expect(screen.getByText('Still waiting')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Clear finished' }).disabled).toBe(
      true,
    );

    await user.click(screen.getByRole('button', { name: 'Open the history' }));
    expect(historyTab().getAttribute('aria-selected')).toBe('true');
    const list = await screen.findByRole('list');
    expect(within(list).getByText('A sunset over the harbour')).toBeTruthy();
    expect(within(list).getByText('A refused prompt')).toBeTruthy();
    expect(screen.getByText('2 jobs')).toBeTruthy();
  });

  it('says so when the move fails, and the jobs stay', async () => {
    const { user } = setup();
    connectBackend(
      createFakeBackend({
        'jobs.clearFinished': () => {
          throw new UserError('unavailable', 'The database is busy');
        },
      }),
    );
    await screen.findByText('A sunset over the harbour');
    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    await user.click(await screen.findByRole('button', { name: 'Move 2 jobs' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nothing was moved: The database is busy',
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByText('A sunset over the harbour')).toBeTruthy();
  });
});

describe('History', () => {
  const many = Array.from({ length: 120 }, (_, i) =>
    makeJob(
      `h${i}`,
      { status: 'saved', clipId: `vid_h${i}`, finishedAt: 10_000 - i },
      { prompt: i % 2 === 0 ? `Harbour at dawn ${i}` : `Forest path ${i}` },
    ),
  );

  it('says what it is for while empty', async () => {
    const { user } = setup([queued], []);
    await user.click(historyTab());
    expect(
      await screen.findByText(
        'The history is empty. “Clear finished” in the Jobs tab moves ended jobs here.',
      ),
    ).toBeTruthy();
  });

  it('shows a page at a time and searches the prompts', async () => {
    const { fake, user } = setup([queued], many);
    await user.click(historyTab());
    expect(await screen.findByText('120 jobs')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(100));
    await user.click(screen.getByRole('button', { name: 'Show 20 more' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(120));
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
    expect(fake.callsOf('jobs.history').at(-1)).toEqual({ query: '', offset: 100, limit: 50 });

    await user.type(
      screen.getByRole('searchbox', { name: 'Search the history by prompt' }),
      'forest',
    );
    expect(await screen.findByText('60 jobs')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    expect(screen.queryByText(/Harbour at dawn/)).toBeNull();
    expect(fake.callsOf('jobs.history').at(-1)).toEqual({ query: 'forest', offset: 0, limit: 50 });

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'glacier');
    expect(
      await screen.findByText('No job in the history has “glacier” in its prompt.'),
    ).toBeTruthy();
  }, 20_000);

  it('sends a job back to Compose and shows a saved one in the library', async () => {
    const { user } = setup([queued], [saved, failed]);
    await user.click(historyTab());
    const row = (await screen.findByText('A sunset over the harbour')).closest('li')!;
    expect(within(row).getByText(/Saved · wan-2.6 · 8 s/)).toBeTruthy();
    const refused = screen.getByText('A refused prompt').closest('li')!;
    expect(within(refused).getByText(/\$2\.00 refunded/)).toBeTruthy();
    expect(within(refused).queryByRole('button', { name: 'Show in library' })).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Compose again' }));
    expect(useComposeStore.getState().form.prompt).toBe('A sunset over the harbour');
    expect(useNavStore.getState().section).toBe('Compose');
  });
});
