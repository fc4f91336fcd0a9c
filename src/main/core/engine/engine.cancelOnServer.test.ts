import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../airforce';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { stringMatching } from '../../../../test/support/matchers';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const unfinishedOnServer = () =>
  h.sim.tasks().filter((t) => t.status === 'queued' || t.status === 'running');

type Started = ReturnType<EngineHarness['startEngine']>;

/** Submits `copies` jobs and moves time until `count` of them run; answers them as they are. */
async function running({ engine, handlers }: Started, copies: number, count = copies) {
  const { jobs } = await handlers['jobs.submit']({ request: draft('on the server'), copies });
  await h.advanceUntil(
    () => engine.jobs().filter((j) => j.status === 'running').length === count,
    `${count} running`,
    60_000,
    250,
  );
  return jobs.map((j) => engine.jobs().find((k) => k.id === j.id)!);
}

/** What the engine asked the simulator about a task since `from` (an index into the log). */
const requestsFor = (taskId: string, from = 0) =>
  h.sim.log.slice(from).filter((e) => e.path.includes(taskId));

describe('cancelling a job on the server', () => {
  it('is refused without deleteOnServer, saying the task is deleted and nothing refunded; the job runs on', async () => {
    const started = h.startEngine();
    const { engine, handlers } = started;
    const [job] = await running(started, 1);
    await expect(handlers['jobs.cancel']({ id: job!.id })).rejects.toMatchObject({
      code: 'conflict',
      message: stringMatching(/deletes its task on api\.airforce.*nothing is refunded/),
    });
    expect(unfinishedOnServer().map((t) => t.id)).toEqual([job!.taskId]);
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'the job completing');
  });

  it('deletes the task, keeps its cost as spent, stops following it and frees its slot at once', async () => {
    const started = h.startEngine();
    const { engine, handlers } = started;
    const [first, ...rest] = await running(started, 5, 4);
    expect(rest.at(-1)?.status).toBe('queued');
    const cost = first!.costCents!;
    const taskId = first!.taskId!;
    const before = h.sim.log.length;

    const cancelled = await handlers['jobs.cancel']({ id: first!.id, deleteOnServer: true });

    expect(cancelled).toMatchObject({ status: 'cancelled', refunded: false, costCents: cost });
    expect(h.sim.tasks().some((t) => t.id === taskId)).toBe(false);
    expect(engine.ledger.debitedCents(taskId)).toBe(cost);
    expect(engine.ledger.refundedCents(taskId)).toBeNull();
    expect(engine.ledger.totals(h.clock.now())).toMatchObject({
      todayCents: 4 * cost,
      refundsCents: 0,
    });
    // No virtual time passes: the fifth job goes out as soon as the slot is free.
    await h.until(() => engine.jobs()[4]?.taskId != null, 'the fifth job being submitted');
    expect(engine.ledger.totals(h.clock.now()).todayCents).toBe(5 * cost);
    expect(unfinishedOnServer()).toHaveLength(4);
    expect(engine.state().active).toBe(4);
    await h.advance(60_000);
    expect(requestsFor(taskId, before).map((e) => e.method)).toEqual(['DELETE']);
    expect(engine.jobs()[0]?.status).toBe('cancelled');
  });

  it.each([
    ['server trouble', 'status'],
    ['a network failure', 'network'],
  ] as const)(
    'after %s on DELETE, leaves the job running, paid and followed, and says so',
    async (_, kind) => {
      const fetch: FetchLike = (input, init) =>
        kind === 'network' && init?.method === 'DELETE'
          ? Promise.reject(new TypeError('fetch failed'))
          : globalThis.fetch(input, init);
      // As many as the client's own retries: the engine hears the failure.
      if (kind === 'status') h.sim.faults.next('delete', { kind: 'status', status: 503 }, 4);
      const started = h.startEngine(fetch);
      const { engine, handlers } = started;
      const [job] = await running(started, 1);
      await expect(
        handlers['jobs.cancel']({ id: job!.id, deleteOnServer: true }),
      ).rejects.toMatchObject({
        code: 'unavailable',
        message: stringMatching(/not deleted on the server.*keeps running and stays paid for/),
      });
      expect(engine.jobs()[0]?.status).toBe('running');
      expect(unfinishedOnServer().map((t) => t.id)).toEqual([job!.taskId]);
      await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'the job completing');
      expect(engine.ledger.totals(h.clock.now()).todayCents).toBe(job!.costCents);
    },
  );

  it('counts a task already gone (404) as deleted', async () => {
    const started = h.startEngine();
    const { engine, handlers } = started;
    const [job] = await running(started, 1);
    h.sim.faults.next('delete', { kind: 'status', status: 404 });
    const before = h.sim.log.length;
    const cancelled = await handlers['jobs.cancel']({ id: job!.id, deleteOnServer: true });
    expect(cancelled).toMatchObject({ status: 'cancelled', refunded: false });
    expect(engine.ledger.refundedCents(job!.taskId!)).toBeNull();
    await h.advance(30_000);
    expect(requestsFor(job!.taskId!, before).map((e) => e.method)).toEqual(['DELETE']);
  });

  it('stays cancelled after a restart, and is not followed again', async () => {
    const first = h.startEngine();
    const [job] = await running(first, 1);
    await first.handlers['jobs.cancel']({ id: job!.id, deleteOnServer: true });
    await first.engine.stop();
    const before = h.sim.log.length;
    const { engine } = h.startEngine();
    await h.advance(60_000);
    expect(engine.jobs()[0]).toMatchObject({ status: 'cancelled', refunded: false });
    expect(engine.state().active).toBe(0);
    expect(requestsFor(job!.taskId!, before)).toEqual([]);
    expect(engine.ledger.totals(h.clock.now()).todayCents).toBe(job!.costCents);
  });

  it('refuses a job that finished meanwhile: its clip is being saved, and its task stays', async () => {
    const started = h.startEngine();
    const { engine, handlers } = started;
    const [job] = await running(started, 1);
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'the job completing');
    await expect(
      handlers['jobs.cancel']({ id: job!.id, deleteOnServer: true }),
    ).rejects.toMatchObject({ code: 'conflict', message: stringMatching(/being saved/) });
    expect(h.sim.tasks().map((t) => t.id)).toEqual([job!.taskId]);
    expect(h.sim.log.some((e) => e.method === 'DELETE')).toBe(false);
  });

  it('works the same for a demo job, whose spend stays demo spend', async () => {
    h.world.demo = true;
    h.world.session = 'run-1';
    const started = h.startEngine();
    const { engine, handlers } = started;
    const [job] = await running(started, 1);
    const cancelled = await handlers['jobs.cancel']({ id: job!.id, deleteOnServer: true });
    expect(cancelled.status).toBe('cancelled');
    expect(h.sim.tasks()).toEqual([]);
    expect(engine.ledger.totals(h.clock.now())).toMatchObject({
      totalCents: 0,
      demoCents: job!.costCents,
    });
  });

  it('refuses a demo job while the demo is off: the real key cannot reach its task', async () => {
    h.world.demo = true;
    h.world.session = 'run-1';
    const first = h.startEngine();
    const [job] = await running(first, 1);
    await first.engine.stop();
    h.world.demo = false;
    const { engine, handlers } = h.startEngine();
    await expect(
      handlers['jobs.cancel']({ id: job!.id, deleteOnServer: true }),
    ).rejects.toMatchObject({ code: 'conflict', message: stringMatching(/turn the demo on/) });
    expect(engine.jobs()[0]?.status).toBe('running');
    expect(h.sim.log.some((e) => e.method === 'DELETE')).toBe(false);
  });
});
