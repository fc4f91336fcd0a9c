import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  makeJob,
  setupRendererTests,
  connectBackend,
  engineIdle,
} from '../../testSupport/fakeBackend';
import { useNavStore } from '../nav';
import { Shell } from '../shell';
import { Toasts } from './Toasts';
import { useToastsStore, type Toast } from './toastsStore';

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
    const region = screen.getByRole('region', { name: 'Notices (F8)' });
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
      within(screen.getByRole('region', { name: 'Notices (F8)' })).queryByText('Clip failed'),
    ).toBeNull();
  });
});

describe('toasts', () => {
  const ready: Toast = { key: 1, kind: 'ready', title: 'Clip ready', body: 'A fox', jobId: 'j1' };
  const failed: Toast = { key: 2, kind: 'failed', title: 'A job failed', body: 'Sea', jobId: 'j2' };
  const shown = (title: string) =>
    within(screen.getByRole('region', { name: 'Notices (F8)' })).queryByText(title) !== null;
  const wait = (ms: number) =>
    act(() => {
      vi.advanceTimersByTime(ms);
    });

  function setup(toasts: Toast[]) {
    vi.useFakeTimers();
    useToastsStore.setState({ toasts });
    render(<Toasts />);
  }

  it('news of a clip goes after 6 s, a failure after 12 s', () => {
    setup([ready, failed]);
    wait(5_900);
    expect([shown('Clip ready'), shown('A job failed')]).toEqual([true, true]);
    wait(200);
    expect([shown('Clip ready'), shown('A job failed')]).toEqual([false, true]);
    wait(6_000);
    expect(shown('A job failed')).toBe(false);
  });

  it('waits while the pointer is on it, then takes the time it had left', () => {
    setup([ready]);
    wait(4_000);
    fireEvent.pointerMove(screen.getByText('Clip ready'));
    wait(30_000);
    expect(shown('Clip ready')).toBe(true);
    fireEvent.pointerLeave(screen.getByRole('region', { name: 'Notices (F8)' }));
    wait(1_900);
    expect(shown('Clip ready')).toBe(true);
    wait(200);
    expect(shown('Clip ready')).toBe(false);
  });

  it('waits while the keyboard is on it, then takes the time it had left', () => {
    setup([failed]);
    act(() => screen.getByRole('button', { name: 'Show' }).focus());
    wait(60_000);
    act(() => screen.getByRole('button', { name: 'Dismiss' }).focus());
    wait(60_000);
    expect(shown('A job failed')).toBe(true);
    act(() => screen.getByRole('button', { name: 'Dismiss' }).blur());
    wait(11_900);
    expect(shown('A job failed')).toBe(true);
    wait(200);
    expect(shown('A job failed')).toBe(false);
  });

  it('Dismiss removes it at once', () => {
    setup([ready, failed]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[1]!);
    expect([shown('Clip ready'), shown('A job failed')]).toEqual([true, false]);
  });

  it('F8 takes the keyboard to the strip, and Escape there dismisses the toast it is on', () => {
    setup([ready, failed]);
    const strip = screen.getByRole('region', { name: 'Notices (F8)' });
    fireEvent.keyDown(document, { key: 'F8', code: 'F8' });
    expect(strip.contains(document.activeElement)).toBe(true);
    const failedToast = screen.getByText('A job failed').closest('li')!;
    act(() => failedToast.focus());
    fireEvent.keyDown(failedToast, { key: 'Escape' });
    expect([shown('Clip ready'), shown('A job failed')]).toEqual([true, false]);
  });
});
