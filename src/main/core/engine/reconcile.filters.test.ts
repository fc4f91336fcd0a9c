import { describe, expect, it } from 'vitest';
import type { VideoTask } from '../../../shared/api/schemas';
import { newRecord, type JobRecord } from './jobRecord';
import { couldBe, judge, RECONCILE_SKEW_MS, toCandidate } from './reconcile';

const T = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;

function lostJob(id: string, change: Partial<JobRecord> = {}, extra = {}): JobRecord {
  const record = newRecord(
    id,
    {
      model: 'wan-2.6',
      prompt: 'a harbour',
      mode: 'text',
      durationSeconds: 5,
      inputImages: [],
      ...extra,
    },
    T - MIN,
    null,
  );
  return { ...record, status: 'submitting', attemptAt: T, ...change };
}

/** A list item with `created` (seconds), as some servers send it. */
const task = (id: string, madeAt: number, extra: Partial<VideoTask> = {}): VideoTask => ({
  task_id: id,
  status: 'running',
  model: 'wan-2.6',
  duration_seconds: 5,
  created: madeAt / 1000,
  ...extra,
});

describe('which tasks could be a lost create’s', () => {
  it('allows ten minutes of clock skew either way around the attempt, and no more', () => {
    const job = lostJob('a');
    expect(RECONCILE_SKEW_MS).toBe(10 * MIN);
    expect(couldBe(job, task('t', T - 9 * MIN), T)).toBe(true);
    expect(couldBe(job, task('t', T - 10 * MIN), T)).toBe(true);
    expect(couldBe(job, task('t', T - 10 * MIN - 1_000), T)).toBe(false);
    expect(couldBe(job, task('t', T + 10 * MIN), T)).toBe(true);
    expect(couldBe(job, task('t', T + 10 * MIN + 1_000), T)).toBe(false);
  });

  it('counts from the attempt, not from when the job was queued; from its creation when no attempt is known', () => {
    const queuedLongAgo = lostJob('a', { createdAt: T - 60 * MIN, attemptAt: T });
    expect(couldBe(queuedLongAgo, task('t', T - 30 * MIN), T)).toBe(false);
    const noAttempt = lostJob('b', { createdAt: T - 60 * MIN, attemptAt: null });
    expect(couldBe(noAttempt, task('t', T - 55 * MIN), T)).toBe(true);
    expect(couldBe(noAttempt, task('t', T - 71 * MIN), T)).toBe(false);
  });

  it('takes a task whose list entry gives no time at all', () => {
    const { created: _c, ...timeless } = task('t', T);
    expect(couldBe(lostJob('a'), timeless, T)).toBe(true);
  });

  it('refuses a task whose echoed mode, seed, ratio or quality differ; a field only one side has does not count', () => {
    const job = lostJob('a', {}, { seed: 7, aspectRatio: '16:9', quality: '720p' });
    expect(couldBe(job, task('t', T, { mode: 'image' }), T)).toBe(false);
    expect(couldBe(job, task('t', T, { seed: 8 }), T)).toBe(false);
    expect(couldBe(job, task('t', T, { aspect_ratio: '9:16' }), T)).toBe(false);
    expect(couldBe(job, task('t', T, { quality: '1080p' }), T)).toBe(false);
    expect(couldBe(job, task('t', T), T)).toBe(true);
    const echoed = { mode: 'text', seed: 7, aspect_ratio: '16:9', quality: '720p' } as const;
    expect(couldBe(job, task('t', T, echoed), T)).toBe(true);
    const plain = lostJob('b');
    expect(
      couldBe(plain, task('t', T, { seed: 8, aspect_ratio: '9:16', quality: '1080p' }), T),
    ).toBe(true);
  });

  it('shows a candidate with what the list says, and null for what it does not', () => {
    expect(toCandidate(task('t', T, { cost_cents: 200 }))).toEqual({
      taskId: 't',
      model: 'wan-2.6',
      status: 'running',
      createdAt: T,
      costCents: 200,
      durationSeconds: 5,
    });
    expect(toCandidate({ task_id: 'u', status: 'queued' })).toEqual({
      taskId: 'u',
      model: null,
      status: 'queued',
      createdAt: null,
      costCents: null,
      durationSeconds: null,
    });
  });
});

describe('judging a lost create', () => {
  it('a rival that could not own the task does not stop the adoption', () => {
    const a = lostJob('a');
    const other = lostJob('b', {}, { model: 'kling-1' });
    expect(judge(a, [a, other], [task('t1', T)], new Set(), T)).toEqual({
      kind: 'adopt',
      task: task('t1', T),
    });
  });

  it('identical requests attempted at the same moment pair by when they were queued', () => {
    const first = lostJob('a', { createdAt: T - 2 * MIN });
    const second = lostJob('b', { createdAt: T - MIN });
    const tasks = [task('newer', T + 2_000), task('older', T + 1_000)];
    expect(judge(second, [second, first], tasks, new Set(), T)).toMatchObject({
      kind: 'adopt',
      task: { task_id: 'newer' },
    });
    expect(judge(first, [second, first], tasks, new Set(), T)).toMatchObject({
      kind: 'adopt',
      task: { task_id: 'older' },
    });
  });

  it('identical requests with more candidates than jobs are left to the user', () => {
    const a = lostJob('a');
    const b = lostJob('b', { attemptAt: T + 100 });
    const tasks = [task('t1', T), task('t2', T), task('t3', T)];
    expect(judge(a, [a, b], tasks, new Set(), T)).toMatchObject({ kind: 'ambiguous' });
    const two = [task('t1', T), task('t2', T)];
    expect(judge(a, [a, b], two, new Set(), T).kind).toBe('adopt');
  });

  it('adopts the one task that agrees with the job, whatever else the list holds', () => {
    const job = lostJob('a');
    const tasks = [
      task('other-model', T, { model: 'kling-1' }),
      task('other-prompt', T, { prompt: 'a forest' }),
      task('too-old', T - 30 * MIN),
      task('mine', T),
    ];
    expect(judge(job, [job], tasks, new Set(), T)).toEqual({
      kind: 'adopt',
      task: task('mine', T),
    });
  });

  it('a twin that could own only some of the candidates still takes part in the pairing', () => {
    const first = lostJob('a');
    const later = lostJob('b', { attemptAt: T + 15 * MIN });
    // `early` is too old for the later twin; `recent` could be either's.
    const tasks = [task('early', T - 5 * MIN), task('recent', T + 6 * MIN)];
    expect(judge(first, [first, later], tasks, new Set(), T + 7 * MIN)).toMatchObject({
      kind: 'adopt',
      task: { task_id: 'early' },
    });
  });
});
