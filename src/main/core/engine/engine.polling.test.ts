import { afterEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../airforce';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

let h: EngineHarness;
afterEach(async () => h.close());

/**
 * Every request but streams answered and read before virtual time moves on: the fetch counts
 * what is in flight (bodies read in full), and the clocks advance only when nothing is.
 */
function quietFetch() {
  let inFlight = 0;
  const fetchLike: FetchLike = async (url, init) => {
    // A stream stays open: its events reach the engine as the simulator's clock moves.
    if (String(url).endsWith('/stream')) return fetch(url, init);
    inFlight += 1;
    try {
      const answer = await fetch(url, init);
      const body = await answer.arrayBuffer();
      return new Response(answer.status === 204 ? null : body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
    } finally {
      inFlight -= 1;
    }
  };
  return { fetchLike, idle: () => inFlight === 0 };
}

async function stepUntil(done: () => boolean, idle: () => boolean, stepMs: number, maxMs: number) {
  for (let elapsed = 0; !done(); elapsed += stepMs) {
    if (elapsed > maxMs) throw new Error(`not done within ${maxMs / 1000} virtual seconds`);
    await h.until(idle, 'requests in flight to be answered');
    await h.advance(stepMs, stepMs);
  }
}

describe('polling when the stream is refused', () => {
  it('sees each clip within 5 s of its end, with fewer requests than the provider’s 8 s loop', async () => {
    h = await engineHarness({ timing: 'realistic', seed: 41 });
    h.sim.faults.next('stream', { kind: 'status', status: 500 }, 1_000);
    const { fetchLike, idle } = quietFetch();
    const { engine, handlers } = h.startEngine(fetchLike);
    const ids: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { jobs } = await handlers['jobs.submit']({
        request: draft(`round ${round}`),
        copies: 4,
      });
      ids.push(...jobs.map((j) => j.id));
      const these = jobs.map((j) => j.id);
      await stepUntil(
        () => these.every((id) => engine.jobs().find((j) => j.id === id)?.finishedAt),
        idle,
        250,
        10 * 60_000,
      );
    }
    const tasks = h.sim.tasks();
    const late = ids.map((id) => {
      const job = engine.jobs().find((j) => j.id === id)!;
      const task = tasks.find((t) => t.id === job.taskId)!;
      expect(job.status).not.toBe('failed');
      // Tasks of 45 s – 2 min.
      expect(task.completedAt! - task.created).toBeGreaterThan(40_000);
      return job.finishedAt! - task.completedAt!;
    });
    const routes = h.sim.log.filter((e) => e.route !== 'models' && e.route !== 'cdn');
    const loop = tasks.map((t) => 1 + Math.ceil((t.completedAt! - t.created) / 8_000));
    const perClip = routes.length / ids.length;
    const sorted = [...late].sort((a, b) => a - b);
    // Seen within 5 s (the shortest poll interval) and a little: the old 5–15 s cadence
    // was up to 15 s late, 5 s at the median.
    expect(Math.max(...late)).toBeLessThanOrEqual(5_500);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(4_000);
    expect(perClip).toBeLessThanOrEqual(loop.reduce((a, b) => a + b, 0) / loop.length);
    expect(routes.filter((e) => e.route === 'stream')).toHaveLength(ids.length);
  }, 60_000);

  it('after the stream drops, aims from the progress the stream told', async () => {
    h = await engineHarness({ timing: 'realistic', seed: 43 });
    h.sim.faults.next('stream', { kind: 'stream-drop', afterEvents: 5 });
    h.sim.faults.next('stream', { kind: 'status', status: 500 }, 100);
    const { fetchLike, idle } = quietFetch();
    const { engine, handlers } = h.startEngine(fetchLike);
    await handlers['jobs.submit']({ request: draft('dropped'), copies: 1 });
    await stepUntil(() => engine.jobs()[0]?.finishedAt != null, idle, 250, 10 * 60_000);
    const job = engine.jobs()[0]!;
    const task = h.sim.tasks()[0]!;
    expect(job.status).not.toBe('failed');
    expect(job.finishedAt! - task.completedAt!).toBeLessThanOrEqual(5_500);
    const gets = h.sim.log.filter((e) => e.route === 'get');
    // From the drop on, the 8 s loop would ask once per 8 s until the end, and once more.
    const loop = 1 + Math.ceil((task.completedAt! - gets[0]!.at) / 8_000);
    expect(gets.length).toBeLessThanOrEqual(loop);
  }, 60_000);
});
