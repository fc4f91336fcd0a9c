import type { Clock, KeyValueStore, TimerHandle } from '../ports';
import { JobRecord } from './jobRecord';
import { assertTransition } from './transitions';
import type { JobStatus } from '../../../shared/jobs';

const KEY = 'engine.jobs.v1';
const BROKEN_KEY = 'engine.jobs.unreadable';

export type MoveTarget = 'up' | 'down' | 'top';

/**
 * Changes that must be on disk before the engine acts on them: a job leaving the queue for
 * the server (the never-twice record), the task id it got, and a clip saved into the
 * library. Anything else a restart learns again from the server, so those writes are
 * gathered for a moment: a queue of 200 jobs no longer rewrites its file 1,200 times.
 */
const DURABLE_STATUSES: readonly JobStatus[] = ['submitting', 'saved'];
const GATHER_MS = 250;

/**
 * The queue, in order, and its persistence. Progress ticks stay in memory. A stored record
 * that no longer parses is kept aside under its own key rather than dropped, since it may
 * be a paid task.
 */
export class JobRepository {
  private records: JobRecord[];
  private pendingWrite: TimerHandle | null = null;
  readonly warnings: string[] = [];

  /** Without a clock every change is written at once. */
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock?: Clock,
  ) {
    this.records = this.load();
  }

  all(): readonly JobRecord[] {
    return this.records;
  }

  get(id: string): JobRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  add(...records: JobRecord[]): void {
    this.records.push(...records);
    this.persist();
  }

  /** Applies a change; persists unless it only touched progress. */
  update(id: string, change: Partial<JobRecord>, now: number): JobRecord {
    const index = this.records.findIndex((r) => r.id === id);
    const current = this.records[index];
    if (!current) throw new Error(`No job ${id}`);
    if (change.status) assertTransition(current.status, change.status as JobStatus);
    const next = { ...current, ...change, updatedAt: now };
    this.records[index] = next;
    const onlyProgress = Object.keys(change).every((key) => key === 'progress');
    const durable = (change.status && DURABLE_STATUSES.includes(change.status)) || (change.taskId && !current.taskId);
    if (durable) this.persist();
    else if (!onlyProgress) this.persistSoon();
    return next;
  }

  remove(id: string): void {
    this.records = this.records.filter((r) => r.id !== id);
    this.persist();
  }

  /** Moves a job among the jobs still waiting; returns false when it cannot move. */
  move(id: string, to: MoveTarget): boolean {
    const waiting = (r: JobRecord) => r.status === 'queued' || r.status === 'held';
    const index = this.records.findIndex((r) => r.id === id);
    const record = this.records[index];
    if (!record || !waiting(record)) return false;
    const others = this.records.map((r, i) => ({ r, i })).filter(({ r }) => waiting(r));
    const position = others.findIndex(({ r }) => r.id === id);
    const swapWith =
      to === 'up' ? others[position - 1] : to === 'down' ? others[position + 1] : others[0];
    if (!swapWith || swapWith.r.id === id) return false;
    this.records.splice(index, 1);
    const target = this.records.findIndex((r) => r.id === swapWith.r.id);
    this.records.splice(to === 'down' ? target + 1 : target, 0, record);
    this.persist();
    return true;
  }

  private load(): JobRecord[] {
    const stored = this.store.get(KEY);
    if (!Array.isArray(stored)) return [];
    const records: JobRecord[] = [];
    const broken: unknown[] = [];
    for (const item of stored) {
      const parsed = JobRecord.safeParse(item);
      if (parsed.success) records.push(parsed.data);
      else broken.push(item);
    }
    if (broken.length > 0) {
      const kept = this.store.get(BROKEN_KEY);
      this.store.set(BROKEN_KEY, [...(Array.isArray(kept) ? kept : []), ...broken]);
      this.warnings.push(`${broken.length} stored job(s) could not be read and were set aside.`);
    }
    return records;
  }

  /** Writes whatever is gathered now (also before the engine stops). */
  flush(): void {
    if (this.pendingWrite) this.persist();
  }

  private persist(): void {
    if (this.pendingWrite) this.clock?.clearTimeout(this.pendingWrite);
    this.pendingWrite = null;
    this.store.set(KEY, this.records);
  }

  private persistSoon(): void {
    if (!this.clock) return this.persist();
    this.pendingWrite ??= this.clock.setTimeout(() => this.persist(), GATHER_MS);
  }
}
