import { z } from 'zod';
import type { VideoTask } from '../../../shared/api/schemas';
import { TaskCandidate } from '../../../shared/jobs';
import type { JobRecord } from './jobRecord';
import { toCandidate } from './reconcile';

/** Where the engine keeps small state of its own (the database's `meta` table). */
export interface MetaStore {
  getMeta(key: string): unknown;
  setMeta(key: string, value: unknown): void;
}

const KEY = 'engine.unclaimed.v1';
/** A later look for the first task of a create that was given up on and sent again. */
const Sweep = z.object({ jobId: z.string(), attemptAt: z.number(), at: z.number() });
export type Sweep = z.infer<typeof Sweep>;

const Stored = z.object({
  suspects: z.array(TaskCandidate),
  dismissed: z.array(z.string()),
  /** Lost creates sent again after a minute of looks: their first task may show up late. */
  sweeps: z.array(Sweep),
});
type Stored = z.infer<typeof Stored>;

/**
 * Paid tasks no job owns. A task becomes a suspect when it could have been a lost create's
 * (a candidate the user did not choose, or one that showed up after its job was sent
 * again); it is shown as unclaimed — with "import to library" — until a job owns it, the
 * library imports it or the user dismisses it. A clip the user paid for is never left on
 * the server to expire unseen.
 */
export class UnclaimedTasks {
  private state: Stored;

  constructor(private readonly meta: MetaStore) {
    const parsed = Stored.safeParse(meta.getMeta(KEY));
    this.state = parsed.success ? parsed.data : { suspects: [], dismissed: [], sweeps: [] };
  }

  suspect(tasks: readonly VideoTask[]): void {
    const known = new Set([...this.state.suspects.map((s) => s.taskId), ...this.state.dismissed]);
    const fresh = tasks.filter((t) => !known.has(t.task_id)).map(toCandidate);
    if (fresh.length > 0)
      this.save({ ...this.state, suspects: [...this.state.suspects, ...fresh] });
  }

  /** Set aside: removed jobs' tasks, imported clips, and what the user dismissed. */
  dismiss(taskId: string): void {
    if (this.state.dismissed.includes(taskId)) return;
    this.save({
      ...this.state,
      suspects: this.state.suspects.filter((s) => s.taskId !== taskId),
      dismissed: [...this.state.dismissed, taskId],
    });
  }

  isDismissed(taskId: string): boolean {
    return this.state.dismissed.includes(taskId);
  }

  dismissed(): readonly string[] {
    return this.state.dismissed;
  }

  /**
   * The suspects no job owns (in the queue, or cleared to the history: `ownedElsewhere`) — shown once no lost create is still being looked for (until
   * then a suspect may yet be claimed).
   */
  shown(
    jobs: readonly JobRecord[],
    ownedElsewhere: (taskId: string) => boolean = () => false,
  ): TaskCandidate[] {
    if (jobs.some((r) => r.status === 'submitting' && r.check !== null)) return [];
    const owned = new Set(jobs.flatMap((r) => (r.taskId ? [r.taskId] : [])));
    return this.state.suspects.filter((s) => !owned.has(s.taskId) && !ownedElsewhere(s.taskId));
  }

  addSweep(sweep: Sweep): void {
    this.save({ ...this.state, sweeps: [...this.state.sweeps, sweep] });
  }

  sweeps(): readonly Sweep[] {
    return this.state.sweeps;
  }

  endSweep(sweep: Sweep): void {
    this.save({ ...this.state, sweeps: this.state.sweeps.filter((s) => s !== sweep) });
  }

  private save(next: Stored): void {
    this.meta.setMeta(KEY, next);
    this.state = next;
  }
}
