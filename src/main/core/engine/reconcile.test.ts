import { describe, expect, it } from 'vitest';
import type { VideoTask } from '../../../shared/api/schemas';
import { newRecord, type JobRecord } from './jobRecord';
import { couldBe, createdEstimate, judge } from './reconcile';

const T = Date.UTC(2026, 10, 24, 9, 0, 0);

function lostJob(id: string, prompt: string, attemptAt = T, durationSeconds = 5): JobRecord {
  const record = newRecord(
    id,
    { model: 'wan-2.6', prompt, mode: 'text', durationSeconds, inputImages: [] },
    T - 60_000,
    null,
  );
  return { ...record, status: 'submitting', attemptAt };
}

/** A list item of the documented shape: no prompt, no created. */
function task(id: string, madeAt = T + 1_000, extra: Partial<VideoTask> = {}): VideoTask {
  return {
    task_id: id,
    status: 'running',
    model: 'wan-2.6',
    duration_seconds: 5,
    expires_at: Math.floor((madeAt + 86_400_000) / 1000),
    ...extra,
  };
}

describe('reconciling a lost create', () => {
  it('adopts the sole candidate when no other lost job could own it', () => {
    const job = lostJob('a', 'a harbour');
    expect(judge(job, [job], [task('t1')], new Set(), T + 5_000)).toEqual({
      kind: 'adopt',
      task: task('t1'),
    });
  });

  it('never takes a task that belongs to a job or was set aside', () => {
    const job = lostJob('a', 'a harbour');
    expect(judge(job, [job], [task('t1')], new Set(['t1']), T + 5_000)).toEqual({
      kind: 'not-yet',
    });
  });

  it('ignores tasks that disagree with what the server echoes: model, duration, prompt, or made long before the attempt', () => {
    const job = lostJob('a', 'a harbour');
    expect(couldBe(job, task('t', T, { model: 'kling-1' }), T)).toBe(false);
    expect(couldBe(job, task('t', T, { duration_seconds: 8 }), T)).toBe(false);
    expect(couldBe(job, task('t', T, { prompt: 'a forest' }), T)).toBe(false);
    expect(couldBe(job, task('t', T - 11 * 60_000), T)).toBe(false);
    expect(couldBe(job, task('t', T, { prompt: 'a harbour', seed: 3 }), T)).toBe(true);
  });

  it('reads the creation time from `expires_at` when the list has no `created`', () => {
    expect(createdEstimate(task('t', T))).toBe(
      Math.floor((T + 86_400_000) / 1000) * 1000 - 86_400_000,
    );
    expect(createdEstimate({ task_id: 't', status: 'queued', created: 1_700_000_000 })).toBe(
      1_700_000_000_000,
    );
    expect(createdEstimate({ task_id: 't', status: 'queued' })).toBeNull();
  });

  it('asks the user when two lost jobs with different prompts compete for the same tasks', () => {
    const a = lostJob('a', 'a harbour');
    const b = lostJob('b', 'a forest');
    const verdict = judge(a, [a, b], [task('t1'), task('t2')], new Set(), T + 5_000);
    expect(verdict).toMatchObject({
      kind: 'ambiguous',
      candidates: [{ task_id: 't1' }, { task_id: 't2' }],
    });
    // Even a sole candidate is not taken while another lost job could be its owner.
    expect(judge(a, [a, b], [task('t1')], new Set(), T + 5_000).kind).toBe('ambiguous');
  });

  it('pairs identical requests oldest with oldest, and lets a job whose task is not listed yet wait', () => {
    const a = lostJob('a', 'same', T);
    const b = lostJob('b', 'same', T + 100);
    const tasks = [task('late', T + 2_000), task('early', T + 1_000)];
    expect(judge(a, [a, b], tasks, new Set(), T + 5_000)).toMatchObject({
      kind: 'adopt',
      task: { task_id: 'early' },
    });
    expect(judge(b, [a, b], tasks, new Set(), T + 5_000)).toMatchObject({
      kind: 'adopt',
      task: { task_id: 'late' },
    });
    expect(judge(b, [a, b], [task('early', T + 1_000)], new Set(), T + 5_000)).toEqual({
      kind: 'not-yet',
    });
  });

  it('asks when a single job sees more candidates than it could own', () => {
    const job = lostJob('a', 'a harbour');
    expect(judge(job, [job], [task('t1'), task('t2')], new Set(), T + 5_000).kind).toBe(
      'ambiguous',
    );
  });
});
