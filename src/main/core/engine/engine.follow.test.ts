import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../airforce';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

describe('following tasks', () => {
  it('needs no polling when the stream works', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('streamed'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    const routes = h.sim.log.filter((e) => e.route !== 'models').map((e) => e.route);
    expect(routes).toEqual(['create', 'stream']);
  });

  it('falls back to polling when the stream drops, and still finishes', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('stream', { kind: 'stream-drop', afterEvents: 1 });
    await handlers['jobs.submit']({ request: draft('dropped'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    expect(h.sim.log.filter((e) => e.route === 'get').length).toBeGreaterThan(0);
  });

  it('falls back to polling when the stream says nothing', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('stream', { kind: 'stream-silent' });
    await handlers['jobs.submit']({ request: draft('silent'), copies: 1 });
    // The stream's idle timer runs on the engine's clock: virtual seconds, no real wait.
    await h.advanceUntil(
      () => h.sim.log.some((e) => e.route === 'get'),
      'a poll after the idle stream',
    );
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
  });

  it('waits out a network loss and carries on; nothing fails', async () => {
    let offline = false;
    const refused = () =>
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    const flaky: FetchLike = (url, init) =>
      offline ? Promise.reject(refused()) : fetch(url, init);
    const { engine, handlers } = h.startEngine(flaky);
    offline = true;
    await handlers['jobs.submit']({ request: draft('offline'), copies: 1 }).catch(() => undefined);
    await h.until(() => engine.state().offline, 'the engine to notice');
    await h.advance(60_000);
    expect(engine.jobs()[0]?.status).toBe('queued');
    offline = false;
    await h.advanceUntil(
      () => engine.jobs()[0]?.status === 'completed',
      'completion after the network returns',
    );
    expect(engine.state().offline).toBe(false);
    expect(h.sim.tasks()).toHaveLength(1);
  });
});
