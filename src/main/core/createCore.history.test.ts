import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../test/support/coreHarness';

let h: CoreHarness;
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

const request = (prompt: string) => ({
  model: 'wan-2.6',
  prompt,
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
});

describe('the history of the assembled core (demo mode)', () => {
  it('clears a saved job from the queue, keeps its clip and its booking, and still has it after a restart', async () => {
    const core = await h.start({ overrides: { demo: true } });
    core.start();
    await core.client.invoke('jobs.submit', { request: request('a kite over dunes'), copies: 1 });
    await h.advanceUntil(
      () => ['completed', 'downloading', 'saved'].includes(core.engine.jobs()[0]?.status ?? ''),
      'the task to complete',
    );
    await h.settled(() => core.engine.jobs()[0]?.status === 'saved');
    const saved = core.engine.jobs()[0]!;
    const booked = core.engine.ledger.totals(h.clock.now());

    expect(await core.client.invoke('jobs.clearFinished', {})).toEqual({ cleared: 1 });
    expect((await core.client.invoke('jobs.list', {})).jobs).toEqual([]);
    expect(core.engine.ledger.totals(h.clock.now())).toEqual(booked);
    const found = await core.client.invoke('library.search', { text: 'kite' });
    expect(found.clips.map((c) => c.id)).toEqual([saved.clipId]);
    const video = await core.media(new Request(`http://host/media/${saved.clipId}/video`));
    expect(video.status).toBe(200);

    await h.stop(core);
    const restarted = await h.start({ overrides: { demo: true } });
    restarted.start();
    expect((await restarted.client.invoke('jobs.list', {})).jobs).toEqual([]);
    const history = await restarted.client.invoke('jobs.history', {
      query: 'kite',
      offset: 0,
      limit: 10,
    });
    expect(history).toEqual({ jobs: [saved], total: 1 });
    expect(restarted.engine.state().unclaimed).toEqual([]);
  });
});
