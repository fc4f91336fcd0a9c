import { describe, expect, it } from 'vitest';
import type { VideoTask } from '../../../shared/api/schemas';
import type { Facts } from './jobChange';
import { newRecord, type JobRecord } from './jobRecord';
import { adoption, ending, failure, observation, oldDemoEnded, refundDue } from './taskOutcomes';

const T = 1_700_000_000_000;
const job = (change: Partial<JobRecord> = {}): JobRecord => ({
  ...newRecord(
    'j1',
    { model: 'wan-2.6', prompt: 'a fox', mode: 'text', durationSeconds: 5, inputImages: [] },
    T - 60_000,
    null,
  ),
  costCents: 40,
  ...change,
});
/** The books as the ledger holds them: task id → cents debited. */
const facts = (debits: Record<string, number> = {}, now = T): Facts => ({
  now,
  debitedCents: (taskId) => debits[taskId] ?? null,
});
const task = (change: Partial<VideoTask>): VideoTask => ({
  task_id: 't1',
  status: 'queued',
  ...change,
});

describe('adoption', () => {
  it('debits the task once, at its cost, and records it as the job’s', () => {
    const [adopted, ...rest] = adoption(job({ status: 'submitting' }), task({}), 25, facts());
    expect(rest).toEqual([]);
    expect(adopted).toEqual({
      id: 'j1',
      debit: { taskId: 't1', cents: 25, demo: false },
      patch: {
        status: 'remote-queued',
        taskId: 't1',
        costCents: 25,
        check: null,
        looks: 0,
        lookAt: null,
        expiresAt: null,
      },
    });
  });

  it('without a cost from the server, debits the estimate; a demo job’s debit is marked demo', () => {
    const [adopted] = adoption(job({ status: 'submitting', demo: true }), task({}), null, facts());
    expect(adopted?.debit).toEqual({ taskId: 't1', cents: 40, demo: true });
  });

  it('a task already past queued is taken in at once: running, or completed and saved', () => {
    const running = adoption(
      job({ status: 'submitting' }),
      task({ status: 'running', progress: 30 }),
      25,
      facts(),
    );
    expect(running[1]).toEqual({
      id: 'j1',
      patch: { status: 'running', startedAt: T, progress: 30 },
    });
    const done = adoption(
      job({ status: 'submitting' }),
      task({ status: 'completed', result_url: 'https://cdn/x.mp4', cost_cents: 20 }),
      25,
      facts(),
    );
    // Debited 25 a moment before; the server's books say 20: 5 back.
    expect(done[1]).toMatchObject({
      refund: { taskId: 't1', cents: 5 },
      patch: { status: 'completed', resultUrl: 'https://cdn/x.mp4', costCents: 20 },
      save: true,
    });
  });

  it('a task adopted again after a crash refunds against the debit the books already hold', () => {
    const changes = adoption(
      job({ status: 'submitting' }),
      task({ status: 'failed', cost_cents: 0 }),
      25,
      facts({ t1: 30 }),
    );
    expect(changes[1]?.refund).toEqual({ taskId: 't1', cents: 30 });
  });
});

describe('observation', () => {
  const onServer = job({ status: 'remote-queued', taskId: 't1' });

  it('ignores news about a job no longer on the server', () => {
    expect(
      observation(job({ status: 'saved', taskId: 't1' }), task({ status: 'failed' }), facts()),
    ).toEqual([]);
  });

  it('a running job’s progress is progress only; the same progress is no change', () => {
    const running = { ...onServer, status: 'running' as const, progress: 10 };
    expect(observation(running, task({ status: 'running', progress: 50 }), facts())).toEqual([
      { id: 'j1', progress: 50 },
    ]);
    expect(observation(running, task({ status: 'running', progress: 10 }), facts())).toEqual([]);
    expect(observation(running, task({ status: 'queued' }), facts())).toEqual([]);
  });

  it('a completed task with no cost refunds nothing and hands the clip to the library', () => {
    const [done] = observation(
      onServer,
      task({ status: 'completed', result_url: 'https://cdn/x.mp4', expires_at: 1_700_086_400 }),
      facts({ t1: 40 }),
    );
    expect(done).toEqual({
      id: 'j1',
      patch: {
        status: 'completed',
        progress: null,
        everCompleted: true,
        finishedAt: T,
        resultUrl: 'https://cdn/x.mp4',
        thumbnailUrl: null,
        expiresAt: 1_700_086_400_000,
        costCents: 40,
      },
      save: true,
    });
  });

  it('a failed task ends the job, refunds what was debited and tells the user why', () => {
    const [ended] = observation(
      onServer,
      task({ status: 'failed', error: { type: 'moderation', message: 'Refused.' } }),
      facts({ t1: 40 }),
    );
    expect(ended).toEqual({
      id: 'j1',
      refund: { taskId: 't1', cents: 40 },
      patch: {
        status: 'failed',
        error: { kind: 'moderation', message: 'Refused.' },
        refunded: true,
        progress: null,
        finishedAt: T,
      },
      notify: { kind: 'failed', reason: 'Refused.' },
    });
  });

  it('an expired task says so when the server gives no reason', () => {
    const [ended] = observation(onServer, task({ status: 'expired' }), facts({ t1: 40 }));
    expect(ended?.patch).toMatchObject({
      status: 'expired',
      error: { kind: 'expired', message: 'The task expired on the server.' },
    });
  });
});

describe('ending', () => {
  it('a delivered clip purged before it was saved is not refunded when the server never says', () => {
    const delivered = job({ status: 'downloading', taskId: 't1', everCompleted: true });
    const [ended] = ending(
      delivered,
      { kind: 'expired', message: 'Gone.' },
      null,
      'expired',
      facts({ t1: 40 }),
    );
    expect(ended?.refund).toBeUndefined();
    expect(ended?.patch).toMatchObject({ status: 'expired', refunded: false });
  });

  it('the server’s final cost decides, and a job once refunded stays refunded', () => {
    const delivered = job({
      status: 'completed',
      taskId: 't1',
      everCompleted: true,
      refunded: true,
    });
    const [ended] = ending(
      delivered,
      { kind: 'expired', message: 'Gone.' },
      task({ status: 'expired', cost_cents: 40 }),
      'expired',
      facts({ t1: 40 }),
    );
    expect(ended?.refund).toBeUndefined();
    expect(ended?.patch?.refunded).toBe(true);
  });

  it('nothing debited, nothing refunded', () => {
    const [ended] = ending(
      job({ status: 'running', taskId: 't1' }),
      { kind: 'x', message: 'm' },
      null,
      'failed',
      facts(),
    );
    expect(ended?.refund).toBeUndefined();
  });
});

describe('failure and old demo jobs', () => {
  it('a job that made no task fails with no money moving', () => {
    expect(
      failure(job({ status: 'submitting' }), { kind: 'input', message: 'No image.' }, T),
    ).toEqual([
      {
        id: 'j1',
        patch: {
          status: 'failed',
          error: { kind: 'input', message: 'No image.' },
          progress: null,
          finishedAt: T,
        },
        notify: { kind: 'failed', reason: 'No image.' },
      },
    ]);
  });

  it('only a demo job of another demo session ends', () => {
    expect(oldDemoEnded(job({ demo: false }), 's2', T)).toEqual([]);
    expect(oldDemoEnded(job({ demo: true, demoSession: 's2' }), 's2', T)).toEqual([]);
    const [ended] = oldDemoEnded(job({ demo: true, demoSession: 's1' }), 's2', T);
    expect(ended?.patch).toMatchObject({ status: 'failed', error: { kind: 'demo' } });
  });
});

describe('refundDue', () => {
  it('is what was debited less the final cost, never negative', () => {
    expect(refundDue(40, task({ status: 'completed', cost_cents: 30 }), true)).toBe(10);
    expect(refundDue(40, task({ status: 'completed', cost_cents: 50 }), true)).toBe(0);
  });

  it('without a final cost: failed refunds all, completed nothing, expired unless delivered', () => {
    expect(refundDue(40, task({ status: 'failed' }), false)).toBe(40);
    expect(refundDue(40, task({ status: 'completed' }), false)).toBe(0);
    expect(refundDue(40, task({ status: 'expired' }), false)).toBe(40);
    expect(refundDue(40, task({ status: 'expired' }), true)).toBe(0);
    expect(refundDue(40, null, false)).toBe(40);
  });
});
