import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRecord } from './jobRecord';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { stringMatching } from '../../../../test/support/matchers';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

describe('limits and money', () => {
  it('a 429 storm puts jobs back in line and waits; none fails, none is paid twice', async () => {
    const { engine, handlers } = h.startEngine();
    // More 429s than the client's own retries absorb, so the engine has to wait them out.
    h.sim.faults.next('create', { kind: 'status', status: 429, retryAfter: '3' }, 40);
    await handlers['jobs.submit']({ request: draft('storm'), copies: 3 });
    await h.until(
      () => engine.state().retryAt !== null && engine.jobs().every((j) => j.status === 'queued'),
      'every job back in line and the engine backing off',
    );
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'all completing',
    );
    expect(h.sim.tasks()).toHaveLength(3);
    expect(h.sim.log.filter((e) => e.route === 'create' && e.status === 429).length).toBe(40);
    expect(engine.jobs().some((j) => j.error !== null)).toBe(false);
  });

  it('the server’s own limit (tasks started elsewhere with the same key) is a wait, not a failure', async () => {
    for (let i = 0; i < 3; i++) {
      await fetch(`${h.sim.apiBase}/v1/video/generations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.sim.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'wan-2.6', prompt: `elsewhere ${i}` }),
      });
    }
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('mine'), copies: 3 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'all completing',
    );
    expect(h.sim.log.some((e) => e.route === 'create' && e.status === 429)).toBe(true);
    expect(h.sim.tasks()).toHaveLength(6);
  });

  it('a 402 holds the job with "balance too low" until the user acts', async () => {
    h.sim.addKey('sk-air-poor-000000', 100);
    h.setApiKey('sk-air-poor-000000');
    h.settings.concurrency = 1;
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('expensive'), copies: 2 });
    await h.until(() => engine.state().blockedBy === 'balance', 'the balance hold');
    expect(engine.jobs().map((j) => [j.status, j.holdReason])).toEqual([
      ['held', 'balance'],
      ['queued', null],
    ]);
    await h.advance(60_000);
    expect(h.sim.tasks()).toHaveLength(0);
    h.sim.addKey('sk-air-poor-000000', 10_000);
    await handlers['jobs.release']({});
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'both completing',
    );
  });

  it('a 400 fails the job at once with the field the server named', async () => {
    const { engine } = h.startEngine();
    engine.repo.add(
      newRecord(
        'job_bad',
        { ...draft('bad duration'), durationSeconds: 99, inputImages: [] },
        h.clock.now(),
        null,
      ),
    );
    engine.pump();
    await h.until(() => engine.jobs()[0]?.status === 'failed', 'the job failing');
    expect(engine.jobs()[0]?.error).toMatchObject({
      kind: 'invalid-request',
      field: 'duration_seconds',
    });
    expect(h.sim.tasks()).toHaveLength(0);
  });

  it('records the debit of a failed task and its refund', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('please [fail]'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'failed', 'the failure');
    const job = engine.jobs()[0]!;
    expect(job).toMatchObject({
      refunded: true,
      error: { message: stringMatching(/could not render/) },
    });
    expect(engine.ledger.totals(h.clock.now())).toMatchObject({
      totalCents: 0,
      refundsCents: 200,
      todayRefundsCents: 200,
    });
    expect(h.sim.balanceOf(h.sim.apiKey)).toBe(100_000);
  });

  it('refunds a task that expires before completing', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('stuck'), copies: 1 });
    await h.until(() => engine.jobs()[0]?.taskId != null, 'the task id');
    h.sim.expireTask(engine.jobs()[0]!.taskId!);
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'expired', 'the expiry');
    expect(engine.jobs()[0]?.refunded).toBe(true);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(0);
    await h.advance(2_000);
    expect(h.notifications.map((n) => n.kind)).toEqual(['expired']);
  });

  it('holds a job that would pass the daily budget', async () => {
    h.settings.dailyBudgetCents = 300;
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('within budget'), copies: 2 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'the first job');
    expect(engine.jobs()[1]).toMatchObject({ status: 'held', holdReason: 'budget' });
    expect(h.sim.tasks()).toHaveLength(1);
  });
});
