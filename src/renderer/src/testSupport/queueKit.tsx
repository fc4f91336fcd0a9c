import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EngineState, Job } from '../../../shared/jobs';
import { createFakeBackend, engineIdle, makeJob, connectBackend } from './fakeBackend';
import { renderWithStores } from './renderWithStores';
import { Queue } from '../features/queue/Queue';

/** The queue's component tests' jobs and fake main: a waiting, a running, a failed and a saved job. */
export const jobs: Job[] = [
  makeJob('q1', { status: 'queued' }, { prompt: 'First waiting' }),
  makeJob('q2', { status: 'queued' }, { prompt: 'Second waiting', seed: 7 }),
  makeJob(
    'r1',
    { status: 'running', progress: 35, taskId: 'vid_1', startedAt: Date.now() - 5_000 },
    { prompt: 'Running one' },
  ),
  makeJob(
    'f1',
    {
      status: 'failed',
      taskId: 'vid_2',
      refunded: true,
      error: { kind: 'content_policy', message: 'The prompt was refused by the content filter.' },
    },
    { prompt: 'Failed one' },
  ),
  makeJob('s1', { status: 'saved', clipId: 'vid_3', taskId: 'vid_3' }, { prompt: 'Saved one' }),
];

export function setup(state: Partial<EngineState> = {}, list: Job[] = jobs) {
  const fake = createFakeBackend({
    'jobs.list': () => ({ jobs: list, state: { ...engineIdle, ...state } }),
    'jobs.cancel': ({ id }) => ({
      ...list.find((j) => j.id === id)!,
      status: 'cancelled',
      updatedAt: 9_999,
    }),
    'jobs.move': () => ({ moved: true }),
    'jobs.retry': ({ id }) => makeJob(`${id}-retry`, { retryOf: id }),
    'jobs.remove': () => ({ removed: true }),
    'jobs.release': () => ({ ...engineIdle }),
    'jobs.pause': () => ({ ...engineIdle, paused: true }),
    'jobs.resume': () => ({ ...engineIdle }),
    'jobs.resolve': ({ id, taskId }) => ({
      ...list.find((j) => j.id === id)!,
      check: null,
      status: taskId ? 'remote-queued' : 'queued',
      taskId,
    }),
    'jobs.dismissUnclaimed': () => ({ ...engineIdle }),
    'library.import': ({ taskId }) => {
      throw Object.assign(new Error(`No clip for ${taskId} yet`), { code: 'unavailable' });
    },
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

export const row = async (prompt: string) =>
  (await screen.findByText(prompt)).closest('li') as HTMLElement;
