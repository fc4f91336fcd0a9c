import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../test/support/coreHarness';
import { createTask, fastTaskMs } from '../../../test/support/testSimulator';

let h: CoreHarness;
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

const B = 'sk-air-client-b-000000001234';

/** Issue 18: the library renews a clip's download link with the key its task was made with. */
describe('download links on a second key (assembled core, simulator over HTTP)', () => {
  it('renews the link of a job on key B with key B when the CDN refuses it, and saves the clip', async () => {
    const sim = await h.simulatorStarted();
    sim.addKey(B, 100_000);
    const core = await h.start({ overrides: { apiBase: sim.apiBase } });
    await core.client.invoke('settings.setApiKey', { apiKey: sim.apiKey });
    const { id } = await core.client.invoke('keys.add', { name: 'Client B', apiKey: B });
    core.start();
    // The signed link is refused (expired) when the download starts: a new one must be asked for.
    sim.faults.next('cdn', { kind: 'status', status: 403 });
    const request = {
      model: 'wan-2.6',
      prompt: 'a ferry at night',
      mode: 'text' as const,
      durationSeconds: 5,
      inputImages: [],
    };
    await core.client.invoke('jobs.submit', { request, keyId: id });
    const status = () => core.engine.jobs()[0]?.status ?? '';
    await h.advanceUntil(
      () => ['completed', 'downloading', 'saved', 'expired', 'failed'].includes(status()),
      'the task to complete',
    );
    // The download is I/O, not time.
    await h.settled(() => ['saved', 'expired', 'failed'].includes(status()));
    const job = core.engine.jobs()[0]!;
    expect(job).toMatchObject({ status: 'saved', keyId: id });

    const asked = sim.log.filter((e) => e.route === 'get' && e.path.includes(job.taskId!));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((e) => e.key === B && e.status === 200)).toBe(true);
    const cdn = sim.log.filter((e) => e.route === 'cdn' && e.path.includes(job.taskId!));
    expect(cdn.some((e) => e.status === 403)).toBe(true);
    // The renewal came after the refusal: a status call with key B follows the 403.
    const refused = sim.log.findIndex((e) => e.route === 'cdn' && e.status === 403);
    expect(sim.log.slice(refused).some((e) => e.route === 'get' && e.key === B)).toBe(true);
  });
});

describe('the server history of several keys (assembled core, simulator over HTTP)', () => {
  it("lists every key's tasks tagged with their key, one key's on request, and imports key B's task with key B", async () => {
    const sim = await h.simulatorStarted();
    sim.addKey(B, 100_000);
    const onA = await createTask(sim, { prompt: 'made with A' });
    const onB = await createTask(sim, { prompt: 'made with B' }, B);
    await h.advance(fastTaskMs);
    const core = await h.start({ overrides: { apiBase: sim.apiBase } });
    await core.client.invoke('settings.setApiKey', { apiKey: sim.apiKey });
    const { id } = await core.client.invoke('keys.add', { name: 'Client B', apiKey: B });

    const all = await core.client.invoke('library.listRemote', {});
    const tag = (taskId: unknown) => all.tasks.find((task) => task.taskId === taskId);
    expect(all.tasks).toHaveLength(2);
    expect(tag(onA)).toMatchObject({ keyId: 'default', keyName: 'Default' });
    expect(tag(onB)).toMatchObject({ keyId: id, keyName: 'Client B' });
    const onlyB = await core.client.invoke('library.listRemote', { keyId: id });
    expect(onlyB.tasks.map((task) => task.taskId)).toEqual([onB]);

    // Listed under key B, it is imported with key B (the first key does not know it).
    const clip = await core.client.invoke('library.import', { taskId: onB });
    expect(clip).toMatchObject({ taskId: onB });
    const asked = sim.log.filter((e) => e.route === 'get' && e.path.includes(onB));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((e) => e.key === B)).toBe(true);
  });

  it('imports a task never listed by trying each key until one knows it', async () => {
    const sim = await h.simulatorStarted();
    sim.addKey(B, 100_000);
    const onB = await createTask(sim, { prompt: 'never listed' }, B);
    await h.advance(fastTaskMs);
    const core = await h.start({ overrides: { apiBase: sim.apiBase } });
    await core.client.invoke('settings.setApiKey', { apiKey: sim.apiKey });
    await core.client.invoke('keys.add', { name: 'Client B', apiKey: B });

    const clip = await core.client.invoke('library.import', { taskId: onB });
    expect(clip).toMatchObject({ taskId: onB });
    const stray = await core.client
      .invoke('library.import', { taskId: 'no-such-task' })
      .catch((error: unknown) => error);
    expect(stray).toMatchObject({ code: 'not-found' });
  });

  it('deletes a clip of key B on the server with key B, and a task no key knows counts as gone', async () => {
    const sim = await h.simulatorStarted();
    sim.addKey(B, 100_000);
    const onB = await createTask(sim, { prompt: 'to delete' }, B);
    await h.advance(fastTaskMs);
    const core = await h.start({ overrides: { apiBase: sim.apiBase } });
    await core.client.invoke('settings.setApiKey', { apiKey: sim.apiKey });
    await core.client.invoke('keys.add', { name: 'Client B', apiKey: B });
    const clip = await core.client.invoke('library.import', { taskId: onB });

    const answer = await core.client.invoke('library.delete', { clipId: clip.id, remote: true });
    expect(answer).toEqual({ remoteDeleted: true });
    expect(sim.tasks().some((task) => task.id === onB)).toBe(false);
    const deletes = sim.log.filter((e) => e.route === 'delete');
    expect(deletes.at(-1)).toMatchObject({ key: B, status: 200 });

    // Gone from every key already: the clip's files still go, nothing is said to have been deleted there.
    const again = await createTask(sim, { prompt: 'purged' }, B);
    await h.advance(fastTaskMs);
    const second = await core.client.invoke('library.import', { taskId: again });
    // Deleted elsewhere (another app, the provider's site) with its own key.
    const gone = await fetch(`${sim.apiBase}/v1/video/tasks/${again}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${B}` },
    });
    expect(gone.ok).toBe(true);
    expect(await core.client.invoke('library.delete', { clipId: second.id, remote: true })).toEqual(
      { remoteDeleted: false },
    );
  });
});
