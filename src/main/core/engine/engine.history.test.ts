import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { createDispatcher, type Handlers, type Response } from '../../../shared/contract';
import type { JobsChanged } from '../../../shared/jobs';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const creates = () => h.sim.log.filter((e) => e.route === 'create').length;
const ledgerRows = () =>
  h
    .openDb()
    .db.all<{ kind: string; task_id: string; cents: number }>(
      'SELECT kind, task_id, cents FROM ledger ORDER BY id',
    );

/** A job run on the server until the server fails its task (refunded): ended, owning a task. */
async function failedJob(prompt: string) {
  const started = h.startEngine();
  const { engine, handlers } = started;
  await handlers['jobs.submit']({ request: draft(prompt), copies: 1 });
  await h.advanceUntil(() => engine.jobs()[0]?.status === 'running', 'the job running');
  const taskId = engine.jobs()[0]!.taskId!;
  h.sim.failTask(taskId);
  await h.advanceUntil(() => engine.jobs()[0]?.status === 'failed', 'the job failing');
  return { ...started, taskId };
}

describe('clearing finished jobs to the history', () => {
  it('moves only ended jobs, announces them as removed, and keeps the ledger as it was', async () => {
    const { engine, handlers, taskId } = await failedJob('a lighthouse in a storm');
    h.settings.concurrency = 0;
    await handlers['jobs.submit']({ request: draft('still waiting'), copies: 1 });
    const before = ledgerRows();
    expect(before.map((row) => row.kind)).toEqual(['debit', 'refund']);
    const failedId = engine.jobs()[0]!.id;
    h.events.length = 0;

    expect(await handlers['jobs.clearFinished']({})).toEqual({ cleared: 1 });
    expect(engine.jobs().map((j) => j.request.prompt)).toEqual(['still waiting']);
    const announced = h.events.filter((e) => e.name === 'jobs.changed');
    expect(announced.map((e) => e.payload as JobsChanged)).toEqual([
      { upserted: [], removed: [failedId], order: null },
    ]);
    expect(ledgerRows()).toEqual(before);
    const { jobs, total } = await handlers['jobs.history']({ query: '', offset: 0, limit: 50 });
    expect(total).toBe(1);
    expect(jobs[0]).toMatchObject({ id: failedId, taskId, status: 'failed', refunded: true });
    // Nothing more is ended: a second clear clears nothing, and announces nothing.
    h.events.length = 0;
    expect(await handlers['jobs.clearFinished']({})).toEqual({ cleared: 0 });
    expect(h.events.filter((e) => e.name === 'jobs.changed')).toEqual([]);
  });

  it('a cleared job still owns its task: after a restart a lost create neither adopts it nor shows it as unclaimed', async () => {
    const prompt = 'the same prompt twice';
    const first = await failedJob(prompt);
    await first.handlers['jobs.clearFinished']({});
    await first.engine.stop();

    const { engine, handlers } = h.startEngine();
    expect(engine.jobs()).toEqual([]);
    // The same request again, and its create's answer is lost: the old task matches it too.
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    await handlers['jobs.submit']({ request: draft(prompt), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'the new job completing');
    const job = engine.jobs()[0]!;
    expect(job.taskId).not.toBe(first.taskId);
    expect(h.sim.tasks().find((t) => t.id === job.taskId)?.status).toBe('completed');
    expect(engine.state().unclaimed).toEqual([]);
    expect(creates()).toBe(2);
    // The old task's debit and refund, and one debit for the new one: nothing paid twice.
    expect(ledgerRows().map((row) => [row.kind, row.task_id])).toEqual([
      ['debit', first.taskId],
      ['refund', first.taskId],
      ['debit', job.taskId],
    ]);
    expect(engine.ownedTaskIds()).toEqual(new Set([first.taskId, job.taskId]));
  });

  it('keeps cleared jobs out of the queue across a restart, and finds them by prompt, newest first, a page at a time', async () => {
    h.settings.concurrency = 0;
    const { handlers } = h.startEngine();
    const prompts = ['a red fox', 'a blue whale', 'a red kite', 'a 100% red_dot'];
    for (const prompt of prompts) {
      const [job] = (await handlers['jobs.submit']({ request: draft(prompt), copies: 1 })).jobs;
      await h.advance(1_000);
      await handlers['jobs.cancel']({ id: job!.id });
    }
    await handlers['jobs.submit']({ request: draft('a red balloon, waiting'), copies: 1 });
    expect(await handlers['jobs.clearFinished']({})).toEqual({ cleared: 4 });

    const restarted = h.startEngine();
    expect(restarted.engine.jobs().map((j) => j.request.prompt)).toEqual([
      'a red balloon, waiting',
    ]);
    const dispatch = createDispatcher(restarted.handlers as Handlers);
    const page = async (query: string, offset: number, limit: number) => {
      const answer = await dispatch('jobs.history', { query, offset, limit });
      if (!answer.ok) throw new Error(answer.error.message);
      const { jobs, total } = answer.value as Response<'jobs.history'>;
      return { prompts: jobs.map((j) => j.request.prompt), total };
    };
    expect(await page('', 0, 10)).toEqual({ prompts: [...prompts].reverse(), total: 4 });
    expect(await page('RED', 0, 2)).toEqual({
      prompts: ['a 100% red_dot', 'a red kite'],
      total: 3,
    });
    expect(await page('red', 2, 2)).toEqual({ prompts: ['a red fox'], total: 3 });
    // What the user types is looked for as it is: % and _ are no wildcards.
    expect(await page('100%', 0, 10)).toEqual({ prompts: ['a 100% red_dot'], total: 1 });
    expect(await page('d_d', 0, 10)).toEqual({ prompts: ['a 100% red_dot'], total: 1 });
    expect(await page('whale fox', 0, 10)).toEqual({ prompts: [], total: 0 });
    const tooMany = await dispatch('jobs.history', { query: '', offset: 0, limit: 201 });
    expect(tooMany.ok).toBe(false);
  });
});
