import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/jobs';
import { admitWithKeys, type KeySlots } from './admission';
import { newRecord } from './jobRecord';

/** Issue 18: the queue spread over several keys, each with its slots and its own budget. */
const request = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};
const job = (id: string, status: JobStatus, keyId: string | null = null) => ({
  ...newRecord(id, request, 0, null, null, keyId),
  status,
  costCents: 200,
});
const key = (id: string, patch: Partial<KeySlots> = {}): KeySlots => ({
  id,
  concurrency: 2,
  dailyBudgetCents: null,
  spentTodayCents: 0,
  ...patch,
});
const limits = { dailyBudgetCents: null, spentTodayCents: 0 };

describe('admitting jobs to several keys', () => {
  it('fills the first key’s free slots, then the next key’s, counting each key’s own', () => {
    const records = [
      job('r', 'running', 'a'),
      ...['1', '2', '3', '4'].map((id) => job(id, 'queued')),
    ];
    const admission = admitWithKeys(records, new Set(), { ...limits, keys: [key('a'), key('b')] });
    expect(admission.submit).toEqual(['1', '2', '3']);
    expect([...admission.keyFor]).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'b'],
    ]);
  });

  it('keeps a job on its key: one whose key is full or blocked waits, the jobs behind it go on', () => {
    const records = [job('p', 'queued', 'b'), job('q', 'queued')];
    const admission = admitWithKeys(records, new Set(), { ...limits, keys: [key('a')] });
    expect(admission.submit).toEqual(['q']);
    expect(admission.overBudget).toEqual([]);
  });

  it('passes a key whose own budget has no room, and holds a job no key has room for', () => {
    const keys = [
      key('a', { dailyBudgetCents: 300, spentTodayCents: 200 }),
      key('b', { concurrency: 1 }),
    ];
    const records = ['1', '2', '3'].map((id) => job(id, 'queued'));
    const admission = admitWithKeys(records, new Set(), { ...limits, keys });
    expect([...admission.keyFor]).toEqual([['1', 'b']]);
    expect(admission.overBudget).toEqual([
      { id: '2', message: 'It would pass today’s budget of its key.' },
      { id: '3', message: 'It would pass today’s budget of its key.' },
    ]);
  });
});
