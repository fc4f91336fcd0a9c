import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeJob, setupRendererTests } from '../../testSupport/fakeBackend';
import { row, setup } from '../../testSupport/queueKit';

setupRendererTests();

/** A lost create the engine could not pin, and paid tasks no job owns: the user decides. */
describe('Queue: lost jobs and unclaimed tasks', () => {
  it('asks which task is a lost job’s when the server cannot tell, and confirms before sending it again', async () => {
    const candidate = {
      model: 'wan-2.6',
      status: 'running',
      createdAt: Date.now(),
      costCents: 200,
      durationSeconds: 5,
    };
    const check = {
      state: 'ambiguous' as const,
      message: "2 tasks on the server could be this job's.",
      candidates: [
        { ...candidate, taskId: 'vid_a' },
        { ...candidate, taskId: 'vid_b' },
      ],
    };
    const lost = [
      makeJob('l1', { status: 'submitting', check }, { prompt: 'Lost one' }),
      makeJob('l2', { status: 'submitting', check }, { prompt: 'Lost two' }),
    ];
    const { fake, user } = setup({}, lost);
    const first = within(await row('Lost one')).getByRole('group', {
      name: 'Was this job created?',
    });
    expect(within(first).getByText("2 tasks on the server could be this job's.")).toBeTruthy();
    await user.click(within(first).getByRole('button', { name: "Task vid_b is this job's" }));
    expect(fake.callsOf('jobs.resolve')).toEqual([{ id: 'l1', taskId: 'vid_b' }]);

    const second = within(await row('Lost two')).getByRole('group', {
      name: 'Was this job created?',
    });
    await user.click(within(second).getByRole('button', { name: 'None of these: send again…' }));
    expect(within(second).getByText(/sending it again pays a second time/)).toBeTruthy();
    expect(fake.callsOf('jobs.resolve')).toHaveLength(1);
    await user.click(within(second).getByRole('button', { name: 'Send again' }));
    expect(fake.callsOf('jobs.resolve')).toEqual([
      { id: 'l1', taskId: 'vid_b' },
      { id: 'l2', taskId: null },
    ]);
  });

  it('shows paid tasks no job owns, imports them and dismisses them, saying when an import fails', async () => {
    const unclaimed = [
      {
        taskId: 'vid_orphan',
        model: 'wan-2.6',
        status: 'completed',
        createdAt: Date.now(),
        costCents: 320,
        durationSeconds: 8,
      },
    ];
    const { fake, user } = setup({ unclaimed });
    const banner = await screen.findByRole('region', { name: 'Unclaimed paid tasks' });
    expect(within(banner).getByText(/A paid task on the server belongs to no job/)).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Import to library' }));
    expect(fake.callsOf('library.import')).toEqual([{ taskId: 'vid_orphan' }]);
    expect(
      await within(banner).findByText(/Not imported: .*No clip for vid_orphan yet/),
    ).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(fake.callsOf('jobs.dismissUnclaimed')).toEqual([{ taskId: 'vid_orphan' }]);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Unclaimed paid tasks' })).toBeNull(),
    );
  });
});
