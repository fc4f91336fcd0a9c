import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../shared/jobs';
import { defaultSettings } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
  type FakeBackend,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { i18n } from '../../i18n';
import { Queue } from './Queue';

setupRendererTests();

/** 10,000 jobs: 4 under way, 5,000 waiting, the rest ended, mixed in the engine's order. */
function bigQueue(): Job[] {
  return Array.from({ length: 10_000 }, (_, i) => {
    const status =
      i % 2 === 1 && i < 40 && i % 10 === 1 ? 'running' : i % 2 === 0 ? 'queued' : 'saved';
    return makeJob(`j${i}`, { status, updatedAt: 1 }, { prompt: `Job number ${i}` });
  });
}

function setup(
  list: Job[],
  language: 'system' | 'nl' = 'system',
): { fake: FakeBackend; user: ReturnType<typeof userEvent.setup> } {
  const fake = createFakeBackend({
    'settings.get': () => ({
      settings: { ...defaultSettings, language },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
    'jobs.list': () => ({ jobs: list, state: { ...engineIdle } }),
    'jobs.move': () => ({ moved: true }),
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
  return { fake, user: userEvent.setup() };
}

const jobList = () => screen.getByRole('list', { name: 'Jobs' });
const rows = () => within(jobList()).queryAllByRole('listitem');

describe('the queue with 10,000 jobs', () => {
  it('shows sections with their counts and keeps at most 100 rows in the DOM', async () => {
    setup(bigQueue());
    expect(await screen.findByText('Under way · 4 jobs')).toBeTruthy();
    expect(screen.getByText('Waiting · 5,000 jobs')).toBeTruthy();
    const shown = rows();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(shown[0]?.getAttribute('aria-posinset')).toBe('1');
    // Under way first, then waiting in the engine's order.
    expect(within(shown[0]!).getByText('Job number 1')).toBeTruthy();
    expect(within(shown[4]!).getByText('Job number 0')).toBeTruthy();
    expect(screen.getByText(/^10000 of 10000 jobs/)).toBeTruthy();
  });

  it('keeps the focused row rendered when the list scrolls far away from it', async () => {
    setup(bigQueue());
    await screen.findByText('Job number 0');
    const first = screen.getByText('Job number 0').closest('li')!;
    first.focus();
    const scroller = jobList().parentElement!;
    act(() => {
      scroller.scrollTop = 300_000;
      fireEvent.scroll(scroller);
    });
    expect(screen.queryByText('Job number 2')).toBeNull();
    expect(document.activeElement).toBe(first);
    expect(first.isConnected).toBe(true);
    expect(rows().length).toBeLessThanOrEqual(100);
  });

  it('keeps the focus on a job moved down, and a change updates its row', async () => {
    const list = bigQueue();
    const { fake, user } = setup(list);
    const row = (await screen.findByText('Job number 2')).closest('li')!;
    row.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(fake.callsOf('jobs.move')).toEqual([{ id: 'j2', to: 'down' }]);
    const order = list.map((j) => j.id);
    order.splice(2, 1);
    order.splice(4, 0, 'j2'); // after j4, the next waiting job
    act(() => fake.emit('jobs.changed', { upserted: [], removed: [], order }));
    const moved = screen.getByText('Job number 2').closest('li')!;
    expect(document.activeElement).toBe(moved);
    const waiting = rows().filter((r) => r.classList.contains('status-queued'));
    expect(waiting.map((r) => r.dataset['jobId']).slice(0, 3)).toEqual(['j0', 'j4', 'j2']);

    act(() =>
      fake.emit('jobs.changed', {
        upserted: [{ ...list[2]!, status: 'submitting', updatedAt: 5 }],
        removed: [],
        order: null,
      }),
    );
    expect(screen.getByText('Under way · 5 jobs')).toBeTruthy();
    expect(screen.getByText('Waiting · 4,999 jobs')).toBeTruthy();
  });

  it('lets Tab reach a row and its buttons, and the arrow keys bring far rows into view', async () => {
    const { user } = setup(bigQueue());
    const first = (await screen.findByText('Job number 1')).closest('li')!;
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    const waiting = screen.getByText('Job number 0').closest('li')!;
    expect(document.activeElement).toBe(waiting);
    await user.tab();
    expect(document.activeElement).toBe(within(waiting).getByRole('button', { name: 'Edit' }));
  });

  it('names the sections in Dutch', async () => {
    try {
      setup(bigQueue(), 'nl');
      expect(await screen.findByText('Bezig · 4 taken')).toBeTruthy();
      expect(screen.getByText('Wachtend · 5.000 taken')).toBeTruthy();
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
