import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  makeJob,
  setupRendererTests,
  connectBackend,
  engineIdle,
} from '../../testSupport/fakeBackend';
import { useNavStore } from '../nav';
import { Shell } from '../shell';

setupRendererTests();

describe('notifications', () => {
  it('shows what the host notified, and Show takes the user to the job', async () => {
    const fake = createFakeBackend({
      'jobs.list': () => ({
        jobs: [
          makeJob(
            'j1',
            { status: 'failed', error: { kind: 'failed', message: 'Server trouble' } },
            { prompt: 'A stormy sea' },
          ),
        ],
        state: engineIdle,
      }),
    });
    connectBackend(fake);
    const user = userEvent.setup();
    render(<Shell />);
    await screen.findByLabelText('App version');
    fake.emit('notification.shown', {
      kind: 'failed',
      title: 'A job failed',
      body: 'A stormy sea: Server trouble (refunded)',
      jobId: 'j1',
    });
    const region = screen.getByRole('status', { name: 'Notices' });
    expect(within(region).getByText('A job failed')).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Show' }));
    expect(useNavStore.getState().section).toBe('Queue');
    expect(within(region).queryByText('A job failed')).toBeNull();
    expect(document.activeElement?.textContent).toContain('A stormy sea');
  });

  it('a clicked OS notification takes the user straight to its job, without a toast', async () => {
    const fake = createFakeBackend({
      'jobs.list': () => ({
        jobs: [
          makeJob(
            'j2',
            { status: 'failed', error: { kind: 'failed', message: 'Server trouble' } },
            { prompt: 'A quiet harbour' },
          ),
        ],
        state: engineIdle,
      }),
    });
    connectBackend(fake);
    render(<Shell />);
    await screen.findByLabelText('App version');
    expect(useNavStore.getState().section).toBe('Compose');
    fake.emit('notification.clicked', {
      kind: 'failed',
      title: 'Clip failed',
      body: 'A quiet harbour',
      jobId: 'j2',
    });
    await screen.findByRole('heading', { name: 'Queue', level: 2 });
    expect(useNavStore.getState().section).toBe('Queue');
    expect(
      within(screen.getByRole('status', { name: 'Notices' })).queryByText('Clip failed'),
    ).toBeNull();
  });
});
