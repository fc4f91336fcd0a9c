import { isTerminal, type VideoTask } from '../../../shared/api/schemas';
import { isOnServer, type HoldReason } from '../../../shared/jobs';
import { sleep } from '../clock';
import { backoffMs } from '../backoff';
import { asApiError, endedWithOldDemo, type EngineContext } from './context';
import type { JobRecord } from './jobRecord';
import { failure, observation } from './taskOutcomes';

const MIN_POLL_MS = 5_000;
const MAX_POLL_MS = 15_000;

/**
 * Follows a job's task to its end: by its progress stream first; when the stream fails or
 * ends without a terminal state, by polling (5–15 s, sooner near the expected end, slower
 * while queued). Offline, it waits for the network rather than failing.
 */
export async function followJob(ctx: EngineContext, id: string): Promise<void> {
  let useStream = true;
  let errors = 0;
  const observe = (task: VideoTask) => {
    const current = ctx.repo.get(id);
    if (current) ctx.apply(...observation(current, task, ctx.facts()));
  };
  const block = (reason: HoldReason, message: string) =>
    ctx.apply({ id, block: { reason, message } });
  for (;;) {
    const record = ctx.repo.get(id);
    if (!record?.taskId || !isOnServer(record.status)) return;
    await ctx.connectivity.waitOnline(ctx.signal);
    const key = await ctx.apiKey();
    if (!key) return block('no-key', 'Add an API key to keep following your running jobs.');
    if (endedWithOldDemo(ctx, id)) return;
    try {
      if (useStream) {
        const end = await ctx.api.streamTask(key, record.taskId, {
          signal: ctx.signal,
          idleTimeoutMs: ctx.streamIdleTimeoutMs,
          // The terminal payload is taken below, once the final task is known.
          onEvent: (task) => (isTerminal(task.status) ? undefined : observe(task)),
        });
        if (end.kind === 'terminal')
          return observe(await finalTask(ctx, key, record.taskId, end.task));
        useStream = false; // polling from now on; the first poll learns where the task is
        continue;
      }
      const task = await ctx.api.getTask(key, record.taskId, ctx.signal);
      ctx.connectivity.wentOnline();
      errors = 0;
      observe(task);
      if (isTerminal(task.status)) return;
      await sleep(
        ctx.clock,
        pollDelayMs(ctx.repo.get(id) ?? record, task, ctx.clock.now(), ctx.random),
        ctx.signal,
      );
    } catch (error) {
      if (ctx.signal.aborted) return;
      const e = asApiError(error);
      if (e.kind === 'network') {
        ctx.connectivity.wentOffline();
        continue;
      }
      if (e.kind === 'auth') return block('key-rejected', `The API key was refused: ${e.message}`);
      if (e.kind === 'not-found') {
        const gone = 'The task no longer exists on the server (deleted elsewhere?).';
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
      await sleep(ctx.clock, wait, ctx.signal).catch(() => undefined);
      if (ctx.signal.aborted) return;
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
): Promise<VideoTask> {
  const complete =
    task.status === 'completed' ? task.result_url !== undefined : task.cost_cents !== undefined;
  if (complete) return task;
  try {
    const final = await ctx.api.getTask(key, taskId, ctx.signal);
    return isTerminal(final.status) ? final : task;
  } catch {
    return task;
  }
}

/**
 * The next poll: slow while queued, and while running, about when the task should end at
 * its observed rate of progress — always 5–15 s, with ±20 % jitter so many clients (or
 * many jobs) do not poll in step.
 */
export function pollDelayMs(
  record: Pick<JobRecord, 'startedAt'>,
  task: VideoTask,
  now: number,
  random: () => number,
): number {
  let base = 10_000;
  if (task.status === 'queued') base = MAX_POLL_MS;
  else if (
    task.status === 'running' &&
    task.progress &&
    record.startedAt !== null &&
    now > record.startedAt
  ) {
    const rate = task.progress / (now - record.startedAt);
    base = (100 - task.progress) / rate;
  }
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, jittered)));
}
