import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/jobs';
import { startTestSimulator } from '../../../test/support/testSimulator';
import { draft } from '../../../test/support/engineHarness';
import { useSimulatorCores } from '../../../test/support/settingsCore';
import { EventHub } from './eventHub';

/**
 * Issue 14, stumble 2: removing (or raising) the daily budget left the jobs it held held,
 * and the queue's banner went on blaming a budget that was no longer there. The assembled
 * core against the simulator over real HTTP.
 */
const startCore = useSimulatorCores('airframe-budget-');

async function realCore() {
  const sim = await startTestSimulator();
  const events = new EventHub();
  const { core, call } = await startCore({ overrides: { apiBase: sim.apiBase }, events });
  await call('settings.setApiKey', { apiKey: sim.apiKey, sessionOnly: false });
  core.start();
  /** Resolves once `condition` holds, looking again at each event the core sends. */
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      const stop = events.subscribe(() => {
        if (!condition()) return;
        stop();
        resolve();
      });
    });
  return { sim, core, call, until };
}

const statuses = (jobs: Job[]) => jobs.map((j) => `${j.status}:${j.holdReason ?? '-'}`);

describe('changing the daily budget (issue 14)', () => {
  it.each([
    ['removed', null],
    ['raised', 10_000],
  ] as const)('judges the held jobs again when the budget is %s', async (_how, budget) => {
    const { sim, core, call, until } = await realCore();
    await call('settings.update', { dailyBudgetCents: 1 });
    await call('jobs.submit', { request: draft('over a 1 ¢ budget'), copies: 2 });
    await until(() => core.engine.jobs().every((j) => j.status === 'held'));
    expect(statuses(core.engine.jobs())).toEqual(['held:budget', 'held:budget']);

    await call('settings.update', { dailyBudgetCents: budget });
    await until(() => sim.tasks().length === 2);
    expect(core.engine.jobs().some((j) => j.status === 'held')).toBe(false);
    // Judged by the budget, not waved through: no consent was given.
    expect(core.engine.repo.all().map((r) => r.pastBudget)).toEqual([false, false]);
  });

  it('a lowered budget holds them again', async () => {
    const { sim, core, call, until } = await realCore();
    await call('settings.update', { dailyBudgetCents: 2 });
    await call('jobs.submit', { request: draft('over a 2 ¢ budget'), copies: 1 });
    await until(() => core.engine.jobs()[0]?.status === 'held');
    await call('settings.update', { dailyBudgetCents: 1 });
    expect(statuses(core.engine.jobs())).toEqual(['held:budget']);
    // The user's "run it anyway" comes after anything the lowered budget set off: only a job
    // still held takes the consent, so a job let through by the lowering ends up without it.
    await call('jobs.release', {});
    await until(() => sim.tasks().length > 0);
    expect(sim.tasks()).toHaveLength(1);
    expect(core.engine.repo.all().map((r) => r.pastBudget)).toEqual([true]);
  });
});
