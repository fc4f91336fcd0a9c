import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

/**
 * Issue 14, stumble 2: a job held by the daily budget could not be released — `release`
 * put it back in line and the next look at the queue held it again.
 */
describe('releasing a job the daily budget held (issue 14)', () => {
  /** Two jobs against a budget with room for one: the second is held. */
  async function oneHeld() {
    h.settings.dailyBudgetCents = 300;
    const started = h.startEngine();
    const { engine, handlers } = started;
    await handlers['jobs.submit']({ request: draft('within budget'), copies: 2 });
    await h.until(() => engine.jobs()[1]?.status === 'held', 'the second job held');
    await h.until(() => engine.jobs()[0]?.taskId != null, 'the first job submitted');
    expect(engine.jobs()[1]).toMatchObject({ holdReason: 'budget' });
    return { ...started, heldId: engine.jobs()[1]!.id };
  }

  it('runs it anyway, past today’s budget, when the user releases it', async () => {
    const { engine, handlers, heldId } = await oneHeld();
    await handlers['jobs.release']({ ids: [heldId] });
    await h.until(() => h.sim.tasks().length === 2, 'the released job submitted');
    expect(engine.repo.get(heldId)).toMatchObject({ holdReason: null, pastBudget: true });
    expect(engine.jobs().map((j) => j.status)).not.toContain('held');
  });

  it('keeps that consent across a restart', async () => {
    const { engine, handlers, heldId } = await oneHeld();
    await handlers['jobs.pause']({});
    await handlers['jobs.release']({ ids: [heldId] });
    expect(engine.repo.get(heldId)?.status).toBe('queued');
    await engine.stop();

    const restarted = h.startEngine();
    await restarted.handlers['jobs.resume']({});
    await h.until(() => h.sim.tasks().length === 2, 'the released job submitted after a restart');
    expect(restarted.engine.repo.get(heldId)).toMatchObject({ pastBudget: true });
    expect(restarted.engine.jobs().some((j) => j.status === 'held')).toBe(false);
  });

  it('releasing one job is no consent for the others the budget holds', async () => {
    h.settings.dailyBudgetCents = 300;
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('within budget'), copies: 3 });
    await h.until(
      () => engine.jobs().filter((j) => j.status === 'held').length === 2,
      'two jobs held',
    );
    const [, second, third] = engine.jobs();
    await handlers['jobs.release']({ ids: [second!.id] });
    await h.until(() => h.sim.tasks().length === 2, 'the released job submitted');
    expect(engine.repo.get(third!.id)).toMatchObject({
      status: 'held',
      holdReason: 'budget',
      pastBudget: false,
    });
  });

  it('an edit withdraws the consent: the new request is judged by the budget again', async () => {
    const { engine, handlers, heldId } = await oneHeld();
    await handlers['jobs.pause']({});
    await handlers['jobs.release']({ ids: [heldId] });
    await handlers['jobs.edit']({ id: heldId, request: draft('longer', { durationSeconds: 10 }) });
    expect(engine.repo.get(heldId)).toMatchObject({ pastBudget: false });
    await handlers['jobs.resume']({});
    await h.until(() => engine.repo.get(heldId)?.status === 'held', 'the edited job held again');
    expect(h.sim.tasks()).toHaveLength(1);
  });
});
