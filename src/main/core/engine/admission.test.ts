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

  it('stops at the concurrency limit exactly, and submits nothing when the slots are full', () => {
    const queued = [job('a', 'queued'), job('b', 'queued'), job('c', 'queued')];
    expect(admit(queued, new Set(), { ...limits, concurrency: 2 }).submit).toEqual(['a', 'b']);
    const full = [job('r', 'running'), job('s', 'remote-queued'), ...queued];
    expect(admit(full, new Set(), { ...limits, concurrency: 2 })).toEqual({
      submit: [],
      overBudget: [],
    });
  });

  it('counts what it admits against the budget, lets a job that reaches it exactly through, and says why it holds', () => {
    const records = [
      job('a', 'queued', 300),
      job('b', 'queued', 300),
      job('c', 'queued', 200),
      job('d', 'queued', null),
    ];
    const admission = admit(records, new Set(), {
      ...limits,
      dailyBudgetCents: 700,
      spentTodayCents: 100,
    });
    expect(admission).toEqual({
      submit: ['a', 'b'],
      overBudget: [
        { id: 'c', message: 'It would pass today’s budget.' },
        { id: 'd', message: 'Its cost is unknown, and a daily budget is set.' },
      ],
    });
  });

  it('without a budget, submits a job of unknown cost', () => {
    expect(admit([job('a', 'queued', null)], new Set(), limits).submit).toEqual(['a']);
  });
});
