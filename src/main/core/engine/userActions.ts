import type { VideoTask } from '../../../shared/api/schemas';
import { UserError } from '../../../shared/contract/result';
import {
  canRetry,
  isBeingSaved,
  isOnServer,
  isPaidNotSaved,
  isWaiting,
  type Job,
  type JobRequest,
} from '../../../shared/jobs';
import { addJobs, type NewJob } from './addJobs';
import { batchActions, type BatchHost } from './batchActions';
import type { Clock } from '../ports';
import type { CreateTracker } from './createTracker';
import { fingerprint, toView, type JobRecord } from './jobRecord';
import type { JobRepository, MoveTarget } from './jobRepository';
import type { UnclaimedTasks } from './unclaimedTasks';
import { consentPastBudget, rejudgeBudgetHolds } from './budgetHolds';
import { backInLine, type Facts, type JobChange } from './jobChange';
import { adoption } from './taskOutcomes';
import { english, type Translate } from '../i18n';
import { serverCanceller, type ServerCancelHost } from './serverCancel';

/**
 * What users ask of the queue. Each checks a job's state and changes it in one synchronous
 * step — no `await` between — so nothing the engine does in the meantime (a submission
 * starting, a reconcile deciding) can be undone by a command that looked a moment earlier.
 * The one that must wait for the server, cancelling a job whose task is there, holds the
 * job's work meanwhile and looks again after each wait (see serverCancel).
 */
export interface ActionHost extends BatchHost, ServerCancelHost {
  readonly repo: JobRepository;
  readonly clock: Clock;
  readonly creates: CreateTracker;
  readonly unclaimed: UnclaimedTasks;
  change(id: string, patch: Partial<JobRecord>): JobRecord;
  apply(...changes: JobChange[]): void;
  facts(): Facts;
  emitJobs(ids: readonly string[], order?: boolean): void;
  emitState(): void;
  pump(): void;
}

/** The queue's commands, bound to the engine: `engine.queue.edit(…)`. */
export function queueActions(host: ActionHost) {
  const cancelOnServer = serverCanceller(host);
  return {
    add: (requests: NewJob[]) => addJobs(host, requests),
    edit: (id: string, request: JobRequest, costCents: number | null) =>
      editJob(host, id, request, costCents),
    move: (id: string, to: MoveTarget) => moveJob(host, id, to),
    /** A job on the server is cancelled only with `deleteOnServer`: its task is deleted, unrefunded. */
    cancel: (id: string, deleteOnServer = false): Job | Promise<Job> => {
      const record = find(host, id);
      // Never deleted: a clip being saved is the user's, paid for and delivered.
      if (isBeingSaved(record.status))
        throw new UserError('conflict', textOf(host)('queue.cancelBeingSaved'));
      if (!isOnServer(record.status)) return cancelJob(host, record);
      if (!deleteOnServer) throw new UserError('conflict', textOf(host)('queue.onServerCancel'));
      return cancelOnServer(record);
    },
    retry: (id: string) => retryJob(host, id),
    /** A key was removed: the jobs waiting for it go to any key instead of waiting forever. */
    unbindKey: (keyId: string) => unbindKey(host, keyId),
    remove: (id: string) => removeJob(host, id),
    /** Ended jobs leave the queue for the history; returns how many. */
    clearFinished: () => clearFinished(host),
    resolve: (id: string, taskId: string | null) => resolveJob(host, id, taskId),
    /** Before `engine.release`: budget-held jobs the user releases run past the budget. */
    runPastBudget: (ids?: readonly string[]) => consentPastBudget(host, ids),
    /** The daily budget setting changed: the jobs it held are judged again. */
    budgetChanged: () => rejudgeBudgetHolds(host),
    /** An unclaimed task the user set aside, or that the library imported. */
    dismissUnclaimed: (taskId: string) => {
      host.unclaimed.dismiss(taskId);
      host.emitState();
    },
    /** The same for a whole batch: `engine.queue.batches.pause(…)`. */
    batches: batchActions(host),
  };
}

/** A refusal's wording, in main's language (English where the host has none). */
const textOf = (host: ActionHost): Translate => host.facts().t ?? english.t;

function find(host: ActionHost, id: string): JobRecord {
  const record = host.repo.get(id);
  if (!record) throw new UserError('not-found', textOf(host)('queue.jobGone'));
  return record;
}

function editJob(host: ActionHost, id: string, request: JobRequest, costCents: number | null): Job {
  const record = find(host, id);
  if (!isWaiting(record.status))
    throw new UserError('conflict', textOf(host)('queue.submittedMeanwhile'));
  const release =
    record.status === 'held' ? { status: 'queued' as const, holdReason: null, error: null } : {};
  const updated = host.change(id, {
    request,
    costCents,
    fingerprint: fingerprint(request),
    // Consent to pass the budget was given for the request as it was, not this one.
    pastBudget: false,
    ...release,
  });
  host.pump();
  return toView(updated);
}

function moveJob(host: ActionHost, id: string, to: MoveTarget): boolean {
  find(host, id);
  if (!host.repo.move(id, to)) return false;
  host.emitJobs([], true);
  return true;
}

function cancelJob(host: ActionHost, record: JobRecord): Job {
  if (!isWaiting(record.status)) {
    throw new UserError('conflict', textOf(host)('queue.cannotCancel'));
  }
  return toView(host.change(record.id, { status: 'cancelled', finishedAt: host.clock.now() }));
}

function retryJob(host: ActionHost, id: string): Job {
  const record = find(host, id);
  if (!canRetry(record.status)) {
    throw new UserError('conflict', textOf(host)('queue.cannotRetry'));
  }
  // A retry keeps the job's place in its batch.
  const { request, costCents, batch } = record;
  const keyId = record.pinned ? record.keyId : null;
  const [retry] = addJobs(host, [{ request, costCents, retryOf: record.id, batch, keyId }]);
  return retry!;
}

function unbindKey(host: ActionHost, keyId: string): void {
  const waiting = host.repo.all().filter((r) => isWaiting(r.status) && r.keyId === keyId);
  for (const { id } of waiting) host.change(id, { keyId: null, pinned: false });
  if (waiting.length > 0) host.pump();
}

function removeJob(host: ActionHost, id: string): void {
  const record = find(host, id);
  if (isPaidNotSaved(record.status)) {
    throw new UserError('conflict', textOf(host)('queue.cannotRemove'));
  }
  host.repo.remove(id);
  // Its task stays in the server's history: it must never look like a lost create's.
  if (record.taskId) host.unclaimed.dismiss(record.taskId);
  host.emitJobs([id], true);
}

function clearFinished(host: ActionHost): number {
  const cleared = host.repo.clearEnded(host.clock.now());
  // Announced as removed: their order among the rest is unchanged.
  if (cleared.length > 0) host.emitJobs(cleared);
  return cleared.length;
}

/**
 * The user's answer for a job the engine could not pin: this candidate is its task, or
 * (null) the server made none and it may be sent again — the user's explicit choice.
 */
function resolveJob(host: ActionHost, id: string, taskId: string | null): Job {
  const record = find(host, id);
  if (record.status !== 'submitting' || record.check === null || host.creates.has(id)) {
    throw new UserError('conflict', textOf(host)('queue.notWaiting'));
  }
  if (taskId === null) {
    host.apply(backInLine(id));
    host.pump();
    return toView(host.repo.get(id)!);
  }
  const candidate = record.check.candidates.find((c) => c.taskId === taskId);
  if (!candidate) throw new UserError('invalid-request', textOf(host)('queue.notCandidate'));
  if (host.repo.all().some((r) => r.taskId === taskId) || host.repo.history.owns(taskId))
    throw new UserError('conflict', textOf(host)('queue.taskTaken'));
  // Followed from `queued`: the stream's first event tells where the task really is.
  const task: VideoTask = {
    task_id: taskId,
    status: 'queued',
    ...(candidate.model ? { model: candidate.model } : {}),
  };
  host.apply(...adoption(record, task, candidate.costCents ?? record.costCents, host.facts()));
  host.emitState();
  host.pump();
  return toView(host.repo.get(id)!);
}
