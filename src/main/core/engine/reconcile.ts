import { RESULT_LIFETIME_MS, type VideoTask } from '../../../shared/api/schemas';
import type { TaskCandidate } from '../../../shared/jobs';
import type { JobRecord } from './jobRecord';

/**
 * Server clocks and ours may differ, and `created` is not promised in the list (its time is
 * then read off `expires_at`, typically `created + 24 h`): this much slack either way.
 */
export const RECONCILE_SKEW_MS = 10 * 60_000;

/**
 * When to look for a lost create's task, counted from the attempt. The list is not promised
 * to show a task at once after it was created, so "not there" is believed only after
 * several looks over a minute.
 */
export const LOOK_SCHEDULE_MS: readonly number[] = [0, 5_000, 15_000, 30_000, 60_000];
/** An ambiguous job is looked at again this often (another job may claim a candidate). */
export const AMBIGUOUS_RELOOK_MS = 30_000;

/** When the server made the task, as far as the list tells (ms), or null. */
export function createdEstimate(task: VideoTask): number | null {
  if (task.created !== undefined) return task.created * 1000;
  if (task.expires_at !== undefined) return task.expires_at * 1000 - RESULT_LIFETIME_MS;
  return null;
}

export function toCandidate(task: VideoTask): TaskCandidate {
  return {
    taskId: task.task_id,
    model: task.model ?? null,
    status: task.status,
    createdAt: createdEstimate(task),
    costCents: task.cost_cents ?? null,
    durationSeconds: task.duration_seconds ?? null,
  };
}

/** Could this task be the one the job's lost create made? Every field the server echoes must agree. */
export function couldBe(record: JobRecord, task: VideoTask, now: number): boolean {
  const { request } = record;
  const since = (record.attemptAt ?? record.createdAt) - RECONCILE_SKEW_MS;
  const created = createdEstimate(task);
  const agrees = <T>(echoed: T | undefined, asked: T | undefined) =>
    echoed === undefined || echoed === asked;
  return (
    agrees(task.model, request.model) &&
    agrees(task.prompt, request.prompt) &&
    agrees(task.duration_seconds, request.durationSeconds) &&
    agrees(task.mode, request.mode) &&
    (task.seed === undefined || request.seed === undefined || task.seed === request.seed) &&
    (task.aspect_ratio === undefined ||
      request.aspectRatio === undefined ||
      task.aspect_ratio === request.aspectRatio) &&
    (task.quality === undefined ||
      request.quality === undefined ||
      task.quality === request.quality) &&
    (created === null || (created >= since && created <= now + RECONCILE_SKEW_MS))
  );
}

export type Verdict =
  | { kind: 'adopt'; task: VideoTask }
  | { kind: 'not-yet' }
  | { kind: 'ambiguous'; candidates: VideoTask[] };

/**
 * Decides what a lost create's task is, from one reading of the list. `lost` are all jobs
 * whose create outcome is unknown (this one included); `known` are task ids that belong to
 * a job or were set aside. A task is adopted only when nothing else could claim it: it is
 * the sole candidate and no other lost job could be its owner — or every job that competes
 * asked for exactly the same thing, so any pairing (oldest job, oldest task) is right.
 */
export function judge(
  record: JobRecord,
  lost: readonly JobRecord[],
  tasks: readonly VideoTask[],
  known: ReadonlySet<string>,
  now: number,
): Verdict {
  const free = tasks.filter((t) => !known.has(t.task_id));
  const mine = free.filter((t) => couldBe(record, t, now));
  if (mine.length === 0) return { kind: 'not-yet' };
  const rivals = lost.filter(
    (other) => other.id !== record.id && mine.some((t) => couldBe(other, t, now)),
  );
  if (rivals.length === 0 && mine.length === 1) return { kind: 'adopt', task: mine[0]! };
  const group = [record, ...rivals];
  if (mine.length <= group.length && group.every((r) => r.fingerprint === record.fingerprint)) {
    // Identical requests: which of them owns which task makes no difference to the user,
    // only that each task has one job. The oldest job takes the oldest task; a job whose
    // turn has no task yet waits for the list to show it.
    const jobs = [...group].sort(
      (a, b) => (a.attemptAt ?? 0) - (b.attemptAt ?? 0) || a.createdAt - b.createdAt,
    );
    const byAge = [...mine].sort((a, b) => (createdEstimate(a) ?? 0) - (createdEstimate(b) ?? 0));
    const task = byAge[jobs.findIndex((r) => r.id === record.id)];
    return task ? { kind: 'adopt', task } : { kind: 'not-yet' };
  }
  return { kind: 'ambiguous', candidates: mine };
}
