import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EngineState, Job } from '../../../../shared/jobs';
import {
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
  connectBackend,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

function setup(list: Job[], state: Partial<EngineState> = {}) {
  const fake = createFakeBackend({
    'jobs.list': () => ({ jobs: list, state: { ...engineIdle, ...state } }),
    'jobs.pause': () => ({ ...engineIdle, paused: true }),
    'jobs.resume': () => ({ ...engineIdle }),
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

const row = async (prompt: string) =>
  (await screen.findByText(prompt)).closest('li') as HTMLElement;

describe('the queue says only what is true', () => {
  it('a job cancelled before it reached the server is not charged, not “est. $2.00”', async () => {
    setup([
      makeJob('c1', { status: 'cancelled', costCents: 200 }, { prompt: 'Never sent' }),
      makeJob(
        'c2',
        { status: 'cancelled', costCents: 200, taskId: 'vid_9', submittedAt: 2_000 },
        { prompt: 'Sent, then cancelled' },
      ),
      makeJob('q1', { status: 'queued', costCents: 200 }, { prompt: 'Still to send' }),
    ]);
    const never = await row('Never sent');
    expect(within(never).getByText('not charged')).toBeTruthy();
    expect(within(never).queryByText(/\$2\.00/)).toBeNull();
    expect(within(await row('Sent, then cancelled')).getByText('$2.00')).toBeTruthy();
    expect(within(await row('Still to send')).getByText('est. $2.00')).toBeTruthy();
  });

  it('offers one Resume queue while paused, where Pause queue was', async () => {
    const { fake, user } = setup([makeJob('q1')]);
    const pause = await screen.findByRole('button', { name: 'Pause queue' });
    await user.click(pause);
    expect(await screen.findByText(/The queue is paused/)).toBeTruthy();
    const resume = screen.getAllByRole('button', { name: 'Resume queue' });
    expect(resume).toHaveLength(1);
    expect(document.activeElement).toBe(resume[0]);
    await user.click(resume[0]!);
    expect(fake.callsOf('jobs.resume')).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Pause queue' })).toBeTruthy();
  });
});
