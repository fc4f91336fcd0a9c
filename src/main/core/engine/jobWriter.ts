import type { Downloads } from '../library/types';
import type { Clock } from '../ports';
import type { Connectivity } from './connectivity';
import type { EngineEvents } from './engineEvents';
import type { EngineStatus } from './engineStatus';
import type { Facts, JobChange } from './jobChange';
import { keyOf, type JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';
import type { Ledger } from './ledger';
import { clipSource } from './taskOutcomes';
import type { EngineWaits } from './waits';

interface WriterDeps {
  clock: Clock;
  repo: JobRepository;
  ledger: Ledger;
  events: EngineEvents;
  status: EngineStatus;
  waits: EngineWaits;
  connectivity: Connectivity;
  /** Told of each job's new status, written and announced (its batch may stop, or be done). */
  batches?: { statusChanged(record: JobRecord): void };
}

/**
 * The one writer of jobs and the ledger: applies the changes the workflows worked out (see
 * JobChange), each in its order — money, job, notice, what the engine waits for, the clip's
 * hand-over to the library — and announces what changed.
 */
export class JobWriter {
  private downloads: Downloads | null = null;

  constructor(private readonly d: WriterDeps) {}

  /** Where finished clips go; without a library, a finished job is done. */
  attach(downloads: Downloads | null): void {
    this.downloads = downloads;
  }

  facts(): Facts {
    return {
      now: this.d.clock.now(),
      debitedCents: (taskId) => this.d.ledger.debitedCents(taskId),
    };
  }

  apply(changes: readonly JobChange[]): void {
    for (const change of changes) this.applyOne(change);
  }

  /** A job's record changes: written, then announced. */
  change(id: string, patch: Partial<JobRecord>): JobRecord {
    const record = this.d.repo.update(id, patch, this.d.clock.now());
    this.d.events.changed(id, patch.status !== undefined);
    if (patch.status !== undefined) this.d.batches?.statusChanged(record);
    return record;
  }

  /** Hands a finished job to the library; without one, the job is done and the user told. */
  save(id: string): void {
    const record = this.d.repo.get(id);
    if (!record) return;
    if (!this.downloads) return this.d.events.notify('ready', id, {});
    const source = clipSource(record, this.d.clock.now());
    if (source) this.downloads.enqueue(source);
  }

  private applyOne(c: JobChange): void {
    const { repo, ledger, events } = this.d;
    const now = this.d.clock.now();
    const keyId = () => c.block?.keyId ?? keyOf(repo.get(c.id) ?? { keyId: null });
    if (c.debit) ledger.debit(c.id, c.debit.taskId, c.debit.cents, now, c.debit.demo, keyId());
    const refunded = !!c.refund && ledger.refund(c.id, c.refund.taskId, c.refund.cents, now);
    if (c.patch) this.change(c.id, c.patch);
    if (c.progress !== undefined) {
      repo.update(c.id, { progress: c.progress }, now);
      events.progress(c.id);
    }
    if (c.debit || refunded) events.ledger();
    if (c.notify) {
      const { kind, ...extra } = c.notify;
      events.notify(kind, c.id, extra);
    }
    if (c.block) this.d.status.block(c.block.reason, c.block.message, keyId());
    if (c.backOffMs !== undefined) this.d.waits.backOffSubmissions(c.backOffMs);
    if (c.block || c.backOffMs !== undefined) events.state();
    if (c.offline) this.d.connectivity.wentOffline();
    if (c.save) this.save(c.id);
  }
}
