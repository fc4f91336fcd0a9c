import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../test/support/coreHarness';
import { isBeingSaved, type Job } from '../../shared/jobs';

let h: CoreHarness;
/** Done on the server: what is left (the download) needs no virtual time. */
const onServerNoMore = (jobs: readonly Job[]) =>
  jobs.length > 0 && jobs.every((j) => isBeingSaved(j.status) || j.status === 'saved');
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

const request = (prompt: string) => ({
  model: 'wan-2.6',
  prompt,
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
});

describe('the assembled core (demo mode, on virtual time)', () => {
  it('takes a prompt to a saved, playable clip in the library, and tells the user once', async () => {
    const core = await h.start({ overrides: { demo: true } });
    core.start();
    const { jobs } = await core.client.invoke('jobs.submit', {
      request: { ...request('a paper plane over a lake'), aspectRatio: '16:9' },
      copies: 1,
    });
    await h.advanceUntil(() => onServerNoMore(core.engine.jobs()), 'the task to complete');
    // Saving it takes no time, only I/O: the job says when it is done.
    await h.settled(() => core.engine.jobs()[0]?.status === 'saved');
    const job = core.engine.jobs()[0]!;
    expect(job).toMatchObject({ id: jobs[0]!.id, clipId: job.taskId, refunded: false });

    const found = await core.client.invoke('library.search', { text: 'paper plane' });
    expect(found.clips.map((c) => c.id)).toEqual([job.taskId]);

    const video = await core.media(
      new Request(`http://host/media/${job.clipId}/video`, { headers: { range: 'bytes=0-99' } }),
    );
    expect(video.status).toBe(206);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBe(100);

    await h.advanceUntil(() => h.notifications.length > 0, 'the notification');
    await h.advance(60_000);
    expect(h.notifications).toEqual([
      expect.objectContaining({ kind: 'ready', title: 'Clip ready', clipId: job.clipId }),
    ]);
  });

  it('resumes jobs that were running when the app stopped, without submitting them again', async () => {
    const first = await h.start({ overrides: { demo: true } });
    first.start();
    await first.client.invoke('jobs.submit', { request: request('restart me'), copies: 2 });
    await h.advanceUntil(
      () => first.engine.jobs().every((j) => j.status === 'running'),
      'both jobs running',
    );
    await h.stop(first);
    // Same data folder, same simulator: the new core follows the same tasks.
    const restarted = await h.start({ overrides: { demo: true } });
    restarted.start();
    await h.advanceUntil(
      () => onServerNoMore(restarted.engine.jobs()),
      'both tasks to complete after the restart',
    );
    await h.settled(() => restarted.engine.jobs().every((j) => j.status === 'saved'));
    expect(h.simulator()?.tasks()).toHaveLength(2);
  });

  it('moves the library to a folder picked in the system dialog, and remembers it', async () => {
    const elsewhere = join(h.dataDir, 'elsewhere');
    const picks: (string | null)[] = [null, elsewhere];
    const core = await h.start({ chooseFolder: () => Promise.resolve(picks.shift() ?? null) });
    await expect(core.client.invoke('library.chooseFolder', {})).resolves.toEqual({ info: null });
    const { info } = await core.client.invoke('library.chooseFolder', {});
    expect(info?.folder).toBe(elsewhere);
    expect(core.settings.get().libraryFolder).toBe(elsewhere);
  });

  it('says where no folder picker exists, rather than failing silently', async () => {
    const core = await h.start();
    await expect(core.client.invoke('library.chooseFolder', {})).rejects.toThrow(
      /type the folder’s full path/,
    );
  });

  it('pauses the queue when demo mode is switched off with jobs waiting, so none is charged unasked', async () => {
    const core = await h.start({ overrides: { demo: true } });
    core.start();
    await core.client.invoke('settings.update', { concurrency: 1 });
    await core.client.invoke('jobs.submit', { request: request('made in the demo'), copies: 2 });
    await h.advanceUntil(
      () => core.engine.jobs()[0]?.taskId !== null,
      'the first job to be submitted',
    );
    await core.client.invoke('settings.update', { demo: false });
    const { jobs, state } = await core.client.invoke('jobs.list', {});
    expect(state.paused).toBe(true);
    expect(jobs[1]?.status).toBe('queued');
  });
});
