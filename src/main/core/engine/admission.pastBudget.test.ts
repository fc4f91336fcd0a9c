import { describe, expect, it } from 'vitest';
import { admit } from './admission';
import { newRecord } from './jobRecord';

const request = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};
const queued = (id: string, costCents: number | null, pastBudget = false) => ({
  ...newRecord(id, request, 0, null),
  costCents,
  pastBudget,
});

/** Issue 14: a job the user released from a budget hold runs anyway, and its cost counts. */
describe('admit: jobs the user let run past the budget', () => {
  const limits = { concurrency: 4, dailyBudgetCents: 300, spentTodayCents: 250 };

  it('lets them through past the budget, of known cost or not', () => {
    const admission = admit([queued('a', 200, true), queued('b', null, true)], new Set(), limits);
    expect(admission).toEqual({ submit: ['a', 'b'], overBudget: [] });
  });

  it('counts their cost against the jobs behind them', () => {
    const admission = admit([queued('a', 200, true), queued('b', 150)], new Set(), {
      ...limits,
      spentTodayCents: 0,
    });
    expect(admission.submit).toEqual(['a']);
    expect(admission.overBudget.map((o) => o.id)).toEqual(['b']);
  });

  it('still needs a free slot', () => {
    const admission = admit([queued('a', 200, true)], new Set(), { ...limits, concurrency: 0 });
    expect(admission).toEqual({ submit: [], overBudget: [] });
  });
});
