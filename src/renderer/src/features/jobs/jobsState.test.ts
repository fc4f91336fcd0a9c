import { describe, expect, it } from 'vitest';
import { makeJob } from '../../testSupport/fakeBackend';
import { applyChanged, applySnapshot, emptyJobs, queuedCents } from './jobsState';

describe('jobs state', () => {
  it('never lets an older copy of a job replace a newer one', () => {
    const fromEvent = applyChanged(emptyJobs, {
      upserted: [makeJob('a', { status: 'running', progress: 40, updatedAt: 5 })],
      removed: [],
      order: ['a'],
    });
    const afterSnapshot = applySnapshot(fromEvent, [
      makeJob('a', { status: 'running', progress: 30, updatedAt: 4 }),
      makeJob('b'),
    ]);
    expect(afterSnapshot.byId['a']?.progress).toBe(40);
    expect(afterSnapshot.order).toEqual(['a', 'b']);
    const stale = applyChanged(afterSnapshot, {
      upserted: [makeJob('a', { progress: 10, updatedAt: 3 })],
      removed: [],
      order: null,
    });
    expect(stale.byId['a']?.progress).toBe(40);
  });

  it('removes, reorders and appends new jobs', () => {
    const start = applySnapshot(emptyJobs, [makeJob('a'), makeJob('b'), makeJob('c')]);
    expect(applyChanged(start, { upserted: [], removed: ['b'], order: null }).order).toEqual([
      'a',
      'c',
    ]);
    expect(
      applyChanged(start, { upserted: [], removed: [], order: ['c', 'a', 'b'] }).order,
    ).toEqual(['c', 'a', 'b']);
    expect(
      applyChanged(start, { upserted: [makeJob('d')], removed: [], order: null }).order,
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adds up what the waiting jobs will cost', () => {
    const data = applySnapshot(emptyJobs, [
      makeJob('a', { costCents: 320 }),
      makeJob('b', { status: 'held', costCents: 100 }),
      makeJob('c', { status: 'running', costCents: 999 }),
      makeJob('d', { costCents: null }),
    ]);
    expect(queuedCents(data)).toBe(420);
  });
});
