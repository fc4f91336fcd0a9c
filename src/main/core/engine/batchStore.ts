import type { OnFailure } from '../../../shared/jobBatches';
import type { AppDatabase } from '../db/database';

/** A batch's own state, as the `batches` table keeps it; its jobs name it (`JobRecord.batch`). */
export interface BatchRow {
  id: string;
  name: string;
  onFailure: OnFailure;
  size: number;
  createdAt: number;
  paused: boolean;
  /** The job whose failure stopped it (`onFailure: 'stop'`), until it is resumed. */
  stoppedBy: string | null;
  /** When it last drained (its notification went out); null while it has work. */
  doneAt: number | null;
}

type Stored = Omit<BatchRow, 'paused' | 'onFailure'> & { paused: number; onFailure: string };

const SELECT = `SELECT id, name, on_failure AS onFailure, size, created_at AS createdAt, paused,
  stopped_by AS stoppedBy, done_at AS doneAt FROM batches ORDER BY created_at, rowid`;

/**
 * The batches, over the `batches` table, in the order they were made. Memory changes only
 * after the write succeeded, as in the job repository.
 */
export class BatchStore {
  private readonly rows = new Map<string, BatchRow>();

  constructor(private readonly db: AppDatabase) {
    for (const row of db.all<Stored>(SELECT)) {
      const onFailure = row.onFailure === 'stop' ? 'stop' : 'continue';
      this.rows.set(row.id, { ...row, onFailure, paused: row.paused === 1 });
    }
  }

  get(id: string): BatchRow | undefined {
    return this.rows.get(id);
  }

  all(): IterableIterator<BatchRow> {
    return this.rows.values();
  }

  /** The batches whose waiting jobs are not submitted now. */
  pausedIds(): ReadonlySet<string> {
    const paused = new Set<string>();
    for (const row of this.rows.values()) if (row.paused) paused.add(row.id);
    return paused;
  }

  /** Writes a new batch's row: call it inside the transaction that adds its jobs, then `added`. */
  insert(row: BatchRow): void {
    this.db.run(
      'INSERT INTO batches (id, name, on_failure, size, created_at, paused, stopped_by, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      row.id,
      row.name,
      row.onFailure,
      row.size,
      row.createdAt,
      row.paused ? 1 : 0,
      row.stoppedBy,
      row.doneAt,
    );
  }

  /** The transaction that wrote the row committed. */
  added(row: BatchRow): void {
    this.rows.set(row.id, row);
  }

  /** Writes a change of state, durably: a pause must hold after a crash. */
  update(id: string, change: Partial<Pick<BatchRow, 'paused' | 'stoppedBy' | 'doneAt'>>): BatchRow {
    const current = this.rows.get(id);
    if (!current) throw new Error(`No batch ${id}`);
    const next = { ...current, ...change };
    this.db.write(() =>
      this.db.run(
        'UPDATE batches SET paused = ?, stopped_by = ?, done_at = ? WHERE id = ?',
        next.paused ? 1 : 0,
        next.stoppedBy,
        next.doneAt,
        id,
      ),
    );
    this.rows.set(id, next);
    return next;
  }
}
