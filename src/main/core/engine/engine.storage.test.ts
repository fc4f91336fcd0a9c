import { afterEach, describe, expect, it } from 'vitest';
import {
  draft,
  engineHarness,
  T0,
  type EngineHarness,
} from '../../../../test/support/engineHarness';
import { createDispatcher, type Handlers } from '../../../shared/contract';
import type { AppDatabase } from '../db/database';
import { LEGACY_KEYS } from '../db/legacyImport';
import { MemoryStore } from '../stores/memoryStore';

let h: EngineHarness;
afterEach(async () => h.close());

/** SQLite answers SQLITE_FULL for real once the file would need one more page. */
function fillDisk(db: AppDatabase) {
  const { page_count } = db.get<{ page_count: number }>('PRAGMA page_count')!;
  db.run(`PRAGMA max_page_count = ${page_count}`);
}

describe('the engine on its database', () => {
  it('with the disk full, jobs.submit answers why and nothing is queued, in memory or on the server', async () => {
    h = await engineHarness();
    const { engine, handlers, db } = h.startEngine();
    fillDisk(db);
    const dispatch = createDispatcher(handlers as Handlers);
    const prompt = `a long prompt ${'that fills pages '.repeat(200)}`;
    const answer = await dispatch('jobs.submit', { request: draft(prompt), copies: 5 });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'Airframe could not save this change: the disk holding its data is full — free some space and try again. Nothing was changed.',
      },
    });
    expect(engine.jobs()).toEqual([]);
    await h.advance(60_000);
    expect(h.sim.tasks()).toHaveLength(0);
    expect(h.startEngine().engine.jobs()).toEqual([]);
  });

  it('when the database cannot be written, pausing fails and the queue is not shown paused', async () => {
    h = await engineHarness();
    const { engine, handlers, db } = h.startEngine();
    db.run('PRAGMA query_only = ON');
    await expect(handlers['jobs.pause']({})).rejects.toThrow(/could not save this change/);
    expect(engine.state().paused).toBe(false);
  });

  it('when a queued job cannot be written as submitting, all work waits and says why, then carries on', async () => {
    h = await engineHarness();
    h.settings.concurrency = 0;
    const { engine, handlers, db } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('waits for the disk'), copies: 1 });
    db.run('PRAGMA query_only = ON');
    h.settings.concurrency = 4;
    engine.pump();
    // The manual clock moves (short of the 30 s retry) only on a macrotask, after every
    // microtask: a spin would never get past this; the engine must hand the loop back.
    await h.clock.advance(1_000);
    expect(engine.jobs()[0]?.status).toBe('queued');
    expect(engine.state().message).toMatch(/could not save this change.*tries again in 30 s/);
    expect(h.sim.tasks()).toHaveLength(0);
    db.run('PRAGMA query_only = OFF');
    await h.advanceUntil(
      () => engine.jobs()[0]?.status === 'completed',
      'the job once the disk can be written',
    );
    expect(h.sim.tasks()).toHaveLength(1);
    expect(engine.state().message).toBeNull();
  });

  it('keeps the paused queue paused across a restart', async () => {
    h = await engineHarness();
    await h.startEngine().handlers['jobs.pause']({});
    expect(h.startEngine().engine.state().paused).toBe(true);
  });

  it('a ledger with one unreadable entry keeps the others, and the daily budget still guards', async () => {
    const legacy = new MemoryStore();
    const debit = (taskId: string, cents: number) => ({
      kind: 'debit',
      jobId: `job-${taskId}`,
      taskId,
      cents,
      at: T0,
    });
    legacy.set(LEGACY_KEYS.ledger, [
      debit('t1', 300),
      { kind: 'debit', taskId: 't2', cents: -5 },
      debit('t3', 200),
    ]);
    h = await engineHarness({ legacy });
    h.settings.dailyBudgetCents = 500;
    const { engine, handlers } = h.startEngine();
    expect(engine.ledger.totals(h.clock.now()).todayCents).toBe(500);
    await handlers['jobs.submit']({ request: draft('over the budget'), copies: 1 });
    await h.advance(5_000);
    expect(engine.jobs()[0]).toMatchObject({ status: 'held', holdReason: 'budget' });
    expect(h.sim.tasks()).toHaveLength(0);
  });
});
