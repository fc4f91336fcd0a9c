import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from './Shell';
import { sideBySideQuery } from './useMediaQuery';

setupRendererTests();

/** A window `width` px wide, as matchMedia sees it; `resize` changes it and tells listeners. */
function mockWindow(width: number) {
  const listeners = new Set<() => void>();
  const matches = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query)?.[1];
    return min !== undefined && width >= Number(min);
  };
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return matches(query);
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }));
  return {
    resize(to: number) {
      width = to;
      act(() => listeners.forEach((listener) => listener()));
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

const jobs = () =>
  connectBackend(
    createFakeBackend({
      'jobs.list': () => ({
        jobs: [makeJob('q1', {}, { prompt: 'A kite over the dunes' })],
        state: {
          paused: false,
          offline: false,
          blockedBy: null,
          message: null,
          retryAt: null,
          downloadsPaused: null,
          active: 0,
          concurrency: 4,
          unclaimed: [],
        },
      }),
    }),
  );

describe('Compose and the live queue', () => {
  it('stand side by side on a wide window, and Compose is alone when it narrows', async () => {
    expect(sideBySideQuery).toBe('(min-width: 1200px)');
    const window = mockWindow(1280);
    jobs();
    render(<Shell />);
    expect(await screen.findByRole('region', { name: 'Compose a video' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Live queue' })).toBeTruthy();
    expect(await screen.findByText('A kite over the dunes')).toBeTruthy();
    // Beside Compose the queue does not send the user to Compose.
    expect(screen.queryByRole('button', { name: 'Go to Compose' })).toBeNull();

    window.resize(1000);
    expect(screen.getByRole('region', { name: 'Compose a video' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Live queue' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Queue of jobs' })).toBeNull();

    window.resize(1200);
    expect(screen.getByRole('region', { name: 'Queue of jobs' })).toBeTruthy();
  });

  it('keeps the Queue section, with the queue alone, on a wide window', async () => {
    mockWindow(1600);
    jobs();
    render(<Shell />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Queue' }));
    expect(await screen.findByText('A kite over the dunes')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Compose a video' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Live queue' })).toBeNull();
  });

  it('is Compose alone where the window cannot say its width (no matchMedia)', () => {
    vi.stubGlobal('matchMedia', undefined);
    jobs();
    render(<Shell />);
    expect(screen.getByRole('region', { name: 'Compose a video' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Queue of jobs' })).toBeNull();
  });
});
