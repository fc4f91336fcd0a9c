import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../shared/jobs';
import { makeJob } from '../../testSupport/fakeBackend';
import { chainHead, earlierAttempts } from './jobChains';
import { applyChanged, applySnapshot, emptyTable, recount, type JobsTable } from './jobsState';

const failed = (id: string, change: Partial<Job> = {}) =>
  makeJob(id, {
    status: 'failed',
    taskId: `task-${id}`,
    refunded: true,
    error: { kind: 'server', message: 'The server failed.' },
    updatedAt: 1,
    ...change,
  });

/** a → a2 → a3: two failed attempts and the one waiting; b and c on their own around them. */
function chainOfThree(): JobsTable {
  const table = emptyTable();
  applySnapshot(table, [
    failed('a'),
    makeJob('b', { status: 'running', updatedAt: 1 }),
    failed('a2', { retryOf: 'a' }),
    makeJob('c', { status: 'saved', updatedAt: 1 }),
    makeJob('a3', { retryOf: 'a2', updatedAt: 1 }),
  ]);
  return table;
}

const upsert = (table: JobsTable, ...jobs: Job[]) =>
  applyChanged(table, { upserted: jobs, removed: [], order: null });

describe('retry chains in the jobs state', () => {
  it('shows a chain of three attempts once, as its newest, in the engine order', () => {
    const table = chainOfThree();
    expect(table.sections).toEqual({ running: ['b'], waiting: ['a3'], ended: ['c'] });
    expect(table.counts.failed).toBe(0);
    expect(table.counts.queued).toBe(1);
    expect(Object.values(table.counts).reduce((a, b) => a + b)).toBe(3);
    expect(table.order).toEqual(['a', 'b', 'a2', 'c', 'a3']);
    expect(earlierAttempts(table, 'a3').map((j) => j.id)).toEqual(['a2', 'a']);
    expect(chainHead(table, 'a')).toBe('a3');
    expect(chainHead(table, 'a2')).toBe('a3');
    expect(chainHead(table, 'b')).toBe('b');
    // The waiting cost is the engine's: every waiting job's, row or not.
    expect(table.waitingCents).toBe(320);
  });

  it('folds a failed job into its retry as the retry arrives, and ends the chain in its place', () => {
    const table = emptyTable();
    applySnapshot(table, [failed('a'), makeJob('b', { status: 'saved', updatedAt: 1 })]);
    expect(table.sections.ended).toEqual(['a', 'b']);
    const touched = upsert(table, makeJob('a2', { retryOf: 'a', updatedAt: 2 }));
    expect(table.sections).toEqual({ running: [], waiting: ['a2'], ended: ['b'] });
    expect(touched.sections && touched.counts).toBe(true);
    upsert(table, failed('a2', { retryOf: 'a', updatedAt: 3 }));
    // The chain is ended where its newest attempt stands: after b.
    expect(table.sections).toEqual({ running: [], waiting: [], ended: ['b', 'a2'] });
    expect(table.counts.failed).toBe(1);
    expect(recount(table).counts).toEqual(table.counts);
  });

  it('touches only the chain when an earlier attempt changes: no section or count is rebuilt', () => {
    const table = chainOfThree();
    const { sections, counts } = table;
    const touched = upsert(table, failed('a', { refunded: false, updatedAt: 2 }));
    expect(touched).toEqual({
      ids: ['a'],
      chains: ['a3'],
      sections: false,
      counts: false,
      held: false,
    });
    expect(table.sections).toBe(sections);
    expect(table.counts).toBe(counts);
    // The newest attempt's progress touches its own row alone, as any job's does.
    const progress = upsert(table, makeJob('a3', { retryOf: 'a2', updatedAt: 2, progress: 5 }));
    expect(progress).toEqual({
      ids: ['a3'],
      chains: [],
      sections: false,
      counts: false,
      held: false,
    });
    expect(table.sections).toBe(sections);
  });

  it('gives the row back to the earlier attempt when the newest leaves, and counts it again', () => {
    const table = chainOfThree();
    const touched = applyChanged(table, { upserted: [], removed: ['a3'], order: null });
    expect(table.sections).toEqual({ running: ['b'], waiting: [], ended: ['a2', 'c'] });
    expect(touched.chains).toEqual(['a2']);
    expect(chainHead(table, 'a')).toBe('a2');
    // An earlier attempt cleared away shortens the chain and redraws its row.
    const cleared = applyChanged(table, { upserted: [], removed: ['a'], order: null });
    expect(cleared.chains).toEqual(['a2']);
    expect(earlierAttempts(table, 'a2')).toEqual([]);
    expect(table.sections.ended).toEqual(['a2', 'c']);
    expect(recount(table).counts).toEqual(table.counts);
  });

  it('keeps a retry that arrives before the job it retries as the row', () => {
    const table = emptyTable();
    upsert(table, makeJob('a2', { retryOf: 'a', updatedAt: 1 }));
    const touched = upsert(table, failed('a'));
    expect(table.sections).toEqual({ running: [], waiting: ['a2'], ended: [] });
    expect(touched.chains).toEqual(['a2']);
    expect(table.counts.failed).toBe(0);
    // A reorder lists rows only.
    applyChanged(table, { upserted: [], removed: [], order: ['a', 'a2'] });
    expect(table.sections).toEqual({ running: [], waiting: ['a2'], ended: [] });
  });
});
