import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/jobs';
import { admit } from './admission';
import { newRecord } from './jobRecord';

const request = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};
const job = (id: string, status: JobStatus, costCents: number | null = 200) => ({
  ...newRecord(id, request, 0, null),
  status,
  costCents,
});
const limits = { concurrency: 4, dailyBudgetCents: null, spentTodayCents: 0 };

describe('admit', () => {
  it('fills the free slots in queue order, counting jobs already holding one', () => {
    const records = [
      job('a', 'running'),
      job('b', 'submitting'),
      job('c', 'queued'),
      job('d', 'held'),
      job('e', 'queued'),
      job('f', 'queued'),
    ];
    expect(admit(records, new Set(), limits).submit).toEqual(['c', 'e']);
  });

  it('skips a job already being worked on', () => {
    expect(
      admit([job('a', 'queued'), job('b', 'queued')], new Set(['a']), { ...limits, concurrency: 1 })
        .submit,
    ).toEqual(['b']);
  });

  it('holds what would pass the daily budget, and lets cheaper jobs behind it through', () => {
    const records = [
      job('a', 'queued', 300),
      job('b', 'queued', 500),
      job('c', 'queued', 100),
      job('d', 'queued', null),
    ];
    const admission = admit(records, new Set(), {
      ...limits,
      dailyBudgetCents: 600,
      spentTodayCents: 200,
    });
    expect(admission.submit).toEqual(['a', 'c']);
    expect(admission.overBudget.map((o) => o.id)).toEqual(['b', 'd']);
    expect(admission.overBudget[1]?.message).toMatch(/unknown/);
  });
});
