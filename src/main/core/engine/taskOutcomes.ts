import { isTerminal, RESULT_LIFETIME_MS, type VideoTask } from '../../../shared/api/schemas';
import { isOnServer, type JobError } from '../../../shared/jobs';
import type { ClipSource } from '../library/types';
import type { Clock, NotificationKind } from '../ports';
import type { JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';
import type { Ledger } from './ledger';

/** What turning a task's news into job state needs from the engine. */
export interface OutcomeHost {
  readonly repo: JobRepository;
  readonly ledger: Ledger;
  readonly clock: Clock;
  change(id: string, patch: Partial<JobRecord>): JobRecord;
  reportProgress(id: string, progress: number): void;
  completed(id: string): void;
  notify(kind: NotificationKind, id: string, extra?: { clipId?: string; reason?: string }): void;
  emitLedger(): void;
}

const msFromEpochSeconds = (value: number | undefined) =>
  value !== undefined ? value * 1000 : undefined;

/** The task is the job's: record it and its debit (once per task), then take in its status. */
export function adoptTask(
  host: OutcomeHost,
  id: string,
  task: VideoTask,
  costCents: number | null,
): void {
  const cost = costCents ?? host.repo.get(id)?.costCents ?? 0;
  host.ledger.debit(id, task.task_id, cost, host.clock.now(), host.repo.get(id)?.demo ?? false);
  host.change(id, {
    status: 'remote-queued',
    taskId: task.task_id,
    costCents: cost,
    check: null,
    looks: 0,
    lookAt: null,
    expiresAt: msFromEpochSeconds(task.expires_at) ?? null,
  });
  host.emitLedger();
  if (task.status !== 'queued') observeTask(host, id, task);
}

/** A status payload (stream event or poll) about the job's task. */
export function observeTask(host: OutcomeHost, id: string, task: VideoTask): void {
  const record = host.repo.get(id);
  if (!record || !isOnServer(record.status)) return;
  if (task.status === 'running') {
    if (record.status === 'remote-queued') {
      host.change(id, {
        status: 'running',
        startedAt: host.clock.now(),
        progress: task.progress ?? 0,
      });
    } else if (task.progress !== undefined && task.progress !== record.progress) {
      host.reportProgress(id, task.progress);
    }
    return;
  }
  if (!isTerminal(task.status)) return;
  if (task.status === 'completed') {
    host.change(id, {
      status: 'completed',
      progress: null,
      everCompleted: true,
      finishedAt: host.clock.now(),
      resultUrl: task.result_url ?? null,
      thumbnailUrl: task.thumbnail_url ?? null,
      expiresAt: msFromEpochSeconds(task.expires_at) ?? record.expiresAt,
      costCents: task.cost_cents ?? record.costCents,
    });
    bookFinal(host, id, task);
    return host.completed(id);
  }
  const expired = task.status === 'expired';
  const message =
    task.error?.message ?? (expired ? 'The task expired on the server.' : 'The task failed.');
  endJob(
    host,
    id,
    { kind: task.error?.type ?? task.status, message },
    task,
    expired ? 'expired' : 'failed',
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

/** Books a refund for the task's final state; true when one was booked. */
function bookFinal(host: OutcomeHost, id: string, task: VideoTask | null): boolean {
  const record = host.repo.get(id);
  if (!record?.taskId) return false;
  const debited = host.ledger.debitedCents(record.taskId);
  if (debited === null) return false;
  const cents = refundDue(debited, task, record.everCompleted);
  if (cents <= 0 || !host.ledger.refund(id, record.taskId, cents, host.clock.now())) return false;
  host.emitLedger();
  return true;
}

/**
 * Ends a job as failed or expired. `final` is the server's last word on the task (null when
 * it never reached the server, or gave none): it decides the refund.
 */
export function endJob(
  host: OutcomeHost,
  id: string,
  error: JobError,
  final: VideoTask | null,
  status: 'failed' | 'expired',
): void {
  const record = host.repo.get(id);
  if (!record) return;
  const refunded =
    record.taskId !== null && bookFinal(host, id, final ?? { task_id: record.taskId, status });
  host.change(id, {
    status,
    error,
    refunded: record.refunded || refunded,
    progress: null,
    finishedAt: host.clock.now(),
  });
  host.notify(status, id, { reason: error.message });
}

/** Ends a job that never made a task (bad input, a 400): nothing was paid. */
export function failJob(host: OutcomeHost, id: string, error: JobError): void {
  const record = host.repo.get(id);
  if (!record) return;
  host.change(id, { status: 'failed', error, progress: null, finishedAt: host.clock.now() });
  host.notify('failed', id, { reason: error.message });
}

/** What the library needs to save a finished job's clip; null before there is a result. */
export function clipSource(record: JobRecord, now: number): ClipSource | null {
  if (!record.taskId || !record.resultUrl) return null;
  return {
    jobId: record.id,
    taskId: record.taskId,
    request: record.request,
    costCents: record.costCents ?? 0,
    createdAt: record.createdAt,
    completedAt: record.finishedAt ?? now,
    expiresAt: record.expiresAt ?? now + RESULT_LIFETIME_MS,
    resultUrl: record.resultUrl,
    ...(record.thumbnailUrl ? { thumbnailUrl: record.thumbnailUrl } : {}),
  };
}
