import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeBatch,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { useNavStore } from '../nav';
import { Shell } from '../shell';
import { Toasts } from './Toasts';
import { useToastsStore } from './toastsStore';

setupRendererTests();

const drained = {
  kind: 'drained' as const,
  title: 'Batch “Overnight” done',
  body: '2 clips ready, 1 failed and refunded, $6.40',
  jobId: 'j2',
  batchId: 'b1',
};

function setupShell() {
  const fake = createFakeBackend({
    'jobs.list': () => ({
      jobs: [
        makeJob('j2', {
          status: 'saved',
          clipId: 'vid_2',
          taskId: 'vid_2',
          batch: { id: 'b1', name: 'Overnight', index: 3, size: 3 },
        }),
      ],
      state: engineIdle,
    }),
    'batches.list': () => ({
      batches: [
        makeBatch(
          'b1',
          { name: 'Overnight', size: 3, spentCents: 640, doneAt: 9_000 },
          { waiting: 0, saved: 2, failed: 1 },
        ),
      ],
    }),
  });
  connectBackend(fake);
  render(<Shell />);
  return fake;
}

const batchEntry = () =>
  within(screen.getByRole('region', { name: 'Batches' })).getByRole('listitem', {
    name: 'Overnight',
  });

describe('a drained batch’s notification', () => {
  it('is a toast with the counts and spend; Show takes the user to the batch in the Queue', async () => {
    const fake = setupShell();
    const user = userEvent.setup();
    await screen.findByLabelText('App version');
    fake.emit('notification.shown', drained);
    const region = screen.getByRole('region', { name: 'Notices (F8)' });
    expect(within(region).getByText('Batch “Overnight” done')).toBeTruthy();
    expect(within(region).getByText('2 clips ready, 1 failed and refunded, $6.40')).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Show' }));
    expect(useNavStore.getState().section).toBe('Queue');
    expect(await screen.findByText('2/3 saved')).toBeTruthy();
    expect(document.activeElement).toBe(batchEntry());
    expect(within(region).queryByText('Batch “Overnight” done')).toBeNull();
  });

  it('clicked as an OS notification, opens the Queue at the batch, from the History tab too', async () => {
    const fake = setupShell();
    const user = userEvent.setup();
    await screen.findByLabelText('App version');
    act(() => useNavStore.getState().go('Queue'));
    await user.click(await screen.findByRole('tab', { name: 'History' }));
    fake.emit('notification.clicked', drained);
    expect(await screen.findByText('2/3 saved')).toBeTruthy();
    expect(document.activeElement).toBe(batchEntry());
  });

  it('stays 12 s, as news that does not interrupt', () => {
    vi.useFakeTimers();
    useToastsStore.setState({ toasts: [{ ...drained, key: 1 }] });
    render(<Toasts />);
    // Read out politely (after what the reader is saying), as news of a clip is.
    expect(document.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull();
    expect(document.querySelector('[aria-live="assertive"]')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(11_900);
    });
    expect(screen.queryByText('Batch “Overnight” done')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByText('Batch “Overnight” done')).toBeNull();
  });
});
