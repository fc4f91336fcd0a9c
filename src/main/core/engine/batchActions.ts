import { randomUUID } from 'node:crypto';
import { UserError } from '../../../shared/contract/result';
import type { BatchSummary, OnFailure } from '../../../shared/jobBatches';
import { isFailure, isPaidNotSaved, isWaiting, type Job } from '../../../shared/jobs';
import { english, type Translate } from '../i18n';
import type { Clock } from '../ports';
import { addJobs, type NewJob } from './addJobs';
import { latestAttempts, type BatchBook } from './batchBook';
import { batchMove, type BatchMoveTarget } from './batchOrder';
import type { BatchRow } from './batchStore';
import type { Facts } from './jobChange';
import type { JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';

/** What of the engine the batch commands need (a part of `ActionHost`). */
export interface BatchHost {
  readonly repo: JobRepository;
  readonly clock: Clock;
  readonly batches: BatchBook;
  change(id: string, patch: Partial<JobRecord>): JobRecord;
  facts(): Facts;
  emitJobs(ids: readonly string[], order?: boolean): void;
  pump(): void;
}

export type PreparedJob = Omit<NewJob, 'retryOf' | 'batch'>;

/**
 * What users ask of a batch as a whole; like the queue's own commands (`userActions.ts`),
 * each looks and changes in one synchronous step.
 */
export function batchActions(host: BatchHost) {
  return {
    submit: (name: string, onFailure: OnFailure, jobs: readonly PreparedJob[]) =>
      submitBatch(host, name, onFailure, jobs),
    submitAll: (batches: readonly NewBatch[], singles: readonly PreparedJob[]) =>
      submitAll(host, batches, singles),
    pause: (batchId: string) => setPaused(host, batchId, true),
    resume: (batchId: string) => setPaused(host, batchId, false),
    cancel: (batchId: string) => cancelBatch(host, batchId),
    retryFailed: (batchId: string) => retryFailed(host, batchId),
    move: (batchId: string, to: BatchMoveTarget) => moveBatch(host, batchId, to),
  };
}

const textOf = (host: BatchHost): Translate => host.facts().t ?? english.t;

/** A batch with jobs in the queue, or a `not-found` refusal. */
function find(host: BatchHost, batchId: string): { row: BatchRow; jobs: JobRecord[] } {
  const row = host.batches.store.get(batchId);
  const jobs = row ? host.batches.jobs(batchId) : [];
  if (!row || jobs.length === 0) throw new UserError('not-found', textOf(host)('queue.batchGone'));
  return { row, jobs };
}

const summaryOf = (host: BatchHost, batchId: string): BatchSummary =>
  host.batches.summary(batchId)!;

/** A batch to queue: its name, what it does on a failure, and its jobs (checked), in order. */
export interface NewBatch {
  name: string;
  onFailure: OnFailure;
  jobs: readonly PreparedJob[];
}

/**
 * The jobs in order, each with its place, stored with the batch in one durable transaction.
 * With a daily budget set, the whole batch must fit what is left of today's: else nothing
 * is queued (a batch half held by the budget overnight is not what anyone asked for).
 */
function submitBatch(
  host: BatchHost,
  name: string,
  onFailure: OnFailure,
  jobs: readonly PreparedJob[],
): { batchId: string; jobs: Job[] } {
  const { batchIds, jobs: added } = submitAll(host, [{ name, onFailure, jobs }], []);
  return { batchId: batchIds[0]!, jobs: added };
}

/**
 * Batches and jobs of their own (an imported queue file) queued in one transaction, by the
 * budget rule of `submitBatch` applied to them all: everything is queued or nothing is.
 * Answers the new batches' ids and the jobs.
 */
function submitAll(
  host: BatchHost,
  batches: readonly NewBatch[],
  singles: readonly PreparedJob[],
): { batchIds: string[]; jobs: Job[] } {
  checkBudget(host, [...batches.flatMap((b) => b.jobs), ...singles]);
  const rows: BatchRow[] = batches.map(({ name, onFailure, jobs }) => ({
    id: `batch_${randomUUID()}`,
    name,
    onFailure,
    size: jobs.length,
    createdAt: host.clock.now(),
    paused: false,
    stoppedBy: null,
    doneAt: null,
  }));
  const placed = batches.flatMap(({ jobs }, b) =>
    jobs.map((job, i) => ({
      ...job,
      batch: { id: rows[b]!.id, name: rows[b]!.name, index: i + 1, size: jobs.length },
    })),
  );
  const { store } = host.batches;
  const added = addJobs(host, [...placed, ...singles], {
    alongside: () => rows.forEach((row) => store.insert(row)),
    stored: () => rows.forEach((row) => store.added(row)),
  });
  return { batchIds: rows.map((row) => row.id), jobs: added };
}

function checkBudget(host: BatchHost, jobs: readonly PreparedJob[]): void {
  const t = textOf(host);
  const room = host.batches.budgetRoom();
  if (room === null) return;
  const unknown = jobs.filter((j) => j.costCents === null).length;
  if (unknown > 0)
    throw new UserError('over-budget', t('queue.batchCostUnknown', { count: unknown }));
  const total = jobs.reduce((sum, j) => sum + (j.costCents ?? 0), 0);
  if (total > room)
    throw new UserError(
      'over-budget',
      t('queue.batchOverBudget', { total: total / 100, room: Math.max(0, room) / 100 }),
    );
}

function setPaused(host: BatchHost, batchId: string, paused: boolean): BatchSummary {
  const { row } = find(host, batchId);
  if (row.paused !== paused || row.stoppedBy !== null) {
    host.batches.store.update(batchId, { paused, stoppedBy: null });
    host.batches.changed(batchId);
    if (!paused) host.pump();
  }
  return summaryOf(host, batchId);
}

/** Its jobs not yet submitted are cancelled; those on the server (paid) run to their end. */
function cancelBatch(
  host: BatchHost,
  batchId: string,
): { cancelled: number; stillRunning: number } {
  const { jobs } = find(host, batchId);
  let cancelled = 0;
  let stillRunning = 0;
  for (const job of jobs) {
    if (isWaiting(job.status)) {
      host.change(job.id, { status: 'cancelled', finishedAt: host.clock.now() });
      cancelled += 1;
    } else if (isPaidNotSaved(job.status)) stillRunning += 1;
  }
  return { cancelled, stillRunning };
}

/**
 * Each failed or expired job not retried yet gets a retry (as `jobs.retry`: a new job in
 * its place, the failed one kept); asked twice, the second finds none left to retry. A
 * batch its failure stopped goes on: the user dealt with the failure.
 */
function retryFailed(host: BatchHost, batchId: string): { jobs: Job[] } {
  const { row, jobs } = find(host, batchId);
  const failed = latestAttempts(jobs).filter((r) => isFailure(r.status));
  if (failed.length === 0) return { jobs: [] };
  if (row.stoppedBy !== null) {
    host.batches.store.update(batchId, { paused: false, stoppedBy: null });
    host.batches.changed(batchId);
  }
  const retries = failed.map(({ id, request, costCents, batch, pinned, keyId }) => ({
    request,
    costCents,
    retryOf: id,
    batch,
    keyId: pinned ? keyId : null,
  }));
  return { jobs: addJobs(host, retries) };
}

function moveBatch(host: BatchHost, batchId: string, to: BatchMoveTarget): boolean {
  find(host, batchId);
  const move = batchMove(host.repo.all(), batchId, to);
  if (!move) return false;
  host.repo.reorder(move.order, move.moved);
  host.emitJobs([], true);
  return true;
}
