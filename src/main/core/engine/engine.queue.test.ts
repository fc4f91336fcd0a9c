import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { stringMatching } from '../../../../test/support/matchers';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const unfinishedOnServer = () =>
  h.sim.tasks().filter((t) => t.status === 'queued' || t.status === 'running').length;

describe('the job engine queue', () => {
  it('runs 10 jobs through 4 slots: never more than 4 unfinished on the server, all complete, order kept', async () => {
    const { engine, handlers } = h.startEngine();
    for (let i = 0; i < 10; i++)
      await handlers['jobs.submit']({ request: draft(`clip ${i}`), copies: 1 });
    let peak = 0;
    await h.advanceUntil(() => {
      peak = Math.max(peak, unfinishedOnServer());
      return engine.jobs().every((j) => j.status === 'completed');
    }, 'all ten jobs completing');
    expect(peak).toBe(4);
    const serverOrder = [...h.sim.tasks()].reverse().map((t) => t.prompt);
    expect(serverOrder).toEqual(Array.from({ length: 10 }, (_, i) => `clip ${i}`));
    expect(h.sim.tasks()).toHaveLength(10);
  });

  it('honours a lower concurrency setting', async () => {
    h.settings.concurrency = 2;
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('pair'), copies: 5 });
    let peak = 0;
    await h.advanceUntil(() => {
      peak = Math.max(peak, unfinishedOnServer());
      return engine.jobs().every((j) => j.status === 'completed');
    }, 'all jobs completing');
    expect(peak).toBe(2);
  });

  it('moves, edits and cancels jobs that are still waiting, and refuses to cancel a submitted one', async () => {
    h.settings.concurrency = 1;
    const { engine, handlers } = h.startEngine();
    const [a, b, c] = (await handlers['jobs.submit']({ request: draft('first'), copies: 3 })).jobs;
    await h.until(
      () => engine.jobs()[0]?.status === 'remote-queued',
      'the first job to be submitted',
    );
    await expect(handlers['jobs.cancel']({ id: a!.id })).rejects.toThrow(
      /deletes its task on api.airforce/,
    );
    await handlers['jobs.edit']({ id: c!.id, request: draft('third, edited') });
    expect((await handlers['jobs.move']({ id: c!.id, to: 'top' })).moved).toBe(true);
    await handlers['jobs.cancel']({ id: b!.id });
    await h.advanceUntil(
      () => engine.jobs().filter((j) => j.status === 'completed').length === 2,
      'two completions',
    );
    expect([...h.sim.tasks()].reverse().map((t) => t.prompt)).toEqual(['first', 'third, edited']);
    expect(engine.jobs().find((j) => j.id === b!.id)?.status).toBe('cancelled');
  });

  it('pauses and resumes the whole queue', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.pause']({});
    await handlers['jobs.submit']({ request: draft('waits'), copies: 2 });
    await h.advance(30_000);
    expect(h.sim.tasks()).toHaveLength(0);
    expect(engine.state().paused).toBe(true);
    await handlers['jobs.resume']({});
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'both jobs completing',
    );
  });

  it('retries a failed job as a new submission, and removes jobs that have ended', async () => {
    const { engine, handlers } = h.startEngine();
    const [failing] = (
      await handlers['jobs.submit']({ request: draft('this will [fail]'), copies: 1 })
    ).jobs;
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'failed', 'the job failing');
    const retry = await handlers['jobs.retry']({ id: failing!.id });
    expect(retry).toMatchObject({
      retryOf: failing!.id,
      status: stringMatching(/queued|submitting/),
    });
    await h.advanceUntil(() => engine.jobs()[1]?.status === 'failed', 'the retry ending');
    expect(h.sim.tasks()).toHaveLength(2);
    await handlers['jobs.remove']({ id: failing!.id });
    expect(engine.jobs().map((j) => j.id)).toEqual([retry.id]);
  });

  it('rejects a request outside the model’s caps before paying for it', async () => {
    const { handlers } = h.startEngine();
    await expect(
      handlers['jobs.submit']({ request: draft('too long', { durationSeconds: 60 }), copies: 1 }),
    ).rejects.toThrow(/5–10 s/);
    expect(h.sim.tasks()).toHaveLength(0);
  });

  it('tells the user promptly, without one notification per clip when several finish together', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('batch'), copies: 4 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'all four completing',
    );
    await h.advance(3_000);
    expect(h.notifications.length).toBeLessThanOrEqual(2);
    const clips = h.notifications.reduce(
      (sum, n) => sum + (Number(/^(\d+) clips/.exec(n.title)?.[1]) || 1),
      0,
    );
    expect(clips).toBe(4);
    expect(h.notifications.every((n) => n.kind === 'ready')).toBe(true);
  });

  it('sends no more than 4 progress updates per second per job', async () => {
    const { engine, handlers } = h.startEngine();
    const [job] = (await handlers['jobs.submit']({ request: draft('progress'), copies: 1 })).jobs;
    await h.advanceUntil(
      () => engine.jobs()[0]?.status === 'running',
      'the job running',
      60_000,
      100,
    );
    const before = h.events.length;
    await h.advance(1_000, 25);
    const updates = h.events
      .slice(before)
      .filter((e) => e.name === 'jobs.changed' && JSON.stringify(e.payload).includes(job!.id));
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.length).toBeLessThanOrEqual(5);
  });

  it('runs no timer at all when there is nothing to do', async () => {
    const { engine, handlers } = h.startEngine();
    expect(h.clock.pending()).toBe(0);
    await handlers['jobs.submit']({ request: draft('one'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    await h.advance(5_000);
    expect(h.clock.pending()).toBe(0);
  });
});
