import { isTerminal, RESULT_LIFETIME_MS, type VideoTask } from '../../../shared/api/schemas';
import { isOnServer, type JobError } from '../../../shared/jobs';
import type { ClipSource } from '../library/types';
import type { Facts, JobChange } from './jobChange';
import { english, type Translate } from '../i18n';
import type { JobRecord } from './jobRecord';

/*
 * What a task's news does to its job, as changes for the engine to apply (see JobChange).
 * Pure: each takes the job as it is now and the facts, and returns the changes in order.
 */

const msFromEpochSeconds = (value: number | undefined) =>
  value !== undefined ? value * 1000 : undefined;

/** The task is the job's: its debit (once per task), its id, then what its status says. */
export function adoption(
  record: JobRecord,
  task: VideoTask,
  costCents: number | null,
  facts: Facts,
): JobChange[] {
  const cost = costCents ?? record.costCents ?? 0;
  const patch = {
    status: 'remote-queued',
    taskId: task.task_id,
    costCents: cost,
    check: null,
    looks: 0,
    lookAt: null,
    expiresAt: msFromEpochSeconds(task.expires_at) ?? null,
  } as const;
  const adopted: JobChange = {
    id: record.id,
    debit: { taskId: task.task_id, cents: cost, demo: record.demo },
    patch,
  };
  if (task.status === 'queued') return [adopted];
  // A task adopted after a crash may already carry its debit: that is what the books hold.
  const debited = facts.debitedCents(task.task_id) ?? cost;
  return [
    adopted,
    ...observation({ ...record, ...patch }, task, { ...facts, debitedCents: () => debited }),
  ];
}

/** A status payload (stream event or poll) about the job's task. */
export function observation(record: JobRecord, task: VideoTask, facts: Facts): JobChange[] {
  const { id } = record;
  if (!isOnServer(record.status)) return [];
  if (task.status === 'running') {
    if (record.status === 'remote-queued') {
      return [
        { id, patch: { status: 'running', startedAt: facts.now, progress: task.progress ?? 0 } },
      ];
    }
    if (task.progress !== undefined && task.progress !== record.progress)
      return [{ id, progress: task.progress }];
    return [];
  }
  if (!isTerminal(task.status)) return [];
  if (task.status === 'completed') {
    const patch = {
      status: 'completed',
      progress: null,
      everCompleted: true,
      finishedAt: facts.now,
      resultUrl: task.result_url ?? null,
      thumbnailUrl: task.thumbnail_url ?? null,
      expiresAt: msFromEpochSeconds(task.expires_at) ?? record.expiresAt,
      costCents: task.cost_cents ?? record.costCents,
    } as const;
    const refund = refundFor({ ...record, ...patch }, task, facts);
    return [{ id, ...(refund ? { refund } : {}), patch, save: true }];
  }
  const expired = task.status === 'expired';
  const t = facts.t ?? english.t;
  const message = task.error?.message ?? t(expired ? 'job.expiredOnServer' : 'job.failedOnServer');
  return ending(
    record,
    { kind: task.error?.type ?? task.status, message },
    task,
    expired ? 'expired' : 'failed',
    facts,
  );
}

/**
 * The server's books decide: what is refunded is what was debited less the final task's
 * `cost_cents`. Only where the server never said (no `cost_cents` even on the final task)
 * does the documented rule stand in: failed and expired tasks are refunded, except a clip
 * that was delivered (completed) and purged later.
 */
export function refundDue(
  debitedCents: number,
  task: VideoTask | null,
  everCompleted: boolean,
): number {
  if (task?.cost_cents !== undefined) return Math.max(0, debitedCents - task.cost_cents);
  if (task?.status === 'completed') return 0;
  return task?.status === 'failed' || !everCompleted ? debitedCents : 0;
}

/** The refund the task's final state calls for, or null (nothing debited, nothing due). */
function refundFor(record: JobRecord, task: VideoTask | null, facts: Facts) {
  if (!record.taskId) return null;
  const debited = facts.debitedCents(record.taskId);
  if (debited === null) return null;
  const cents = refundDue(debited, task, record.everCompleted);
  return cents > 0 ? { taskId: record.taskId, cents } : null;
}

/**
 * Ends a job as failed or expired. `final` is the server's last word on the task (null when
 * it never reached the server, or gave none): it decides the refund.
 */
export function ending(
  record: JobRecord,
  error: JobError,
  final: VideoTask | null,
  status: 'failed' | 'expired',
  facts: Facts,
): JobChange[] {
  const refund =
    record.taskId !== null
      ? refundFor(record, final ?? { task_id: record.taskId, status }, facts)
      : null;
  return [
    {
      id: record.id,
      ...(refund ? { refund } : {}),
      patch: {
        status,
        error,
        refunded: record.refunded || refund !== null,
        progress: null,
        finishedAt: facts.now,
      },
      notify: { kind: status, reason: error.message },
    },
  ];
}

/** Ends a job that never made a task (bad input, a 400): nothing was paid. */
export function failure(record: JobRecord, error: JobError, now: number): JobChange[] {
  return [
    {
      id: record.id,
      patch: { status: 'failed', error, progress: null, finishedAt: now },
      notify: { kind: 'failed', reason: error.message },
    },
  ];
}

/**
 * A demo job from an earlier run: the demo simulator started afresh with the app, so its
 * task is gone. It ends saying so; it was never charged. No change: not such a job.
 */
export function oldDemoEnded(
  record: JobRecord,
  session: string | null,
  now: number,
  t: Translate = english.t,
): JobChange[] {
  if (!record.demo || record.demoSession === session) return [];
  return failure(record, { kind: 'demo', message: t('job.oldDemo') }, now);
}

/** What the library needs to save a finished job's clip; null before there is a result. */
export function clipSource(record: JobRecord, now: number): ClipSource | null {
  if (!record.taskId || !record.resultUrl) return null;
  return {
    jobId: record.id,
    taskId: record.taskId,
    ...(record.keyId ? { keyId: record.keyId } : {}),
    request: record.request,
    costCents: record.costCents ?? 0,
    createdAt: record.createdAt,
    completedAt: record.finishedAt ?? now,
    expiresAt: record.expiresAt ?? now + RESULT_LIFETIME_MS,
    resultUrl: record.resultUrl,
    ...(record.thumbnailUrl ? { thumbnailUrl: record.thumbnailUrl } : {}),
  };
}
