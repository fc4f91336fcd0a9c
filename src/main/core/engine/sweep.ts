import type { VideoTask } from '../../../shared/api/schemas';
import { asApiError, type EngineContext } from './context';
import { couldBe } from './reconcile';
import type { Sweep, UnclaimedTasks } from './unclaimedTasks';

/**
 * A minute of looks found no task for a lost create and the job was sent again. If the
 * server's list lags longer than that, the first task shows up later, paid for and owned by
 * no one: one more look finds it and shows it to the user as unclaimed.
 */
export async function sweep(
  ctx: EngineContext & { unclaimed: UnclaimedTasks },
  due: Sweep,
): Promise<void> {
  const key = await ctx.apiKey();
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
  const record = ctx.repo.get(due.jobId);
  ctx.unclaimed.endSweep(due);
  if (!record) return;
  const known = ctx.knownTaskIds();
  const then = { ...record, attemptAt: due.attemptAt };
  ctx.suspect(tasks.filter((t) => !known.has(t.task_id) && couldBe(then, t, ctx.clock.now())));
}
