import type { BatchCounts, BatchSummary } from '../../../shared/jobBatches';
import { isEnded, isFailure, isPaidNotSaved, isWaiting } from '../../../shared/jobs';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../ports';
import { BatchStore } from './batchStore';
import { drainNotification, emptyTally, tallyEnd, type DrainTally } from './drainNotice';
import type { EngineEvents } from './engineEvents';
import type { JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';
import type { Ledger } from './ledger';

interface BookDeps {
  db: AppDatabase;
  repo: JobRepository;
  ledger: Ledger;
  clock: Clock;
  events: Pick<EngineEvents, 'batches' | 'summary'>;
  /** Today's budget in cents; null when none is set (or in the demo, which is free). */
  dailyBudgetCents(): number | null;
}

const hasWork = (r: JobRecord) => isWaiting(r.status) || isPaidNotSaved(r.status);

/** The jobs a retry replaced: they count no more (their spend still does). */
export function latestAttempts(records: readonly JobRecord[]): JobRecord[] {
  const replaced = new Set(records.map((r) => r.retryOf));
  return records.filter((r) => !replaced.has(r.id));
}

/**
 * The batches as the queue sees them: which jobs are whose, each batch's counts and spend,
 * and what a job's new status means for its batch — a failure stops an `onFailure: 'stop'`
 * batch (its waiting jobs pause), and a batch (or the whole queue) that runs out of work
 * says so in one notification. Only the engine's writer and actions call it.
 */
export class BatchBook {
  readonly store: BatchStore;
  private readonly members = new Map<string, Set<string>>();
  private readonly batchOf = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private flushQueued = false;
  /** The jobs that ended since the queue last had no work. */
  private readonly endedSinceIdle = new Set<string>();

  constructor(private readonly d: BookDeps) {
    this.store = new BatchStore(d.db);
    for (const record of d.repo.all()) this.join(record);
  }

  /** The batch's jobs in the queue, in the order they joined it. */
  jobs(batchId: string): JobRecord[] {
    return [...(this.members.get(batchId) ?? [])].flatMap((id) => this.d.repo.get(id) ?? []);
  }

  /** The batch as a UI shows it; null when it has no job in the queue. */
  summary(batchId: string): BatchSummary | null {
    const row = this.store.get(batchId);
    const jobs = this.jobs(batchId);
    if (!row || jobs.length === 0) return null;
    const counts: BatchCounts = { waiting: 0, running: 0, saved: 0, failed: 0, cancelled: 0 };
    for (const { status } of latestAttempts(jobs)) {
      if (isWaiting(status)) counts.waiting += 1;
      else if (isPaidNotSaved(status)) counts.running += 1;
      else if (isFailure(status)) counts.failed += 1;
      else if (status === 'saved' || status === 'cancelled') counts[status] += 1;
    }
    const { paused, stoppedBy, doneAt, name, onFailure, createdAt, size, id } = row;
    const spentCents = this.spent(jobs);
    return { id, name, onFailure, createdAt, size, counts, spentCents, paused, stoppedBy, doneAt };
  }

  list(): BatchSummary[] {
    return [...this.store.all()].flatMap((row) => this.summary(row.id) ?? []);
  }

  /** Jobs were added, moved, removed or cleared (what `jobs.changed` announces). */
  touched(ids: readonly string[]): void {
    for (const id of ids) {
      const record = this.d.repo.get(id);
      if (record) {
        this.join(record);
        if (record.batch) this.changed(record.batch.id);
        // New work (a retry) in a batch that had drained: it may drain, and say so, again.
        const row = record.batch && this.store.get(record.batch.id);
        if (row && row.doneAt !== null && hasWork(record))
          this.store.update(row.id, { doneAt: null });
      } else {
        const batchId = this.batchOf.get(id);
        if (batchId === undefined) continue;
        this.batchOf.delete(id);
        this.members.get(batchId)?.delete(id);
        this.changed(batchId);
      }
    }
  }

  /**
   * What today's budget has left for new jobs (null: no budget): the budget, less what was
   * spent today and what the jobs already in line would cost — those the budget holds aside.
   */
  budgetRoom(): number | null {
    const budget = this.d.dailyBudgetCents();
    if (budget === null) return null;
    let committed = this.d.ledger.totals(this.d.clock.now()).todayCents;
    for (const r of this.d.repo.all()) {
      const inLine =
        r.status === 'queued' ||
        r.status === 'submitting' ||
        (r.status === 'held' && r.holdReason !== 'budget');
      if (inLine) committed += r.costCents ?? 0;
    }
    return budget - committed;
  }

  /** A job's status changed (written already): what that means for its batch and the queue. */
  statusChanged(record: JobRecord): void {
    const batchId = record.batch?.id;
    if (batchId !== undefined) this.changed(batchId);
    const row = batchId === undefined ? undefined : this.store.get(batchId);
    if (row?.onFailure === 'stop' && !row.paused && isFailure(record.status)) {
      if (this.jobs(row.id).some((r) => isWaiting(r.status)))
        this.store.update(row.id, { paused: true, stoppedBy: record.id });
    }
    if (!isEnded(record.status)) return;
    this.endedSinceIdle.add(record.id);
    const drained = row && row.doneAt === null && this.drainBatch(row.id);
    if (this.d.repo.all().some(hasWork)) return;
    const ended = [...this.endedSinceIdle].flatMap((id) => this.d.repo.get(id) ?? []);
    this.endedSinceIdle.clear();
    // One job needs no summary; a queue that was one batch had its own.
    if (ended.length <= 1 || (drained && ended.every((r) => r.batch?.id === batchId))) return;
    const tally = this.tally(ended);
    this.d.events.summary((m) => drainNotification(m, tally, { jobId: record.id }));
  }

  /** The batch changed: announced (with any others) once this turn's work is done. */
  changed(batchId: string): void {
    this.dirty.add(batchId);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Tells of a batch left with no work, once; true when it did. */
  private drainBatch(batchId: string): boolean {
    const jobs = this.jobs(batchId);
    if (jobs.some(hasWork)) return false;
    const row = this.store.update(batchId, { doneAt: this.d.clock.now() });
    const tally = this.tally(jobs);
    const first = jobs.reduce((a, b) => ((b.batch?.index ?? 0) < (a.batch?.index ?? 0) ? b : a));
    const batch = { id: row.id, name: row.name };
    this.d.events.summary((m) => drainNotification(m, tally, { jobId: first.id, batch }));
    return true;
  }

  private tally(records: readonly JobRecord[]): DrainTally {
    const tally = emptyTally();
    for (const record of latestAttempts(records)) tallyEnd(tally, record);
    tally.spentCents = this.spent(records);
    tally.demo = records.length > 0 && records.every((record) => record.demo);
    return tally;
  }

  /** Debited minus refunded, over the jobs' tasks. */
  private spent(records: readonly JobRecord[]): number {
    const { ledger } = this.d;
    let cents = 0;
    for (const { taskId } of records) {
      if (taskId) cents += (ledger.debitedCents(taskId) ?? 0) - (ledger.refundedCents(taskId) ?? 0);
    }
    return cents;
  }

  private join(record: JobRecord): void {
    if (!record.batch || this.batchOf.has(record.id)) return;
    const { id } = record.batch;
    this.batchOf.set(record.id, id);
    let members = this.members.get(id);
    if (!members) this.members.set(id, (members = new Set()));
    members.add(record.id);
  }

  private flush(): void {
    this.flushQueued = false;
    const ids = [...this.dirty];
    this.dirty.clear();
    const upserted: BatchSummary[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const summary = this.summary(id);
      if (summary) upserted.push(summary);
      else removed.push(id);
    }
    this.d.events.batches({ upserted, removed });
  }
}
