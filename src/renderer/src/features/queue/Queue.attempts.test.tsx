import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../../shared/jobs';
import { defaultSettings } from '../../../../shared/settings';
import { i18n } from '../../i18n';
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

/** 12:03 today, local time: when the first attempt failed. */
const at1203 = new Date(2026, 0, 5, 12, 3).getTime();

const failedOnce = makeJob(
  'f1',
  {
    status: 'failed',
    taskId: 'vid_1',
    refunded: true,
    costCents: 320,
    error: { kind: 'content_policy', message: 'The prompt was refused by the content filter.' },
    finishedAt: at1203,
    updatedAt: at1203,
  },
  { prompt: 'A fox in the snow' },
);
const other = makeJob('q1', { status: 'queued' }, { prompt: 'Another idea' });

/** The engine's answer to a retry: a new job, the same request, `retryOf` the old one. */
const retryOf = (job: Job, id: string): Job => ({
  ...makeJob(id, { retryOf: job.id, batch: job.batch, updatedAt: at1203 + 1 }),
  request: job.request,
});

function setup(language: 'system' | 'nl' = 'system', list: Job[] = [failedOnce, other]) {
  const fake = createFakeBackend({
    'settings.get': () => ({
      settings: { ...defaultSettings, language },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
    'jobs.list': () => ({ jobs: list, state: { ...engineIdle } }),
    'jobs.retry': ({ id }) =>
      retryOf(
        list.find((j) => j.id === id)!,
        `${id}-2`,
      ),
    'jobs.remove': () => ({ removed: true }),
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

const jobRows = (name: string) =>
  within(screen.getByRole('list', { name: 'Jobs' })).queryAllByRole('listitem', { name });

async function retryTheFailedOne(fake: FakeBackend, user: ReturnType<typeof userEvent.setup>) {
  const failed = await screen.findByRole('listitem', { name: 'A fox in the snow' });
  await user.click(within(failed).getByRole('button', { name: 'Retry' }));
  expect(fake.callsOf('jobs.retry')).toEqual([{ id: 'f1' }]);
  await waitFor(() => expect(within(jobRows('A fox in the snow')[0]!).getByText('Waiting')));
}

describe('a retried job in the queue', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('keeps one row, the newest attempt, listing the failed one inside it', async () => {
    const { fake, user } = setup();
    await retryTheFailedOne(fake, user);
    const rows = jobRows('A fox in the snow');
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.dataset['jobId']).toBe('f1-2');
    // Named and described as any row: by its prompt, then by its state.
    expect(document.getElementById(row.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Waiting',
    );
    expect(
      within(row).getByText(/^Attempt 2 · earlier: failed 12:03\sPM \(refunded\)$/),
    ).toBeTruthy();
    // Counted once: two jobs in the list, not three.
    expect(screen.getByText(/^2 of 2 jobs ·/)).toBeTruthy();

    const toggle = within(row).getByRole('button', { name: 'Earlier attempts' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(row).queryByRole('list', { name: 'Earlier attempts of this job' })).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const attempts = within(row).getByRole('list', { name: 'Earlier attempts of this job' });
    const [first] = within(attempts).getAllByRole('listitem');
    expect(first?.textContent).toMatch(
      /^Attempt 1 · Failed · 12:03\sPM · \$3\.20 refunded · The prompt was refused by the content filter\.$/,
    );

    // The second attempt fails too, unrefunded: the row says so, and offers a third.
    act(() =>
      fake.emit('jobs.changed', {
        upserted: [
          {
            ...retryOf(failedOnce, 'f1-2'),
            status: 'failed',
            taskId: 'vid_2',
            error: { kind: 'server', message: 'The server gave up' },
            finishedAt: at1203 + 60_000,
            updatedAt: at1203 + 60_000,
          },
        ],
        removed: [],
        order: null,
      }),
    );
    expect(within(row).getByText('The server gave up. Not refunded.')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(jobRows('A fox in the snow')).toHaveLength(1);
  });

  it('brings the chain’s row into view when a notification about the earlier attempt is shown', async () => {
    const { fake, user } = setup();
    await retryTheFailedOne(fake, user);
    screen.getByRole('button', { name: 'Pause queue' }).focus();
    act(() =>
      fake.emit('notification.clicked', {
        kind: 'failed',
        title: 'Failed',
        body: 'A fox in the snow',
        jobId: 'f1',
      }),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(jobRows('A fox in the snow')[0] ?? null),
    );
    expect((document.activeElement as HTMLElement).dataset['jobId']).toBe('f1-2');
  });

  it('judges the filter by the chain’s row: a notice about a failed attempt whose retry waits shows all', async () => {
    const { fake, user } = setup();
    await retryTheFailedOne(fake, user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by state' }), 'problems');
    act(() =>
      fake.emit('notification.clicked', {
        kind: 'failed',
        title: 'Failed',
        body: 'A fox in the snow',
        jobId: 'f1',
      }),
    );
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).dataset['jobId']).toBe('f1-2'),
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Filter by state' }).value).toBe(
      'all',
    );
  });

  it('removes the chain’s jobs with its row, after saying the earlier attempts go too', async () => {
    const secondFailed: Job = {
      ...retryOf(failedOnce, 'f1-2'),
      status: 'failed',
      taskId: 'vid_2',
      refunded: true,
      error: { kind: 'server', message: 'The server gave up' },
    };
    const { fake, user } = setup('system', [failedOnce, other, secondFailed]);
    const row = await screen.findByRole('listitem', { name: 'A fox in the snow' });
    await user.click(within(row).getByRole('button', { name: 'Remove' }));
    expect(
      within(row).getByText(
        'Remove from the list with its earlier attempt? This cannot be undone.',
      ),
    ).toBeTruthy();
    expect(fake.callsOf('jobs.remove')).toEqual([]);
    await user.click(within(row).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(jobRows('A fox in the snow')).toHaveLength(0));
    expect(fake.callsOf('jobs.remove')).toEqual([{ id: 'f1' }, { id: 'f1-2' }]);
    expect(screen.getByText(/^1 of 1 job ·/)).toBeTruthy();
  });

  it('says it in Dutch', async () => {
    const { fake, user } = setup('nl');
    const failed = await screen.findByRole('listitem', { name: 'A fox in the snow' });
    await user.click(within(failed).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(fake.callsOf('jobs.retry')).toEqual([{ id: 'f1' }]);
    const row = await screen.findByText(/^Poging 2 · eerder: mislukt 12:03 \(terugbetaald\)$/);
    await user.click(within(row.closest('li')!).getByRole('button', { name: 'Eerdere pogingen' }));
    const list = screen.getByRole('list', { name: 'Eerdere pogingen van deze taak' });
    expect(within(list).getByRole('listitem').textContent).toMatch(
      /^Poging 1 · Mislukt · 12:03 · US\$\s3,20 terugbetaald · The prompt/,
    );
  });
});
