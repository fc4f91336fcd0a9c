import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostCore, type HostCore } from '../../host/hostCore';
import { simulatorDemo } from '../../simulator/demoBackend';
import { createClient, createDispatcher, type Client } from '../../shared/contract';

let core: HostCore | undefined;
afterEach(async () => core?.stop());

/** The contract as a host serves it: parsed, validated, answered as results. */
function clientOf(host: HostCore): Client {
  return createClient({
    invoke: createDispatcher(host.handlers),
    on: (name, listener) => host.events.subscribe((n, p) => n === name && listener(p)),
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the assembled core (demo mode, real clock, simulator at 20× speed)', () => {
  it('takes a prompt to a saved, playable clip in the library, and tells the user once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-core-'));
    core = await createHostCore({ dataDir, demo: true, demoBackend: simulatorDemo({ speed: 20 }) });
    core.start();
    const api = clientOf(core);
    const { jobs } = await api.invoke('jobs.submit', {
      request: {
        model: 'wan-2.6',
        prompt: 'a paper plane over a lake',
        mode: 'text',
        durationSeconds: 5,
        aspectRatio: '16:9',
        inputImages: [],
      },
      copies: 1,
    });
    await until(() => core!.engine.jobs()[0]?.status === 'saved', 'the clip to be saved');
    const job = core.engine.jobs()[0]!;
    expect(job).toMatchObject({ id: jobs[0]!.id, clipId: job.taskId, refunded: false });

    const found = await api.invoke('library.search', { text: 'paper plane' });
    expect(found.clips.map((c) => c.id)).toEqual([job.taskId]);

    const video = await core.media(
      new Request(`http://host/media/${job.clipId}/video`, { headers: { range: 'bytes=0-99' } }),
    );
    expect(video.status).toBe(206);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBe(100);

    await until(() => core!.notifications.length > 0, 'the notification');
    expect(core.notifications).toEqual([
      expect.objectContaining({ kind: 'ready', title: 'Clip ready', clipId: job.clipId }),
    ]);
  }, 30_000);

  it('resumes jobs that were running when the app stopped, without submitting them again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-core-'));
    const demo = simulatorDemo({ speed: 20 });
    core = await createHostCore({ dataDir, demo: true, demoBackend: demo });
    core.start();
    await clientOf(core).invoke('jobs.submit', {
      request: {
        model: 'wan-2.6',
        prompt: 'restart me',
        mode: 'text',
        durationSeconds: 5,
        inputImages: [],
      },
      copies: 2,
    });
    await until(
      () => core!.engine.jobs().every((j) => j.status === 'running'),
      'both jobs running',
    );
    await core.engine.stop();
    // Same data folder, same simulator: the new core follows the same tasks.
    const sim = demo.simulator()!;
    const sameSimulator = {
      start: () => Promise.resolve({ apiBase: sim.apiBase, apiKey: sim.apiKey }),
      stop: () => Promise.resolve(),
    };
    const restarted = await createHostCore({ dataDir, demo: true, demoBackend: sameSimulator });
    const first = core;
    core = restarted;
    await first.library.close();
    restarted.start();
    await until(
      () => restarted.engine.jobs().every((j) => j.status === 'saved'),
      'both clips saved after the restart',
    );
    expect(sim.tasks()).toHaveLength(2);
    await demo.stop();
  }, 30_000);

  it('moves the library to a folder picked in the system dialog, and remembers it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-core-'));
    const elsewhere = join(dataDir, 'elsewhere');
    const picks: (string | null)[] = [null, elsewhere];
    core = await createHostCore({
      dataDir,
      chooseFolder: () => Promise.resolve(picks.shift() ?? null),
    });
    const api = clientOf(core);
    await expect(api.invoke('library.chooseFolder', {})).resolves.toEqual({ info: null });
    const { info } = await api.invoke('library.chooseFolder', {});
    expect(info?.folder).toBe(elsewhere);
    expect(core.settings.get().libraryFolder).toBe(elsewhere);
  });

  it('says where no folder picker exists, rather than failing silently', async () => {
    core = await createHostCore({ dataDir: mkdtempSync(join(tmpdir(), 'airframe-core-')) });
    await expect(clientOf(core).invoke('library.chooseFolder', {})).rejects.toThrow(
      /type the folder’s full path/,
    );
  });

  it('pauses the queue when demo mode is switched off with jobs waiting, so none is charged unasked', async () => {
    const demo = simulatorDemo({ speed: 20 });
    core = await createHostCore({
      dataDir: mkdtempSync(join(tmpdir(), 'airframe-core-')),
      demo: true,
      demoBackend: demo,
    });
    core.start();
    const api = clientOf(core);
    await api.invoke('settings.update', { concurrency: 1 });
    await api.invoke('jobs.submit', {
      request: {
        model: 'wan-2.6',
        prompt: 'made in the demo',
        mode: 'text',
        durationSeconds: 5,
        inputImages: [],
      },
      copies: 2,
    });
    await until(() => core!.engine.jobs()[0]?.taskId !== null, 'the first job to be submitted');
    await api.invoke('settings.update', { demo: false });
    const { jobs, state } = await api.invoke('jobs.list', {});
    expect(state.paused).toBe(true);
    expect(jobs[1]?.status).toBe('queued');
    await demo.stop();
  }, 30_000);
});
