import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { stringMatching } from '../../../../test/support/matchers';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

describe('the demo apart from money', () => {
  it('demo spend is marked demo and counts in neither the real ledger nor the daily budget', async () => {
    h.world.demo = true;
    h.world.session = 'run-1';
    h.settings.dailyBudgetCents = 100;
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('a free demo clip'), copies: 2 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed'),
      'both demo jobs',
    );
    const cost = h.sim.tasks().reduce((sum, t) => sum + t.costCents, 0);
    expect(engine.jobs().map((j) => j.demo)).toEqual([true, true]);
    expect(engine.ledger.totals(h.clock.now())).toMatchObject({
      todayCents: 0,
      totalCents: 0,
      demoCents: cost,
    });
  });

  it('a demo restart ends the earlier run’s demo jobs saying so, without "deleted elsewhere" or a real debit', async () => {
    h.world.demo = true;
    h.world.session = 'run-1';
    const first = h.startEngine();
    await first.handlers['jobs.submit']({ request: draft('demo before a restart'), copies: 1 });
    await h.advanceUntil(
      () => first.engine.jobs()[0]?.status === 'running',
      'running',
      60_000,
      250,
    );
    await first.engine.stop();
    h.world.session = 'run-2';
    const { engine } = h.startEngine();
    await h.until(() => engine.jobs()[0]?.status === 'failed', 'the old demo job ending');
    expect(engine.jobs()[0]?.error).toMatchObject({
      kind: 'demo',
      message: stringMatching(/demo restarted with Airframe.*Nothing was charged/),
    });
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(0);
  });

  it('a real job is not followed with the demo’s key while the demo is on, and finishes once it is off', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('real money'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'running', 'running', 60_000, 250);
    await engine.stop();
    h.world.demo = true;
    h.world.session = 'run-1';
    const during = h.startEngine().engine;
    const requests = h.sim.log.length;
    await h.advance(60_000);
    expect(h.sim.log.length).toBe(requests);
    expect(during.jobs()[0]?.status).toBe('running');
    await during.stop();
    h.world.demo = false;
    const after = h.startEngine().engine;
    await h.advanceUntil(() => after.jobs()[0]?.status === 'completed', 'completion');
    expect(after.ledger.totals(h.clock.now()).totalCents).toBe(h.sim.tasks()[0]!.costCents);
  });
});
