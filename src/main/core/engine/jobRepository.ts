import type { AppDatabase } from '../db/database';
import type { JobRecord } from './jobRecord';
import { looksLikeRecord, readRow, recordShape, SHAPE_KEY } from './jobRows';
import { assertTransition } from './transitions';
import { JobHistory } from './jobHistory';
import { between, POSITION_GAP } from './queuePositions';
import { isEnded, isWaiting, type JobStatus } from '../../../shared/jobs';

export type MoveTarget = 'up' | 'down' | 'top';

export { POSITION_GAP } from './queuePositions';

export const INSERT_JOB =
  'INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES (?, ?, ?, ?, ?, ?)';

/**
 * What must be on disk before the engine acts on it, power cut or not: a job leaving for
 * the server (the never-twice record), the task id it got, a clip saved, and what the user
 * decided (a cancel, an edit, running past the budget). Any other change is written at once too, only without
 * waiting for the disk: a restart learns it again from the server.
 */
const DURABLE_STATUSES: readonly JobStatus[] = ['submitting', 'saved', 'cancelled'];

function isDurable(current: JobRecord, change: Partial<JobRecord>): boolean {
  return (
    (change.status !== undefined && DURABLE_STATUSES.includes(change.status)) ||
    (change.taskId !== undefined && change.taskId !== current.taskId) ||
    change.request !== undefined ||
    change.pastBudget !== undefined
  );
}

/**
 * The queue, in order, over the `jobs` table: one row per job, its order a sparse
 * `position`. Memory changes only after the write succeeded, so a failed write (a full
 * disk) throws and leaves the queue as it was. Progress ticks stay in memory. A stored row
 * that no longer parses is moved to `set_aside` rather than dropped: it may be a paid task.
 */
export class JobRepository {
  private records: JobRecord[] = [];
  private readonly byId = new Map<string, JobRecord>();
  private readonly positions = new Map<string, number>();
  readonly warnings: string[] = [];
  /** The jobs cleared from the queue; they still own their tasks. */
  readonly history: JobHistory;

  constructor(private readonly db: AppDatabase) {
    this.history = new JobHistory(db);
    this.load();
  }

  all(): readonly JobRecord[] {
    return this.records;
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id);
  }

  /** Appends the records, all in one transaction. */
  add(...records: JobRecord[]): void {
    this.addWith(records);
  }

  /** Appends the records in one transaction with what `alongside` writes (a batch's row). */
  addWith(records: readonly JobRecord[], alongside?: () => void): void {
    let position = this.records.length > 0 ? this.positionOf(this.records.at(-1)!) : 0;
    const placed = records.map((record) => ({ record, position: (position += POSITION_GAP) }));
    this.db.write(() => {
      alongside?.();
      for (const { record, position } of placed) {
        this.db.run(
          INSERT_JOB,
          record.id,
          position,
          record.status,
          record.taskId,
          record.updatedAt,
          JSON.stringify(record),
        );
      }
    });
    for (const { record, position } of placed) {
      this.records.push(record);
      this.byId.set(record.id, record);
      this.positions.set(record.id, position);
    }
  }

  /** Applies a change; writes it unless it only touched progress. */
  update(id: string, change: Partial<JobRecord>, now: number): JobRecord {
    const current = this.byId.get(id);
    if (!current) throw new Error(`No job ${id}`);
    if (change.status) assertTransition(current.status, change.status);
    const next = { ...current, ...change, updatedAt: now };
    const onlyProgress = Object.keys(change).every((key) => key === 'progress');
    if (!onlyProgress) {
      this.db.write(
        () =>
          this.db.run(
            'UPDATE jobs SET status = ?, task_id = ?, updated_at = ?, data = ? WHERE id = ?',
            next.status,
            next.taskId,
            now,
            JSON.stringify(next),
            id,
          ),
        { durable: isDurable(current, change) },
      );
    }
    this.records[this.records.indexOf(current)] = next;
    this.byId.set(id, next);
    return next;
  }

  remove(id: string): void {
    if (!this.byId.has(id)) return;
    this.db.write(() => this.db.run('DELETE FROM jobs WHERE id = ?', id));
    this.records = this.records.filter((r) => r.id !== id);
    this.byId.delete(id);
    this.positions.delete(id);
  }

  /**
   * "Clear finished": every ended job leaves the queue for the history, in one transaction.
   * The rows stay (marked), so their tasks stay owned. Returns the ids cleared.
   */
  clearEnded(now: number): string[] {
    const ended = this.records.filter((r) => isEnded(r.status));
    if (ended.length === 0) return [];
    this.db.write(() => {
      for (const { id } of ended)
        this.db.run('UPDATE jobs SET cleared_at = ? WHERE id = ?', now, id);
    });
    this.records = this.records.filter((r) => !isEnded(r.status));
    for (const { id } of ended) {
      this.byId.delete(id);
      this.positions.delete(id);
    }
    this.history.added(ended);
    return ended.map((r) => r.id);
  }

  /** Moves a job among the jobs still waiting; returns false when it cannot move. */
  move(id: string, to: MoveTarget): boolean {
    const record = this.byId.get(id);
    if (!record || !isWaiting(record.status)) return false;
    const others = this.records.filter((r) => isWaiting(r.status));
    const at = others.indexOf(record);
    const anchor = to === 'up' ? others[at - 1] : to === 'down' ? others[at + 1] : others[0];
    if (!anchor || anchor === record) return false;
    const rest = this.records.filter((r) => r !== record);
    const slot = rest.indexOf(anchor) + (to === 'down' ? 1 : 0);
    this.reorder([...rest.slice(0, slot), record, ...rest.slice(slot)], [record]);
    return true;
  }

  /**
   * The queue takes `order` (the same jobs), in which `moved` are next to each other: they
   * get positions between their new neighbours, or the whole queue is numbered afresh.
   */
  reorder(order: readonly JobRecord[], moved: readonly JobRecord[]): void {
    const first = order.indexOf(moved[0]!);
    const before = order[first - 1];
    const after = order[first + moved.length];
    const low = before ? this.positionOf(before) : undefined;
    const high = after ? this.positionOf(after) : undefined;
    const places = moved.map((_, i) => between(low, high, i + 1, moved.length + 1));
    if (places.some((p, i) => p === null || (i > 0 && p <= places[i - 1]!))) this.renumber(order);
    else {
      this.db.write(() =>
        moved.forEach((r, i) =>
          this.db.run('UPDATE jobs SET position = ? WHERE id = ?', places[i]!, r.id),
        ),
      );
      moved.forEach((r, i) => this.positions.set(r.id, places[i]!));
    }
    this.records = [...order];
  }

  /** Makes every change written so far durable (the engine calls it when it stops). */
  flush(): void {
    this.db.sync();
  }

  private positionOf(record: JobRecord): number {
    return this.positions.get(record.id) ?? 0;
  }

  /** The midpoints ran out of precision (after ~50 moves into one gap): spread them out again. */
  private renumber(order: readonly JobRecord[]): void {
    const spread = order.map((r, i) => [r.id, (i + 1) * POSITION_GAP] as const);
    this.db.write(() => {
      for (const [id, position] of spread)
        this.db.run('UPDATE jobs SET position = ? WHERE id = ?', position, id);
    });
    for (const [id, position] of spread) this.positions.set(id, position);
  }

  private load(): void {
    if (this.loadTrusted()) return;
    const rows = this.db.all<{ id: string; position: number; data: string }>(
      'SELECT id, position, data FROM jobs WHERE cleared_at IS NULL',
    );
    // A scan sorted here is twice as fast as reading through the position index.
    rows.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    const shape = recordShape();
    const trusted = shape !== null && this.db.getMeta(SHAPE_KEY) === shape;
    const broken: { id: string; data: string; reason: string }[] = [];
    const reshaped: JobRecord[] = [];
    for (const row of rows) {
      const read = readRow(row.data, row.id, trusted);
      if ('reason' in read) {
        broken.push({ ...row, reason: read.reason });
        continue;
      }
      this.records.push(read.record);
      this.byId.set(row.id, read.record);
      this.positions.set(row.id, row.position);
      if (!trusted && JSON.stringify(read.record) !== row.data) reshaped.push(read.record);
    }
    if (broken.length > 0) this.setAside(broken);
    if (!trusted && shape !== null) this.adoptShape(shape, reshaped);
  }

  /**
   * The usual start: every row was written under the current schema, so the whole queue is
   * read as one JSON array in order — one parse instead of 10,000 (about half the time).
   * Anything unexpected (a row that is not JSON, names another job, or has no readable
   * status) returns false, and the careful row-by-row read takes over.
   */
  private loadTrusted(): boolean {
    const shape = recordShape();
    if (shape === null || this.db.getMeta(SHAPE_KEY) !== shape) return false;
    const order = this.db.all<{ id: string; position: number }>(
      'SELECT id, position FROM jobs WHERE cleared_at IS NULL ORDER BY position, id',
    );
    const joined = this.db.get<{ all: string | null }>(
      "SELECT '[' || group_concat(data, ',') || ']' AS \"all\" FROM (SELECT data FROM jobs WHERE cleared_at IS NULL ORDER BY position, id)",
    );
    let values: unknown[];
    try {
      values = JSON.parse(joined?.all ?? '[]') as unknown[];
    } catch {
      return false;
    }
    if (!Array.isArray(values) || values.length !== order.length) return false;
    const records: JobRecord[] = [];
    for (let i = 0; i < values.length; i++) {
      const { id } = order[i]!;
      if (!looksLikeRecord(values[i], id)) return false;
      records.push(values[i] as JobRecord);
    }
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      this.records.push(record);
      this.byId.set(record.id, record);
      this.positions.set(record.id, order[i]!.position);
    }
    return true;
  }

  /** Every row now reads under this schema: rewrite those it changed, and remember it. */
  private adoptShape(shape: string, reshaped: readonly JobRecord[]): void {
    try {
      this.db.write(() => {
        for (const r of reshaped)
          this.db.run('UPDATE jobs SET data = ? WHERE id = ?', JSON.stringify(r), r.id);
        this.db.setMeta(SHAPE_KEY, shape);
      });
    } catch {
      // Not remembered: the next start checks every row with the schema again.
    }
  }

  private setAside(broken: readonly { id: string; data: string; reason: string }[]): void {
    const one = broken.length === 1;
    const jobs = one ? '1 stored job' : `${broken.length} stored jobs`;
    try {
      this.db.write(() => {
        for (const { id, data, reason } of broken) {
          this.db.setAside('jobs', id, data, reason);
          this.db.run('DELETE FROM jobs WHERE id = ?', id);
        }
      });
      this.warnings.push(`${jobs} could not be read and ${one ? 'was' : 'were'} set aside.`);
    } catch (error) {
      // Left where they are: they are skipped, and set aside on a start that can write.
      this.warnings.push(
        `${jobs} could not be read; they stay in the database unread (${(error as Error).message}).`,
      );
    }
  }
}
