import type { VideoTask } from '../../../shared/api/schemas';
import { asApiError, type EngineContext } from './context';
import { keyOf, type JobRecord } from './jobRecord';
import { couldBe } from './reconcile';
import type { Sweep, UnclaimedTasks } from './unclaimedTasks';

/** How long after a lost create was sent again to look once more for its first task. */
const SWEEP_AFTER_MS = 5 * 60_000;

type SweepHost = EngineContext & {
  run(id: string, work: (ctx: EngineContext) => Promise<void>): void;
  isRunning(id: string): boolean;
};

/** A lost create's job goes back in line: its first task may still show up late in the list. */
export function sweepLater(
  host: { unclaimed: UnclaimedTasks; clock: { now(): number } },
  record: JobRecord,
): void {
  if (record.attemptAt === null) return;
  host.unclaimed.addSweep({
    jobId: record.id,
    attemptAt: record.attemptAt,
    at: host.clock.now() + SWEEP_AFTER_MS,
  });
}

/** Starts the sweeps that are due; returns when the next one is (Infinity: none). */
export function runDueSweeps(host: SweepHost, now: number): number {
  let next = Infinity;
  for (const due of host.unclaimed.sweeps()) {
    const id = `sweep:${due.jobId}`;
    if (due.at > now) next = Math.min(next, due.at);
    else if (!host.isRunning(id)) host.run(id, () => sweep(host, due));
  }
  return next;
}

/**
 * A minute of looks found no task for a lost create and the job was sent again. If the
 * server's list lags longer than that, the first task shows up later, paid for and owned by
 * no one: one more look finds it and shows it to the user as unclaimed.
 */
export async function sweep(
  ctx: EngineContext & { unclaimed: UnclaimedTasks },
  due: Sweep,
): Promise<void> {
  // The job's first task was made with its key: that key's list is where it shows up.
  const owner = ctx.repo.get(due.jobId) ?? ctx.repo.history.get(due.jobId);
  const key = await ctx.apiKey(keyOf(owner ?? { keyId: null }));
  if (!key) return;
  let tasks: VideoTask[];
  try {
    tasks = await ctx.api.listTasks(key, { limit: 200 }, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted || asApiError(error).kind === 'network') return;
    // Unreadable: it stays due and is tried at the next pump after a minute.
    ctx.unclaimed.endSweep(due);
    ctx.unclaimed.addSweep({ ...due, at: ctx.clock.now() + 60_000 });
    return;
  }
  ctx.sawTasks(tasks);
  // A job cleared to the history meanwhile still had its first task made: look for it all the same.
  const record = ctx.repo.get(due.jobId) ?? ctx.repo.history.get(due.jobId);
  ctx.unclaimed.endSweep(due);
  if (!record) return;
  const known = ctx.knownTaskIds();
  const then = { ...record, attemptAt: due.attemptAt };
  ctx.unclaimed.suspect(
    tasks.filter((t) => !known.has(t.task_id) && couldBe(then, t, ctx.clock.now())),
  );
}
