import { describe, expect, it } from 'vitest';
import { JobStatus, type Job } from '../../../../shared/jobs';
import { makeJob } from '../../testSupport/fakeBackend';
import { applyChanged, applySnapshot, emptyTable, recount, type JobsTable } from './jobsState';

function tableOf(jobs: Job[]): JobsTable {
  const table = emptyTable();
  applySnapshot(table, jobs);
  return table;
}

/** What the incremental fields hold, in the recount's terms (held in any order). */
function kept(table: JobsTable) {
  return {
    counts: table.counts,
    sections: table.sections,
    held: [...table.held].sort(),
    waitingCents: table.waitingCents,
  };
}
function expected(table: JobsTable) {
  const fresh = recount(table);
  return { ...fresh, held: [...fresh.held].sort() };
}

describe('jobs state', () => {
  it('never lets an older copy of a job replace a newer one', () => {
    const table = emptyTable();
    applyChanged(table, {
      upserted: [makeJob('a', { status: 'running', progress: 40, updatedAt: 5 })],
      removed: [],
      order: ['a'],
    });
    applySnapshot(table, [
      makeJob('a', { status: 'running', progress: 30, updatedAt: 4 }),
      makeJob('b'),
    ]);
    expect(table.byId['a']?.progress).toBe(40);
    expect(table.order).toEqual(['a', 'b']);
    const touched = applyChanged(table, {
      upserted: [makeJob('a', { progress: 10, updatedAt: 3 })],
      removed: [],
      order: null,
    });
    expect(table.byId['a']?.progress).toBe(40);
    expect(touched.ids).toEqual([]);
  });

  it('removes, reorders and appends new jobs', () => {
    const removed = tableOf([makeJob('a'), makeJob('b'), makeJob('c')]);
    applyChanged(removed, { upserted: [], removed: ['b'], order: null });
    expect(removed.order).toEqual(['a', 'c']);
    expect(removed.sections.waiting).toEqual(['a', 'c']);
    const moved = tableOf([makeJob('a'), makeJob('b'), makeJob('c')]);
    applyChanged(moved, { upserted: [], removed: [], order: ['c', 'a', 'b'] });
    expect(moved.order).toEqual(['c', 'a', 'b']);
    expect(moved.sections.waiting).toEqual(['c', 'a', 'b']);
    const added = tableOf([makeJob('a'), makeJob('b'), makeJob('c')]);
    applyChanged(added, { upserted: [makeJob('d')], removed: [], order: null });
    expect(added.order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts jobs into sections in the engine order, and a progress update touches only its job', () => {
    const table = tableOf([
      makeJob('a', { status: 'saved' }),
      makeJob('b', { status: 'running', progress: 10, updatedAt: 1 }),
      makeJob('c', { updatedAt: 1 }),
      makeJob('d', { status: 'downloading' }),
    ]);
    expect(table.sections).toEqual({ running: ['b', 'd'], waiting: ['c'], ended: ['a'] });
    const { sections, counts } = table;
    const touched = applyChanged(table, {
      upserted: [makeJob('b', { status: 'running', progress: 50, updatedAt: 2 })],
      removed: [],
      order: null,
    });
    expect(touched).toEqual({
      ids: ['b'],
      chains: [],
      sections: false,
      counts: false,
      held: false,
    });
    expect(table.sections).toBe(sections);
    expect(table.counts).toBe(counts);
    applyChanged(table, {
      upserted: [makeJob('c', { status: 'submitting', updatedAt: 2 })],
      removed: [],
      order: null,
    });
    expect(table.sections).toEqual({ running: ['b', 'c', 'd'], waiting: [], ended: ['a'] });
  });

  it('adds up what the waiting jobs will cost', () => {
    const table = tableOf([
      makeJob('a', { costCents: 320 }),
      makeJob('b', { status: 'held', costCents: 100 }),
      makeJob('c', { status: 'running', costCents: 999 }),
      makeJob('d', { costCents: null }),
    ]);
    expect(table.waitingCents).toBe(420);
    expect(table.held).toEqual(['b']);
  });

  it('keeps counts, sections, held jobs and the waiting cost equal to a full recount through random changes', () => {
    // A small deterministic generator: the same sequences on every run.
    let seed = 17;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const statuses = JobStatus.options;
    for (let run = 0; run < 20; run++) {
      const table = emptyTable();
      let clock = 1;
      const ids = Array.from({ length: 12 }, (_, i) => `j${run}-${i}`);
      for (let step = 0; step < 150; step++) {
        const roll = random();
        const id = pick(ids);
        const job = () =>
          makeJob(id, {
            status: pick(statuses),
            holdReason: pick([null, 'budget', 'balance'] as const),
            costCents: pick([null, 100, 250]),
            // Retry chains form, grow and break as jobs come, change and go.
            retryOf: random() < 0.6 ? null : pick(ids),
            updatedAt: random() < 0.1 ? 0 : clock++,
          });
        if (roll < 0.6) applyChanged(table, { upserted: [job(), job()], removed: [], order: null });
        else if (roll < 0.75) applyChanged(table, { upserted: [], removed: [id], order: null });
        else if (roll < 0.9) {
          const order = [...ids].sort(() => random() - 0.5).slice(0, 10);
          applyChanged(table, { upserted: random() < 0.5 ? [job()] : [], removed: [], order });
        } else
          applySnapshot(
            table,
            ids.filter(() => random() < 0.5).map(() => job()),
          );
        expect(kept(table)).toEqual(expected(table));
        expect([...table.position.keys()].sort()).toEqual(Object.keys(table.byId).sort());
      }
    }
  });
});
