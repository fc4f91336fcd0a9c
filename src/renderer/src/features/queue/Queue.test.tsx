import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useComposeStore } from '../compose';
import { useNavStore } from '../nav';
import { engineIdle, makeJob, setupRendererTests } from '../../testSupport/fakeBackend';
import { jobs, row, setup } from '../../testSupport/queueKit';

setupRendererTests();

describe('Queue', () => {
  it('shows each job with its state, progress, cost and error in words', async () => {
    const { fake } = setup();
    const running = await row('Running one');
    expect(within(running).getByText('Generating')).toBeTruthy();
    expect(within(running).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('35');
    expect(within(running).getByText(/Generating 35% · 0:0\d elapsed/)).toBeTruthy();
    const failed = await row('Failed one');
    expect(
      within(failed).getByText(
        'The prompt was refused by the content filter. The cost was refunded.',
      ),
    ).toBeTruthy();
    expect(within(failed).getByText('refunded')).toBeTruthy();
    expect(
      within(await row('Second waiting')).getByText(
        'wan-2.6 · 8 s · 16:9 · 720p · text mode · seed 7',
      ),
    ).toBeTruthy();
    expect(within(await row('First waiting')).getByText('est. $3.20')).toBeTruthy();

    fake.emit('jobs.changed', {
      upserted: [{ ...jobs[2]!, status: 'downloading', progress: 60, updatedAt: 5_000 }],
      removed: [],
      order: null,
    });
    const bar = within(await row('Running one')).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('60');
    expect(bar.getAttribute('aria-valuetext')).toBe('Downloading 60%');
  });

  it('offers the actions that make sense and sends them', async () => {
    const { fake, user } = setup();
    const waiting = await row('Second waiting');
    expect(
      within(waiting)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Edit', 'Move to top', 'Move up', 'Move down', 'Cancel']);
    expect(within(await row('Running one')).getByRole('button').textContent).toBe('Cancel…');
    expect(
      within(await row('Saved one'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Show in library', 'Remove']);

    await user.click(within(waiting).getByRole('button', { name: 'Move up' }));
    await user.click(within(waiting).getByRole('button', { name: 'Cancel' }));
    await user.click(within(await row('Failed one')).getByRole('button', { name: 'Retry' }));
    expect(fake.callsOf('jobs.move')).toEqual([{ id: 'q2', to: 'up' }]);
    expect(fake.callsOf('jobs.cancel')).toEqual([{ id: 'q2' }]);
    expect(fake.callsOf('jobs.retry')).toEqual([{ id: 'f1' }]);
    await waitFor(() => expect(within(waiting).getByText('Cancelled')).toBeTruthy());
    expect(await screen.findByText('Prompt of f1-retry')).toBeTruthy();
  });

  it('reorders with the keyboard', async () => {
    const { fake, user } = setup();
    const waiting = await row('Second waiting');
    waiting.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await user.keyboard('{Alt>}{Home}{/Alt}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(fake.callsOf('jobs.move')).toEqual([
      { id: 'q2', to: 'up' },
      { id: 'q2', to: 'top' },
      { id: 'q2', to: 'down' },
    ]);
    // The list shows what is under way, then what waits, then what ended: after the last
    // waiting job comes the first ended one.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(await row('Failed one'));
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(await row('Running one'));
  });

  it('removes only after confirmation', async () => {
    const { fake, user } = setup();
    const saved = await row('Saved one');
    await user.click(within(saved).getByRole('button', { name: 'Remove' }));
    expect(within(saved).getByText(/The clip stays in the library/)).toBeTruthy();
    await user.click(within(saved).getByRole('button', { name: 'Keep' }));
    expect(fake.callsOf('jobs.remove')).toEqual([]);
    await user.click(within(saved).getByRole('button', { name: 'Remove' }));
    await user.click(within(saved).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(screen.queryByText('Saved one')).toBeNull());
    expect(fake.callsOf('jobs.remove')).toEqual([{ id: 's1' }]);
  });

  it('edits a waiting job in Compose', async () => {
    const { user } = setup();
    await user.click(within(await row('Second waiting')).getByRole('button', { name: 'Edit' }));
    expect(useNavStore.getState().section).toBe('Compose');
    expect(useComposeStore.getState()).toMatchObject({
      editingJobId: 'q2',
      form: { prompt: 'Second waiting', seed: '7', durationSeconds: 8 },
    });
  });

  it('filters by state', async () => {
    const { user } = setup();
    await row('Failed one');
    await user.selectOptions(screen.getByLabelText('Filter by state'), 'Failed or expired');
    expect(
      within(screen.getByRole('list', { name: 'Jobs' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Filter by state'), 'Cancelled');
    expect(screen.getByText('No job is cancelled.')).toBeTruthy();
  });

  it('says why the queue is held and releases the held jobs', async () => {
    const held = [makeJob('h1', { status: 'held', holdReason: 'balance' }, { prompt: 'Held one' })];
    const { fake, user } = setup({ blockedBy: 'balance', message: 'Insufficient balance' }, held);
    const banner = (
      await screen.findByText(/Jobs are held: the balance is too low \(Insufficient balance\)/)
    ).closest('.banner') as HTMLElement;
    expect(within(await row('Held one')).getByText('Held: the balance is too low')).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Release held jobs (1)' }));
    expect(fake.callsOf('jobs.release')).toEqual([{ ids: ['h1'] }]);
  });

  it('says when the daily budget holds jobs, and when the API or the network makes the queue wait', async () => {
    const held = [
      makeJob('h1', { status: 'held', holdReason: 'budget' }, { prompt: 'Over budget' }),
    ];
    const { fake } = setup(
      {
        blockedBy: 'budget',
        offline: true,
        retryAt: Date.now() + 60_000,
        downloadsPaused: 'the disk is full',
      },
      held,
    );
    expect(
      await screen.findByText(
        /1 job is held: with today's spending \(\$0\.00\) it would pass the daily budget\. Run it anyway/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Raise the budget in Settings' })).toBeTruthy();
    expect(screen.getByText(/Offline: the API cannot be reached/)).toBeTruthy();
    expect(screen.getByText(/The API asked us to slow down; submissions resume at/)).toBeTruthy();
    expect(screen.getByText(/Downloads are paused: the disk is full/)).toBeTruthy();
    fake.emit('engine.changed', { ...engineIdle });
    await waitFor(() => expect(screen.queryByText(/Offline/)).toBeNull());
  });

  it('pauses and resumes the queue', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Pause queue' }));
    expect(await screen.findByText(/The queue is paused/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume queue' }));
    expect(fake.callsOf('jobs.pause')).toHaveLength(1);
    expect(fake.callsOf('jobs.resume')).toHaveLength(1);
  });

  it('tells a new user where jobs come from', async () => {
    setup({}, []);
    expect(await screen.findByText(/No jobs yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to Compose' })).toBeTruthy();
  });
});
