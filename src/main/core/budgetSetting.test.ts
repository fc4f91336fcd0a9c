import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/jobs';
import { startTestSimulator } from '../../../test/support/testSimulator';
import { draft } from '../../../test/support/engineHarness';
import { useSimulatorCores } from '../../../test/support/settingsCore';

/**
 * Issue 14, stumble 2: removing (or raising) the daily budget left the jobs it held held,
 * and the queue's banner went on blaming a budget that was no longer there. The assembled
 * core against the simulator over real HTTP.
 */
const startCore = useSimulatorCores('airframe-budget-');

async function realCore() {
  const sim = await startTestSimulator();
  const { core, call } = await startCore({ overrides: { apiBase: sim.apiBase } });
  await call('settings.setApiKey', { apiKey: sim.apiKey, sessionOnly: false });
  core.start();
  return { sim, core, call };
}

async function until(condition: () => boolean, what: string) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 5_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const statuses = (jobs: Job[]) => jobs.map((j) => `${j.status}:${j.holdReason ?? '-'}`);

describe('changing the daily budget (issue 14)', () => {
  it.each([
    ['removed', null],
    ['raised', 10_000],
  ] as const)('judges the held jobs again when the budget is %s', async (_how, budget) => {
    const { sim, core, call } = await realCore();
    await call('settings.update', { dailyBudgetCents: 1 });
    await call('jobs.submit', { request: draft('over a 1 ¢ budget'), copies: 2 });
    await until(() => core.engine.jobs().every((j) => j.status === 'held'), 'both held');
    expect(statuses(core.engine.jobs())).toEqual(['held:budget', 'held:budget']);

    await call('settings.update', { dailyBudgetCents: budget });
    await until(() => sim.tasks().length === 2, 'both submitted');
    expect(core.engine.jobs().some((j) => j.status === 'held')).toBe(false);
    // Judged by the budget, not waved through: no consent was given.
    expect(core.engine.repo.all().map((r) => r.pastBudget)).toEqual([false, false]);
  });

  it('a lowered budget holds them again', async () => {
    const { sim, core, call } = await realCore();
    await call('settings.update', { dailyBudgetCents: 2 });
    await call('jobs.submit', { request: draft('over a 2 ¢ budget'), copies: 1 });
    await until(() => core.engine.jobs()[0]?.status === 'held', 'held');
    await call('settings.update', { dailyBudgetCents: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses(core.engine.jobs())).toEqual(['held:budget']);
    expect(sim.tasks()).toHaveLength(0);
  });
});
