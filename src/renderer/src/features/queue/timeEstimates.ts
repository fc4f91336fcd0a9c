import type { Job } from '../../../../shared/jobs';
import { isBeingSaved, isWaiting } from '../../../../shared/jobStatus';

/**
 * How long generation takes, learnt from finished jobs of the same model and duration and
 * kept in localStorage (it outlives removed jobs), to say how much time is left.
 */
export interface Learnt {
  /** `${model}|${duration}` → average generation time in ms and how many jobs it rests on. */
  averages: Record<string, { ms: number; n: number }>;
  /** Jobs already counted (the newest few hundred). */
  seen: string[];
}

const KEY = 'airframe.generationTimes';
const MAX_SEEN = 500;
/** Later jobs weigh as much as the last ten: servers get faster or slower. */
const MAX_WEIGHT = 10;

export const keyOf = (job: {
  request: Pick<Job['request'], 'model' | 'durationSeconds'>;
}): string => `${job.request.model}|${job.request.durationSeconds}`;

export function emptyLearnt(): Learnt {
  return { averages: {}, seen: [] };
}

/** Generation time of a job that has finished generating, else null. */
export function generationMs(job: Job): number | null {
  if (job.startedAt === null || job.finishedAt === null) return null;
  if (!isBeingSaved(job.status) && job.status !== 'saved') return null;
  return job.finishedAt > job.startedAt ? job.finishedAt - job.startedAt : null;
}

/** Counts the finished jobs not seen before; returns the same object when nothing is new. */
export function learn(learnt: Learnt, jobs: readonly Job[]): Learnt {
  let next: Learnt | null = null;
  const seen = new Set(learnt.seen);
  for (const job of jobs) {
    const ms = generationMs(job);
    if (ms === null || seen.has(job.id)) continue;
    seen.add(job.id);
    next ??= { averages: { ...learnt.averages }, seen: [...learnt.seen] };
    const key = keyOf(job);
    const before = next.averages[key];
    const n = Math.min(MAX_WEIGHT, (before?.n ?? 0) + 1);
    next.averages[key] = { ms: before ? before.ms + (ms - before.ms) / n : ms, n };
    next.seen = [...next.seen, job.id].slice(-MAX_SEEN);
  }
  return next ?? learnt;
}

export interface TimeLeft {
  ms: number;
  basis: 'history' | 'progress';
}

/**
 * Time left for a job: the learnt average minus what has elapsed; when there is no history
 * (or the job is slower than usual), what its own progress rate says.
 */
export function timeLeft(job: Job, now: number, learnt: Learnt): TimeLeft | null {
  const average = learnt.averages[keyOf(job)]?.ms;
  if (isWaiting(job.status) || job.status === 'submitting' || job.status === 'remote-queued') {
    return average ? { ms: average, basis: 'history' } : null;
  }
  if (job.status !== 'running' || job.startedAt === null) return null;
  const elapsed = Math.max(0, now - job.startedAt);
  if (average && elapsed < average) return { ms: average - elapsed, basis: 'history' };
  const progress = job.progress ?? 0;
  if (progress >= 5 && progress < 100)
    return { ms: (elapsed * (100 - progress)) / progress, basis: 'progress' };
  return null;
}

export function loadLearnt(): Learnt {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Learnt | null;
    if (value && typeof value.averages === 'object' && Array.isArray(value.seen)) return value;
  } catch {
    // A damaged entry only costs the estimates.
  }
  return emptyLearnt();
}

export function saveLearnt(learnt: Learnt): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(learnt));
  } catch {
    // As above.
  }
}
