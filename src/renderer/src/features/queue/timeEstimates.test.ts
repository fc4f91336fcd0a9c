import { describe, expect, it } from 'vitest';
import { makeJob } from '../../testSupport/fakeBackend';
import { emptyLearnt, learn, timeLeft } from './timeEstimates';

const done = (id: string, ms: number, duration = 8) =>
  makeJob(
    id,
    { status: 'saved', startedAt: 10_000, finishedAt: 10_000 + ms },
    { durationSeconds: duration },
  );

describe('time left', () => {
  it('learns the generation time of each model and duration once per job', () => {
    let learnt = learn(emptyLearnt(), [done('a', 60_000), done('b', 40_000), done('c', 10_000, 5)]);
    expect(learnt.averages['wan-2.6|8']).toEqual({ ms: 50_000, n: 2 });
    expect(learnt.averages['wan-2.6|5']).toEqual({ ms: 10_000, n: 1 });
    const again = learn(learnt, [done('a', 60_000)]);
    expect(again).toBe(learnt);
    learnt = learn(learnt, [makeJob('r', { status: 'running', startedAt: 1 })]);
    expect(learnt.seen).toEqual(['a', 'b', 'c']);
  });

  it('says what is left from history, then from the job’s own progress', () => {
    const learnt = learn(emptyLearnt(), [done('a', 60_000)]);
    const running = makeJob('r', { status: 'running', startedAt: 100_000, progress: 20 });
    expect(timeLeft(running, 120_000, learnt)).toEqual({ ms: 40_000, basis: 'history' });
    // Slower than ever before: its own rate says 20 % in 80 s → 320 s to go.
    expect(timeLeft(running, 180_000, learnt)).toEqual({ ms: 320_000, basis: 'progress' });
    expect(timeLeft(running, 120_000, emptyLearnt())).toEqual({ ms: 80_000, basis: 'progress' });
    expect(timeLeft(makeJob('q'), 0, learnt)).toEqual({ ms: 60_000, basis: 'history' });
    expect(timeLeft(makeJob('q'), 0, emptyLearnt())).toBeNull();
  });
});
