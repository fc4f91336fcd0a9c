import { isTerminal, type VideoTask } from '../../../shared/api/schemas';
import { isOnServer, type HoldReason } from '../../../shared/jobs';
import { sleep } from '../clock';
import { backoffMs } from '../backoff';
import { asApiError, endedWithOldDemo, type EngineContext } from './context';
import type { TaskLook } from './finishEstimate';
import { MIN_POLL_MS, nextPollMs } from './pollPlan';
import { failure, observation } from './taskOutcomes';
import { keyOf } from './jobRecord';

/**
 * Follows a job's task to its end: by its progress stream first; when the stream fails or
 * ends without a terminal state, by polling (5–15 s, aimed just after the expected end: see
 * pollPlan). Every poll and stream event is kept as a look at the task, which is what the
 * expected end is read from. Offline, it waits for the network rather than failing.
 * `signal` ends it: the engine stopping, or the user deleting the task (see serverCancel).
 */
export async function followJob(
  ctx: EngineContext,
  id: string,
  signal: AbortSignal = ctx.signal,
): Promise<void> {
  let useStream = true;
  let errors = 0;
  const looks: TaskLook[] = [];
  const look = (sentAt: number, task: VideoTask, live = false) =>
    looks.push({
      sentAt,
      receivedAt: ctx.clock.now(),
      status: task.status,
      ...progressOf(task),
      ...(live ? { live } : {}),
    });
  const observe = (task: VideoTask) => {
    const current = ctx.repo.get(id);
    if (current) ctx.apply(...observation(current, task, ctx.facts()));
  };
  const block = (reason: HoldReason, message: string) =>
    ctx.apply({ id, block: { reason, message } });
  for (;;) {
    const record = ctx.repo.get(id);
    if (!record?.taskId || !isOnServer(record.status)) return;
    // Ended while it waits for the network: nothing to follow any more, nothing gone wrong.
    if (
      !(await ctx.connectivity.waitOnline(signal).then(
        () => true,
        () => false,
      ))
    )
      return;
    const key = await ctx.apiKey(keyOf(record));
    if (!key) return block('no-key', ctx.t('job.noKeyToFollow'));
    if (endedWithOldDemo(ctx, id)) return;
    try {
      if (useStream) {
        const end = await ctx.api.streamTask(key, record.taskId, {
          signal,
          idleTimeoutMs: ctx.streamIdleTimeoutMs,
          // The terminal payload is taken below, once the final task is known.
          onEvent: (task) => {
            if (isTerminal(task.status) || signal.aborted) return;
            look(ctx.clock.now(), task, true);
            observe(task);
          },
        });
        if (end.kind === 'terminal')
          return observe(await finalTask(ctx, key, record.taskId, end.task, signal));
        useStream = false; // polling from now on; the first poll learns where the task is
        continue;
      }
      const sentAt = ctx.clock.now();
      const task = await ctx.api.getTask(key, record.taskId, signal);
      look(sentAt, task);
      ctx.connectivity.wentOnline();
      errors = 0;
      observe(task);
      if (isTerminal(task.status)) return;
      const delay = nextPollMs(
        ctx.repo.get(id) ?? record,
        looks,
        ctx.repo.all(),
        ctx.clock.now(),
        ctx.random,
      );
      await sleep(ctx.clock, delay, signal);
    } catch (error) {
      if (signal.aborted) return;
      const e = asApiError(error);
      if (e.kind === 'network') {
        ctx.connectivity.wentOffline();
        continue;
      }
      if (e.kind === 'auth')
        return block('key-rejected', ctx.t('job.keyRefused', { reason: e.message }));
      if (e.kind === 'not-found') {
        const gone = ctx.t('job.taskGone');
        const current = ctx.repo.get(id);
        if (current)
          ctx.apply(...failure(current, { kind: 'not-found', message: gone }, ctx.clock.now()));
        return;
      }
      errors += 1;
      const wait =
        e.kind === 'rate-limited' && e.retryAfterMs
          ? e.retryAfterMs
          : backoffMs(errors, { baseMs: MIN_POLL_MS, capMs: 60_000 }, ctx.random);
      await sleep(ctx.clock, wait, signal).catch(() => undefined);
      if (signal.aborted) return;
    }
  }
}

/**
 * A stream's terminal event need not carry what the books and the library need (the
 * documented `completed` event has no `cost_cents`): then the status call has the last word.
 */
async function finalTask(
  ctx: EngineContext,
  key: string,
  taskId: string,
  task: VideoTask,
  signal: AbortSignal,
): Promise<VideoTask> {
  const complete =
    task.status === 'completed' ? task.result_url !== undefined : task.cost_cents !== undefined;
  if (complete) return task;
  try {
    const final = await ctx.api.getTask(key, taskId, signal);
    return isTerminal(final.status) ? final : task;
  } catch {
    return task;
  }
}

function progressOf(task: VideoTask): { progress?: number } {
  return task.progress === undefined ? {} : { progress: task.progress };
}
