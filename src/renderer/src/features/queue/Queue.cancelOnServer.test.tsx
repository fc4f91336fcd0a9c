import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../shared/jobs';
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

const running = makeJob(
  'r1',
  { status: 'running', progress: 40, taskId: 'vid_1', costCents: 320, startedAt: Date.now() },
  { prompt: 'Running one' },
);
const onServer = makeJob(
  'rq1',
  { status: 'remote-queued', taskId: 'vid_2', costCents: 1_250 },
  { prompt: 'A sunrise over the sea' },
);

function setup(cancel: (request: { id: string }) => Job) {
  const fake = createFakeBackend({
    'jobs.list': () => ({ jobs: [running, onServer], state: { ...engineIdle, active: 2 } }),
    'jobs.cancel': cancel,
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

const row = async (prompt: string) =>
  (await screen.findByText(prompt)).closest('li') as HTMLElement;

const cancelled = ({ id }: { id: string }): Job => ({
  ...[running, onServer].find((j) => j.id === id)!,
  status: 'cancelled',
  progress: null,
  updatedAt: 9_999,
});

describe('cancelling a job on the server', () => {
  it('asks first, saying the task is deleted and its cost stays spent; keeping it sends nothing', async () => {
    const { fake, user } = setup(cancelled);
    await user.click(
      within(await row('A sunrise over the sea')).getByRole('button', { name: 'Cancel…' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Cancel and delete on api.airforce?',
    });
    expect(dialog.textContent).toContain(
      'The task is deleted with its video. The provider does not refund a deleted task: its cost ($12.50) stays spent.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep it running' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsOf('jobs.cancel')).toEqual([]);
  });

  it('sends the cancel with deleteOnServer once confirmed, and the row shows it cancelled', async () => {
    const { fake, user } = setup(cancelled);
    const job = await row('Running one');
    await user.click(within(job).getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('its cost ($3.20) stays spent');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel and delete' }));
    expect(fake.callsOf('jobs.cancel')).toEqual([{ id: 'r1', deleteOnServer: true }]);
    await waitFor(() => expect(within(job).getByText('Cancelled')).toBeTruthy());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(job).getByText('$3.20')).toBeTruthy();
  });

  it('keeps the dialog open with main’s reason when the server did not delete the task', async () => {
    const { user } = setup(() => {
      throw Object.assign(
        new Error('The task was not deleted on the server, so the job keeps running: 503'),
        { code: 'unavailable' },
      );
    });
    const job = await row('Running one');
    await user.click(within(job).getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel and delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /not deleted on the server, so the job keeps running/,
    );
    expect(within(job).getByText('Generating')).toBeTruthy();
  });
});
