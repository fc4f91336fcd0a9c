import type { VideoTask } from '../../../shared/api/schemas';
import type { AppDatabase } from '../db/database';

/** A task the server listed or reported, as the app last saw it. Times in ms since epoch. */
export interface ServerTask {
  taskId: string;
  model: string | null;
  status: string;
  createdAt: number | null;
  expiresAt: number | null;
  costCents: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** The user said this task is none of their jobs' business. */
  dismissed: boolean;
}

interface Row {
  task_id: string;
  model: string | null;
  status: string;
  created: number | null;
  expires_at: number | null;
  cost_cents: number | null;
  first_seen_at: number;
  last_seen_at: number;
  dismissed: number;
}

const UPSERT = `INSERT INTO server_tasks
  (task_id, model, status, created, expires_at, cost_cents, first_seen_at, last_seen_at, dismissed)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (task_id) DO UPDATE SET model = excluded.model, status = excluded.status,
    created = excluded.created, expires_at = excluded.expires_at, cost_cents = excluded.cost_cents,
    last_seen_at = excluded.last_seen_at`;

/** The server speaks seconds. */
const ms = (seconds: number | undefined) =>
  seconds === undefined ? null : Math.round(seconds * 1000);

/**
 * Every task seen on the server (the key's list, a create's answer, a status), kept so
 * that a paid task no job claims can be shown to the user. A later sighting keeps what an
 * earlier one knew and the server no longer says.
 */
export class ServerTasks {
  private readonly tasks = new Map<string, ServerTask>();

  constructor(private readonly db: AppDatabase) {
    for (const row of db.all<Row>('SELECT * FROM server_tasks ORDER BY first_seen_at, task_id')) {
      this.tasks.set(row.task_id, fromRow(row));
    }
  }

  /** Records what the server said about these tasks, in one transaction. */
  record(seen: readonly VideoTask[], seenAt: number): void {
    const merged = seen.map((task) => {
      const known = this.tasks.get(task.task_id);
      return {
        taskId: task.task_id,
        model: task.model ?? known?.model ?? null,
        status: task.status,
        createdAt: ms(task.created) ?? known?.createdAt ?? null,
        expiresAt: ms(task.expires_at) ?? known?.expiresAt ?? null,
        costCents: task.cost_cents ?? known?.costCents ?? null,
        firstSeenAt: known?.firstSeenAt ?? seenAt,
        lastSeenAt: Math.max(known?.lastSeenAt ?? seenAt, seenAt),
        dismissed: known?.dismissed ?? false,
      } satisfies ServerTask;
    });
    if (merged.length === 0) return;
    // The server tells these again; a power cut may cost the latest sighting, never a crash.
    this.db.write(
      () => {
        for (const t of merged) {
          this.db.run(
            UPSERT,
            t.taskId,
            t.model,
            t.status,
            t.createdAt,
            t.expiresAt,
            t.costCents,
            t.firstSeenAt,
            t.lastSeenAt,
            t.dismissed ? 1 : 0,
          );
        }
      },
      { durable: false },
    );
    for (const task of merged) this.tasks.set(task.taskId, task);
  }

  get(taskId: string): ServerTask | undefined {
    return this.tasks.get(taskId);
  }

  /** In the order they were first seen. */
  all(): ServerTask[] {
    return [...this.tasks.values()];
  }

  /** The user's decision, kept for good; false when the task was never seen. */
  dismiss(taskId: string): boolean {
    const task = this.tasks.get(taskId);
    if (!task) return false;
    this.db.write(() =>
      this.db.run('UPDATE server_tasks SET dismissed = 1 WHERE task_id = ?', taskId),
    );
    this.tasks.set(taskId, { ...task, dismissed: true });
    return true;
  }
}

function fromRow(row: Row): ServerTask {
  return {
    taskId: row.task_id,
    model: row.model,
    status: row.status,
    createdAt: row.created,
    expiresAt: row.expires_at,
    costCents: row.cost_cents,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    dismissed: row.dismissed === 1,
  };
}
