import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Simulator } from './index';
import {
  call,
  closeTestSimulators,
  control,
  defaultRequest,
  json,
  startTestSimulator,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

/** Starts a create and tracks whether its answer has arrived, without waiting for it. */
function pendingCreate(sim: Simulator, body: unknown = defaultRequest) {
  const state = { answered: false };
  const response = call(sim, '/v1/video/generations', { body }).then((r) => {
    state.answered = true;
    return r;
  });
  return { state, response };
}

describe("create fault 'slow-answer'", () => {
  it('creates at once but answers only once virtual time has moved on by ms', async () => {
    const sim = await startTestSimulator();
    sim.faults.next('create', { kind: 'slow-answer', ms: 1_500 }, 3);
    const creates = [0, 1, 2].map(() => pendingCreate(sim));
    await vi.waitFor(() => expect(sim.tasks()).toHaveLength(3));
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 3 * 200);

    // Other requests go on meanwhile, and see the tasks.
    const listed = await json<{ data: unknown[] }>(await call(sim, '/v1/video/tasks'));
    expect(listed.data).toHaveLength(3);
    await sim.clock.advance(1_499);
    // Queued at most 1 s, running at least 2 s: each is under way, none answered.
    expect(sim.tasks().map((task) => task.status)).toEqual(['running', 'running', 'running']);
    expect(creates.some((create) => create.state.answered)).toBe(false);
    expect(sim.log.filter((e) => e.route === 'create').map((e) => e.status)).toEqual([0, 0, 0]);

    await sim.clock.advance(1);
    const answers = await Promise.all(creates.map((create) => create.response));
    const bodies = await Promise.all(answers.map((answer) => json(answer)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    // The answer is what the create said when it was processed.
    expect(bodies.map((body) => body.status)).toEqual(['queued', 'queued', 'queued']);
    expect(bodies.map((body) => body.task_id).sort()).toEqual(
      sim
        .tasks()
        .map((t) => t.id)
        .sort(),
    );
    expect(sim.log.filter((e) => e.route === 'create').map((e) => e.status)).toEqual([
      200, 200, 200,
    ]);

    const normal = await call(sim, '/v1/video/generations', { body: defaultRequest });
    expect(normal.status).toBe(200);
  });

  it('is accepted by /__sim/faults, holds error answers too, and ms 0 answers at once', async () => {
    const sim = await startTestSimulator();
    const queued = await control(sim, '/faults', {
      route: 'create',
      fault: { kind: 'slow-answer', ms: 1_000 },
    });
    expect(queued.status).toBe(200);
    const rejected = pendingCreate(sim, { model: 'nope', prompt: 'x' });
    await vi.waitFor(() => expect(sim.log).toHaveLength(1));
    await sim.clock.advance(999);
    expect(rejected.state.answered).toBe(false);
    await sim.clock.advance(1);
    expect((await rejected.response).status).toBe(400);

    sim.faults.next('create', { kind: 'slow-answer', ms: 0 });
    expect((await call(sim, '/v1/video/generations', { body: defaultRequest })).status).toBe(200);
    for (const bad of [
      { route: 'get', fault: { kind: 'slow-answer', ms: 1 } },
      { route: 'create', fault: { kind: 'slow-answer', ms: -1 } },
      { route: 'create', fault: { kind: 'slow-answer' } },
    ]) {
      expect((await control(sim, '/faults', bad)).status).toBe(400);
    }
    expect(() => sim.faults.next('list', { kind: 'slow-answer', ms: 1 })).toThrow(/does not apply/);
  });

  it('answers on the real-time ticker when auto-ticking, even with no task running', async () => {
    const sim = await startTestSimulator({ autoTick: true, speed: 100 });
    sim.faults.next('create', { kind: 'slow-answer', ms: 2_000 });
    const started = sim.clock.now();
    const response = await call(sim, '/v1/video/generations', { body: { model: 'nope' } });
    expect(response.status).toBe(400);
    expect(sim.clock.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('lets a client give up waiting, and close() end what is still held', async () => {
    const sim = await startTestSimulator();
    sim.faults.next('create', { kind: 'slow-answer', ms: 60_000 }, 2);
    const aborted = call(sim, '/v1/video/generations', {
      body: defaultRequest,
      signal: AbortSignal.timeout(50),
    });
    await expect(aborted).rejects.toThrow();
    const held = pendingCreate(sim);
    await vi.waitFor(() => expect(sim.tasks()).toHaveLength(2));
    await sim.clock.advance(1_000);
    await sim.close();
    await expect(held.response).rejects.toThrow();
  });
});
