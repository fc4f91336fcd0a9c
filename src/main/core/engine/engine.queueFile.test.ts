import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

describe('importing a queue file against the daily budget', () => {
  it('queues nothing when the whole file would pass what is left of today’s budget', async () => {
    h.settings.concurrency = 0;
    const { handlers, engine } = h.startEngine();
    await handlers['jobs.submitBatch']({
      name: 'Evening',
      onFailure: 'continue',
      jobs: [draft('e1'), draft('e2')],
    });
    await handlers['jobs.submit']({ request: draft('solo'), copies: 1 });
    const { dataBase64 } = await handlers['queue.export']({});

    // 600 cents waiting; the file's 600 more would pass 1,000.
    h.settings.dailyBudgetCents = 1_000;
    const refused = await handlers['queue.import']({ dataBase64 }).catch((e: Error) => e);
    expect(refused).toMatchObject({ code: 'over-budget' });
    expect((refused as Error).message).toContain('$6.00, more than the $4.00 left');
    expect(engine.jobs()).toHaveLength(3);
    expect((await handlers['batches.list']({})).batches).toHaveLength(1);

    h.settings.dailyBudgetCents = 1_200;
    await expect(handlers['queue.import']({ dataBase64 })).resolves.toEqual({
      batches: 1,
      jobs: 3,
    });
    const { batches } = await handlers['batches.list']({});
    expect(batches.map((b) => [b.name, b.size])).toEqual([
      ['Evening', 2],
      ['Evening', 2],
    ]);
    expect(engine.jobs().map((j) => j.request.prompt)).toEqual([
      'e1',
      'e2',
      'solo',
      'e1',
      'e2',
      'solo',
    ]);
  });
});
