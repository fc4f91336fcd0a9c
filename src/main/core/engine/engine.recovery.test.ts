import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../airforce';
import { abortReason } from '../clock';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const isCreate = (url: string, init: RequestInit) =>
  init.method === 'POST' && url.endsWith('/v1/video/generations');

/** Never answers until the engine aborts: the process "dies" at this point. */
function never(init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const { signal } = init;
    signal?.addEventListener('abort', () => reject(abortReason(signal)));
  });
}

/** Crashes before the POST leaves the machine. */
const crashBeforePost: FetchLike = (url, init) =>
  isCreate(url, init) ? never(init) : fetch(url, init);

/** The POST reaches the server (the task exists, it is paid for), then the process dies. */
const crashAfterPost: FetchLike = async (url, init) => {
  if (!isCreate(url, init)) return fetch(url, init);
  await fetch(url, { ...init, signal: null });
  return never(init);
};

async function restartAndFinish(expectedTasks: number) {
  const { engine } = h.startEngine();
  await h.advanceUntil(
    () => engine.jobs().every((j) => j.status === 'completed'),
    'the restarted engine finishing',
  );
  expect(h.sim.tasks()).toHaveLength(expectedTasks);
  expect(new Set(engine.jobs().map((j) => j.taskId)).size).toBe(expectedTasks);
  return engine;
}

describe('never submitting twice', () => {
  it('a crash before the POST: the restart finds no task and submits once', async () => {
    const first = h.startEngine(crashBeforePost);
    await first.handlers['jobs.submit']({ request: draft('before post'), copies: 1 });
    await h.until(() => first.engine.jobs()[0]?.status === 'submitting', 'submitting');
    await first.engine.stop();
    expect(h.sim.tasks()).toHaveLength(0);
    await restartAndFinish(1);
  });

  it('a crash after the POST: the restart adopts the task instead of paying again', async () => {
    const first = h.startEngine(crashAfterPost);
    await first.handlers['jobs.submit']({ request: draft('after post'), copies: 2 });
    await h.until(() => h.sim.tasks().length === 2, 'both tasks to exist on the server');
    await first.engine.stop();
    expect(first.engine.jobs().map((j) => j.status)).toEqual(['submitting', 'submitting']);
    const engine = await restartAndFinish(2);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(
      h.sim.tasks().reduce((sum, t) => sum + t.costCents, 0),
    );
  });

  it('a crash while running: the restart follows the same task to its end', async () => {
    const first = h.startEngine();
    await first.handlers['jobs.submit']({ request: draft('while running'), copies: 1 });
    await h.advanceUntil(
      () => first.engine.jobs()[0]?.status === 'running',
      'running',
      60_000,
      250,
    );
    await first.engine.stop();
    await h.advance(10_000);
    await restartAndFinish(1);
  });

  it('each job ends exactly once across a restart: one notification, one debit', async () => {
    const first = h.startEngine(crashAfterPost);
    await first.handlers['jobs.submit']({ request: draft('once'), copies: 1 });
    await h.until(() => h.sim.tasks().length === 1, 'the task to exist');
    await first.engine.stop();
    const engine = await restartAndFinish(1);
    await h.advance(3_000);
    expect(h.notifications.filter((n) => n.kind === 'ready')).toHaveLength(1);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(h.sim.tasks()[0]!.costCents);
  });

  it('an unknown outcome (connection reset after the server created the task) is reconciled, not resent', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    await handlers['jobs.submit']({ request: draft('reset'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    expect(h.sim.tasks()).toHaveLength(1);
    expect(h.sim.log.filter((e) => e.route === 'create')).toHaveLength(1);
    expect(h.sim.log.some((e) => e.route === 'list')).toBe(true);
  });

  it('a 5xx on create is reconciled too, and resubmitted only when no task exists', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'status', status: 503 });
    await handlers['jobs.submit']({ request: draft('server trouble'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion', 10 * 60_000);
    expect(h.sim.tasks()).toHaveLength(1);
    expect(h.sim.log.filter((e) => e.route === 'create').map((e) => e.status)).toEqual([503, 200]);
  });
});
