import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import type { OnFailure } from '../../../shared/jobBatches';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

type Started = ReturnType<EngineHarness['startEngine']>;

const submitBatch = (
  { handlers }: Started,
  name: string,
  prompts: string[],
  onFailure: OnFailure = 'continue',
) => handlers['jobs.submitBatch']({ name, onFailure, jobs: prompts.map((p) => draft(p)) });

const statusOf = ({ engine }: Started, prompt: string) =>
  engine.jobs().find((j) => j.request.prompt === prompt)?.status;
const creates = () => h.sim.log.filter((e) => e.route === 'create').length;

describe('batches in the queue', () => {
  it('queues a batch in order, each job with its place, stored before the answer', async () => {
    h.settings.concurrency = 0;
    const started = h.startEngine();
    const { batchId, jobs } = await submitBatch(started, 'Overnight', ['a', 'b', 'c']);
    expect(jobs.map((j) => [j.request.prompt, j.batch])).toEqual(
      ['a', 'b', 'c'].map((p, i) => [p, { id: batchId, name: 'Overnight', index: i + 1, size: 3 }]),
    );
    // Another connection (a crash right after the answer) finds the batch and its jobs.
    const { db } = h.openDb();
    expect(db.all('SELECT id, name, size FROM batches')).toEqual([
      { id: batchId, name: 'Overnight', size: 3 },
    ]);
    expect(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM jobs')?.n).toBe(3);
  });

  it('pauses a batch: its jobs are not submitted while the others are, across a restart, until resumed', async () => {
    const started = h.startEngine();
    const { handlers } = started;
    await handlers['jobs.pause']({});
    const { batchId } = await submitBatch(started, 'Overnight', ['b1', 'b2']);
    await handlers['jobs.submit']({ request: draft('solo'), copies: 1 });
    const paused = await handlers['batches.pause']({ batchId });
    expect(paused).toMatchObject({ paused: true, size: 2, counts: { waiting: 2, running: 0 } });
    await handlers['jobs.resume']({});
    await h.until(() => statusOf(started, 'solo') !== 'queued', 'the job on its own submitted');
    await h.advance(5_000);
    expect([statusOf(started, 'b1'), statusOf(started, 'b2')]).toEqual(['queued', 'queued']);
    expect(creates()).toBe(1);

    await started.engine.stop();
    const restarted = h.startEngine();
    await h.advance(5_000);
    expect(creates()).toBe(1);
    const { batches } = await restarted.handlers['batches.list']({});
    expect(batches).toEqual([
      expect.objectContaining({
        id: batchId,
        name: 'Overnight',
        paused: true,
        onFailure: 'continue',
      }),
    ]);
    expect(restarted.engine.jobs().map((j) => j.batch?.index ?? null)).toEqual([1, 2, null]);
    expect(await restarted.handlers['batches.resume']({ batchId })).toMatchObject({
      paused: false,
    });
    await h.until(() => creates() === 3, 'the batch submitted once resumed');
  });

  it('cancels the jobs of a batch not yet submitted, and says which run on', async () => {
    h.settings.concurrency = 1;
    const started = h.startEngine();
    const { batchId } = await submitBatch(started, 'Three', ['one', 'two', 'three']);
    await h.until(() => statusOf(started, 'one') !== 'queued', 'the first job submitted');
    expect(await started.handlers['batches.cancel']({ batchId })).toEqual({
      cancelled: 2,
      stillRunning: 1,
    });
    expect([statusOf(started, 'two'), statusOf(started, 'three')]).toEqual([
      'cancelled',
      'cancelled',
    ]);
    await h.advanceUntil(() => statusOf(started, 'one') === 'completed', 'the first job done');
    expect(creates()).toBe(1);
  });

  it('retries the failed jobs of a batch in their places, once however often it is asked', async () => {
    const started = h.startEngine();
    const { engine, handlers } = started;
    const { batchId, jobs } = await submitBatch(started, 'Pair', ['left', 'right', 'fine']);
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'running'),
      'the jobs running',
    );
    for (const job of engine.jobs().slice(0, 2)) h.sim.failTask(job.taskId!);
    await h.advanceUntil(
      () => engine.jobs().filter((j) => j.status === 'failed').length === 2,
      'two jobs failing',
    );
    const { jobs: retries } = await handlers['batches.retryFailed']({ batchId });
    expect(retries.map((j) => [j.retryOf, j.batch?.index])).toEqual([
      [jobs[0]!.id, 1],
      [jobs[1]!.id, 2],
    ]);
    expect(await handlers['batches.retryFailed']({ batchId })).toEqual({ jobs: [] });
    await h.advanceUntil(
      () => engine.jobs().filter((j) => j.status === 'completed').length === 3,
      'the retries done',
    );
    expect(creates()).toBe(5);
    const [summary] = (await handlers['batches.list']({})).batches;
    // The failed ones were refunded; the three clips cost 200 cents each.
    expect(summary).toMatchObject({ counts: { failed: 0, running: 3 }, spentCents: 600 });
  });

  it('stops a batch at its first failure: the rest wait, paused, and the UI hears it', async () => {
    h.settings.concurrency = 1;
    const started = h.startEngine();
    const { engine, handlers } = started;
    const { batchId, jobs } = await submitBatch(started, 'Careful', ['s1', 's2', 's3'], 'stop');
    await h.advanceUntil(() => statusOf(started, 's1') === 'running', 'the first job running');
    h.events.length = 0;
    h.sim.failTask(engine.jobs()[0]!.taskId!);
    await h.advanceUntil(() => statusOf(started, 's1') === 'failed', 'the first job failing');
    await h.advance(10_000);
    expect([statusOf(started, 's2'), statusOf(started, 's3')]).toEqual(['queued', 'queued']);
    expect(creates()).toBe(1);
    const announced = h.events
      .filter((e) => e.name === 'batches.changed')
      .flatMap((e) => (e.payload as { upserted: { paused: boolean }[] }).upserted);
    expect(announced.at(-1)).toMatchObject({ paused: true, stoppedBy: jobs[0]!.id });
    // Retrying the failure goes on with the batch.
    await handlers['batches.retryFailed']({ batchId });
    await h.until(() => creates() === 2, 'the batch going on');
    expect((await handlers['batches.list']({})).batches[0]).toMatchObject({
      paused: false,
      stoppedBy: null,
    });
  });

  it('a batch that keeps going, or a job the user cancels, stops nothing', async () => {
    h.settings.concurrency = 1;
    const started = h.startEngine();
    const { handlers, engine } = started;
    await submitBatch(started, 'On', ['k1', 'k2']);
    const { batchId } = await submitBatch(started, 'Careful', ['c1', 'c2'], 'stop');
    await h.advanceUntil(() => statusOf(started, 'k1') === 'running', 'the first job running');
    h.sim.failTask(engine.jobs()[0]!.taskId!);
    await h.advanceUntil(() => statusOf(started, 'k2') === 'running', 'the batch going on');
    await handlers['jobs.cancel']({ id: engine.jobs()[2]!.id });
    const careful = (await handlers['batches.list']({})).batches.find((b) => b.id === batchId);
    expect(careful).toMatchObject({ paused: false, counts: { cancelled: 1, waiting: 1 } });
  });

  it('refuses a batch over what is left of today’s budget, queueing nothing', async () => {
    h.settings.dailyBudgetCents = 500;
    h.settings.concurrency = 0;
    const started = h.startEngine();
    await started.handlers['jobs.submit']({ request: draft('already waiting'), copies: 1 });
    // 200 cents waiting, and two more of 200 would pass 500.
    await expect(submitBatch(started, 'Too much', ['x', 'y'])).rejects.toMatchObject({
      code: 'over-budget',
      message:
        'This batch would cost about $4.00, more than the $3.00 left of today’s budget. Nothing was queued: make the batch smaller or raise the daily budget in Settings.',
    });
    expect(started.engine.jobs().map((j) => j.request.prompt)).toEqual(['already waiting']);
    expect(h.openDb().db.all('SELECT id FROM batches')).toEqual([]);
    expect((await submitBatch(started, 'Fits', ['z'])).jobs).toHaveLength(1);
  });

  it('moves a batch’s waiting jobs together, past a whole batch or one job', async () => {
    h.settings.concurrency = 0;
    const started = h.startEngine();
    const { handlers, engine } = started;
    await handlers['jobs.submit']({ request: draft('solo 1'), copies: 1 });
    const a = await submitBatch(started, 'A', ['a1', 'a2']);
    await handlers['jobs.submit']({ request: draft('solo 2'), copies: 1 });
    const b = await submitBatch(started, 'B', ['b1', 'b2']);
    const order = () => engine.jobs().map((j) => j.request.prompt);
    await handlers['jobs.move']({ id: engine.jobs()[0]!.id, to: 'down' });
    expect(order()).toEqual(['a1', 'solo 1', 'a2', 'solo 2', 'b1', 'b2']);
    expect(await handlers['batches.move']({ batchId: b.batchId, to: 'up' })).toEqual({
      moved: true,
    });
    expect(order()).toEqual(['a1', 'solo 1', 'a2', 'b1', 'b2', 'solo 2']);
    await handlers['batches.move']({ batchId: a.batchId, to: 'down' });
    expect(order()).toEqual(['solo 1', 'b1', 'b2', 'a1', 'a2', 'solo 2']);
    await handlers['batches.move']({ batchId: a.batchId, to: 'bottom' });
    expect(order()).toEqual(['solo 1', 'b1', 'b2', 'solo 2', 'a1', 'a2']);
    await handlers['batches.move']({ batchId: a.batchId, to: 'top' });
    expect(order()).toEqual(['a1', 'a2', 'solo 1', 'b1', 'b2', 'solo 2']);
    expect(await handlers['batches.move']({ batchId: a.batchId, to: 'up' })).toEqual({
      moved: false,
    });
    // The order is stored: a restart reads it back.
    await engine.stop();
    expect(
      h
        .startEngine()
        .engine.jobs()
        .map((j) => j.request.prompt),
    ).toEqual(order());
  });
});
