import { describe, expect, it } from 'vitest';
import { makeBatch, makeJob } from '../../testSupport/fakeBackend';
import { batchState, batchTimeLeft, unfinishedByBatch } from './batchEstimates';
import type { Learnt } from './timeEstimates';

const minute: Learnt = { averages: { 'wan-2.6|8': { ms: 60_000, n: 3 } }, seen: [] };
const waiting = (id: string, durationSeconds = 8) => makeJob(id, {}, { durationSeconds });

describe('a batch’s time left', () => {
  it('shares its jobs’ learnt times over the concurrency', () => {
    const jobs = Array.from({ length: 8 }, (_, i) => waiting(`w${i}`));
    expect(batchTimeLeft(jobs, 0, minute, 4)).toBe(120_000);
    expect(batchTimeLeft(jobs, 0, minute, 1)).toBe(480_000);
  });

  it('is never less than its longest job, and counts what a running job has left', () => {
    const running = makeJob('r', { status: 'running', startedAt: 0 });
    expect(batchTimeLeft([running], 20_000, minute, 4)).toBe(40_000);
    expect(batchTimeLeft([running, waiting('w')], 20_000, minute, 4)).toBe(60_000);
  });

  it('counts a job with nothing learnt at the mean of the others, and a download as done', () => {
    const jobs = [waiting('a'), waiting('b'), waiting('c', 5), waiting('d', 5)];
    expect(batchTimeLeft(jobs, 0, minute, 1)).toBe(240_000);
    const downloading = makeJob('dl', { status: 'downloading', startedAt: 0, finishedAt: 1 });
    expect(batchTimeLeft([waiting('a'), downloading], 0, minute, 1)).toBe(60_000);
  });

  it('says nothing when no job has a time', () => {
    expect(batchTimeLeft([waiting('a', 5)], 0, minute, 4)).toBeNull();
    expect(batchTimeLeft([], 0, minute, 4)).toBeNull();
  });

  it('groups the unfinished jobs by batch, leaving out jobs of none', () => {
    const of = (id: string, batch: string | null) =>
      makeJob(id, { batch: batch ? { id: batch, name: batch, index: 1, size: 2 } : null });
    const jobs = new Map(
      [of('a', 'b1'), of('b', 'b2'), of('c', null), of('d', 'b1')].map((j) => [j.id, j]),
    );
    const groups = unfinishedByBatch(['a', 'b', 'c', 'd', 'gone'], (id) => jobs.get(id));
    expect([...groups].map(([id, list]) => [id, list.map((j) => j.id)])).toEqual([
      ['b1', ['a', 'd']],
      ['b2', ['b']],
    ]);
  });
});

describe('a batch’s state', () => {
  it('is stopped by its failure before paused, done when nothing is left, else running', () => {
    expect(batchState(makeBatch('b', { paused: true, stoppedBy: 'j1' }))).toEqual({
      kind: 'stopped',
      jobId: 'j1',
    });
    expect(batchState(makeBatch('b', { paused: true }))).toEqual({ kind: 'paused' });
    expect(batchState(makeBatch('b', { paused: true }, { waiting: 0, saved: 10 }))).toEqual({
      kind: 'done',
    });
    expect(batchState(makeBatch('b', {}, { waiting: 0, running: 1 }))).toEqual({
      kind: 'running',
    });
  });
});
