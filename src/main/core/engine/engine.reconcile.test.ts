import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserError } from '../../../shared/contract/result';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { stringMatching } from '../../../../test/support/matchers';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

/** Every job owns a different task, and it is the task made from the job's own prompt. */
function expectEachJobOwnsItsTask(jobs: { taskId: string | null; request: { prompt: string } }[]) {
  const ids = jobs.map((j) => j.taskId);
  expect(new Set(ids).size).toBe(jobs.length);
  for (const job of jobs)
    expect(h.sim.tasks().find((t) => t.id === job.taskId)?.prompt).toBe(job.request.prompt);
}

const creates = () => h.sim.log.filter((e) => e.route === 'create').length;

describe('never paying twice, against the documented API', () => {
  it('an edit that races the submission is refused; the job is paid for once', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.pause']({});
    await handlers['jobs.submit']({ request: draft('first version'), copies: 1 });
    const id = engine.jobs()[0]!.id;
    // Storing the edit's image takes real I/O: the queue resumes and submits meanwhile.
    const edit = draft('second version', {
      mode: 'image',
      inputImages: [{ mime: 'image/png', dataBase64: PNG }],
    });
    const editing = handlers['jobs.edit']({ id, request: edit }).then(
      () => 'edited',
      (error: UserError) => error.code,
    );
    await handlers['jobs.resume']({});
    expect(await editing).toBe('conflict');
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    await h.advance(20_000);
    expect(h.sim.tasks()).toHaveLength(1);
    expect(engine.jobs()[0]?.request.prompt).toBe('first version');
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(h.sim.tasks()[0]!.costCents);
  });

  it('a lost create never adopts the task of another create still waiting for its answer', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    h.sim.faults.next('create', { kind: 'slow-answer', ms: 20_000 }, 2);
    await handlers['jobs.submit']({ request: draft('a harbour at dawn'), copies: 1 });
    await handlers['jobs.submit']({ request: draft('a forest in fog'), copies: 1 });
    await handlers['jobs.submit']({ request: draft('a city at night'), copies: 1 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'all three completing',
    );
    expect(h.sim.tasks()).toHaveLength(3);
    expect(creates()).toBe(3);
    expectEachJobOwnsItsTask(engine.jobs());
    const paid = h.sim.tasks().reduce((sum, t) => sum + t.costCents, 0);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(paid);
  });

  it('a list that shows new tasks 2 s late does not make a lost create pay twice', async () => {
    h.sim.configure({ listLagMs: 2_000 });
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' }, 3);
    await handlers['jobs.submit']({ request: draft('lagging list'), copies: 9 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'all nine completing',
    );
    expect(h.sim.tasks()).toHaveLength(9);
    expect(new Set(engine.jobs().map((j) => j.taskId)).size).toBe(9);
  });

  it('an unreadable task list is shown on the job, holds its slot, and sends nothing again', async () => {
    h.sim.configure({ listEnvelope: 'unrecognised' });
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    await handlers['jobs.submit']({ request: draft('unreadable list'), copies: 1 });
    await h.advance(120_000);
    const job = engine.jobs()[0]!;
    expect(job.status).toBe('submitting');
    expect(job.check).toMatchObject({
      state: 'unreadable',
      message: stringMatching(/cannot read the server's task list/),
    });
    expect(engine.state().active).toBe(1);
    expect(creates()).toBe(1);
    // A server that wraps its list in `tasks` is understood.
    h.sim.configure({ listEnvelope: 'tasks' });
    await h.advanceUntil(
      () => engine.jobs()[0]?.status === 'completed',
      'completion once the list is readable',
    );
    expect(h.sim.tasks()).toHaveLength(1);
    expect(engine.jobs()[0]?.check).toBeNull();
  });

  it('two lost creates the list cannot tell apart: the user chooses; the task they did not choose is shown as unclaimed', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' }, 2);
    await handlers['jobs.submit']({ request: draft('the first of two'), copies: 1 });
    await handlers['jobs.submit']({ request: draft('the second of two'), copies: 1 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.check?.state === 'ambiguous'),
      'both jobs asking the user',
      60_000,
    );
    const [first, second] = engine.jobs();
    expect(first!.check!.candidates.map((c) => c.taskId).sort()).toEqual(
      h.sim
        .tasks()
        .map((t) => t.id)
        .sort(),
    );
    const own = h.sim.tasks().find((t) => t.prompt === 'the first of two')!;
    await handlers['jobs.resolve']({ id: first!.id, taskId: own.id });
    // The second job now has one candidate left, which no one else can claim.
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'both completing',
    );
    expectEachJobOwnsItsTask(engine.jobs());
    expect(second!.id).toBe(engine.jobs()[1]!.id);
    expect(engine.state().unclaimed).toEqual([]);
    expect(creates()).toBe(2);
  });

  it('when the user says the server made no task, it is sent again, and the task it did make is shown as unclaimed', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' }, 2);
    await handlers['jobs.submit']({ request: draft('one of two'), copies: 1 });
    await handlers['jobs.submit']({ request: draft('two of two'), copies: 1 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.check?.state === 'ambiguous'),
      'both jobs asking the user',
      60_000,
    );
    const [first, second] = engine.jobs();
    const own = h.sim.tasks().find((t) => t.prompt === 'one of two')!;
    const other = h.sim.tasks().find((t) => t.prompt === 'two of two')!;
    await handlers['jobs.resolve']({ id: first!.id, taskId: own.id });
    await handlers['jobs.resolve']({ id: second!.id, taskId: null });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'both completing',
    );
    expect(creates()).toBe(3);
    expect(engine.state().unclaimed.map((t) => t.taskId)).toEqual([other.id]);
    await handlers['jobs.dismissUnclaimed']({ taskId: other.id });
    expect(engine.state().unclaimed).toEqual([]);
  });
});

describe('the server’s books decide', () => {
  it('a task that completed and expired between two polls is not booked as refunded when the server kept its cost', async () => {
    h.sim.faults.next('stream', { kind: 'stream-drop', afterEvents: 0 });
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('missed completion'), copies: 1 });
    await h.until(() => h.sim.log.some((e) => e.route === 'get'), 'the first poll');
    // The server's clock runs past completion and expiry while the app waits for its next poll.
    await h.sim.clock.advance(25 * 3_600_000);
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'expired', 'the expiry', 60_000);
    const cost = h.sim.tasks()[0]!.costCents;
    expect(h.sim.balanceOf(h.sim.apiKey)).toBe(100_000 - cost);
    expect(engine.jobs()[0]?.refunded).toBe(false);
    expect(engine.ledger.totals(h.clock.now())).toMatchObject({
      totalCents: cost,
      refundsCents: 0,
    });
  });

  it('a failed task is refunded by what the server says it finally cost', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('please [fail]'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'failed', 'the failure');
    expect(engine.jobs()[0]?.refunded).toBe(true);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(0);
    expect(h.sim.balanceOf(h.sim.apiKey)).toBe(100_000);
  });
});

describe('liberal in what it accepts', () => {
  it('follows a task by its stream when the server sends null for absent fields', async () => {
    h.sim.configure({ nulls: true });
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('nulls on the stream'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    expect(h.sim.log.filter((e) => e.route === 'get')).toHaveLength(0);
    expect(engine.jobs()[0]?.progress).toBeNull();
  });

  it('follows and completes a task whose id has dots in it', async () => {
    h.sim.configure({ taskIds: 'dotted' });
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('dotted id'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    expect(engine.jobs()[0]?.taskId).toContain('.');
  });
});
