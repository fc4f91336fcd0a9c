import type { AppDatabase } from '../db/database';
import type { JobRecord } from './jobRecord';
import { readRow } from './jobRows';

export interface HistoryQuery {
  /** Words the prompt contains (as typed; case-insensitive for Latin letters); '' for all. */
  query: string;
  offset: number;
  limit: number;
}

/** `%` and `_` in what the user typed are letters to look for, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const CLEARED = 'cleared_at IS NOT NULL';
const PROMPT_LIKE = `json_extract(data, '$.request.prompt') LIKE ? ESCAPE '\\'`;

/**
 * The jobs "Clear finished" took out of the queue: their rows stay in the `jobs` table,
 * marked `cleared_at`, so the ledger, the clips and — above all — the ownership of their
 * tasks stay as they were. A cleared job's task is still owned: it is never offered as
 * unclaimed, nor adopted by a lost create, nor paid for again.
 */
export class JobHistory {
  /** Read once, when first asked, then kept up to date by `added`. */
  private taskIds: Set<string> | null = null;

  constructor(private readonly db: AppDatabase) {}

  /** Does a cleared job own this task? */
  owns(taskId: string): boolean {
    return this.ownedTaskIds().has(taskId);
  }

  ownedTaskIds(): ReadonlySet<string> {
    this.taskIds ??= new Set(
      this.db
        .all<{ task_id: string }>(
          `SELECT task_id FROM jobs WHERE ${CLEARED} AND task_id IS NOT NULL`,
        )
        .map((row) => row.task_id),
    );
    return this.taskIds;
  }

  /** The repository cleared these (their rows are marked already). */
  added(records: readonly JobRecord[]): void {
    if (!this.taskIds) return;
    for (const record of records) if (record.taskId) this.taskIds.add(record.taskId);
  }

  /** A cleared job, or undefined (not cleared, unknown, or unreadable). */
  get(id: string): JobRecord | undefined {
    const row = this.db.get<{ data: string }>(
      `SELECT data FROM jobs WHERE id = ? AND ${CLEARED}`,
      id,
    );
    if (!row) return undefined;
    const read = readRow(row.data, id, false);
    return 'record' in read ? read.record : undefined;
  }

  /** Cleared jobs whose prompt contains the query, the latest changed first, one page of them. */
  search({ query, offset, limit }: HistoryQuery): { records: JobRecord[]; total: number } {
    const text = query.trim();
    const where = text === '' ? CLEARED : `${CLEARED} AND ${PROMPT_LIKE}`;
    const params = text === '' ? [] : [likePattern(text)];
    const total =
      this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM jobs WHERE ${where}`, ...params)?.n ??
      0;
    const rows = this.db.all<{ id: string; data: string }>(
      `SELECT id, data FROM jobs WHERE ${where} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
    );
    // A row that no longer reads is left out of the page; it stays in the database as it is.
    const records = rows.flatMap((row) => {
      const read = readRow(row.data, row.id, false);
      return 'record' in read ? [read.record] : [];
    });
    return { records, total };
  }
}
