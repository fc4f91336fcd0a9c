import type { VideoTask } from '../../../shared/api/schemas';
import { asApiError, backoffMs, type EngineContext } from './context';

/**
 * Outcomes of a create call the engine cannot be sure about (reset after sending, a 5xx,
 * an unreadable answer) are settled by looking for the task on the server, never by
 * sending the request again. Server clocks and ours may differ: this much slack.
 */
export const RECONCILE_SKEW_MS = 10 * 60_000;

export async function submitJob(ctx: EngineContext, id: string): Promise<void> {
  const key = await ctx.apiKey();
  if (ctx.repo.get(id)?.status !== 'queued') return;
  if (!key) {
    ctx.change(id, { status: 'held', holdReason: 'no-key' });
    ctx.block('no-key', 'Add an API key in Settings (or start the demo) to submit jobs.');
    return;
  }
  const now = ctx.clock.now();
  // Persisted before the POST: after a crash, this is what says "maybe paid, reconcile".
  const record = ctx.change(id, { status: 'submitting', attemptAt: now, submittedAt: now, error: null, holdReason: null });
  let body;
  try {
    body = await ctx.toApiRequest(record);
  } catch (error) {
    ctx.failJob(id, { kind: 'input', message: `An input image could not be read: ${(error as Error).message}` }, false);
    return;
  }
  try {
    const created = await ctx.api.createVideo(key, body, ctx.signal);
    ctx.connectivity.wentOnline();
    ctx.adopt(id, { ...created, prompt: record.request.prompt }, created.cost_cents);
  } catch (error) {
    if (ctx.signal.aborted) return; // stopping: the record stays `submitting`, the next start reconciles
    await settleFailedCreate(ctx, id, error);
  }
}

async function settleFailedCreate(ctx: EngineContext, id: string, error: unknown): Promise<void> {
  const e = asApiError(error);
  switch (e.kind) {
    case 'rate-limited':
      ctx.change(id, { status: 'queued', attemptAt: null });
      ctx.backOffSubmissions(e.retryAfterMs ?? backoffMs(2, ctx.random));
      return;
    case 'balance':
      ctx.change(id, { status: 'held', holdReason: 'balance', error: { kind: e.kind, message: e.message } });
      ctx.block('balance', `Balance too low: ${e.message}`);
      return;
    case 'auth':
      ctx.change(id, { status: 'held', holdReason: 'key-rejected', error: { kind: e.kind, message: e.message } });
      ctx.block('key-rejected', `The API key was refused: ${e.message}`);
      return;
    case 'invalid-request':
    case 'not-found':
      ctx.failJob(id, { kind: e.kind, message: e.message, ...('field' in e && e.field ? { field: e.field } : {}) }, false);
      return;
    case 'network':
      if (!e.maybeSent) {
        ctx.change(id, { status: 'queued', attemptAt: null });
        ctx.connectivity.wentOffline();
        return;
      }
      return reconcile(ctx, id);
    case 'server':
    case 'bad-response':
      return reconcile(ctx, id);
  }
}

/**
 * Finds out whether a `submitting` job's task exists: the oldest unowned task with the same
 * model and prompt created since the attempt is adopted; with none, the job goes back to
 * the queue to be submitted again. On any doubt (offline, errors) the job stays
 * `submitting` and the engine asks again later.
 */
export async function reconcile(ctx: EngineContext, id: string): Promise<void> {
  const record = ctx.repo.get(id);
  if (record?.status !== 'submitting') return;
  const key = await ctx.apiKey();
  if (!key) return ctx.block('no-key', 'Add an API key to finish checking a submission that was interrupted.');
  let tasks: VideoTask[];
  try {
    tasks = await ctx.api.listTasks(key, { limit: 200 }, ctx.signal);
    ctx.connectivity.wentOnline();
  } catch (error) {
    if (ctx.signal.aborted) return;
    const e = asApiError(error);
    if (e.kind === 'network') return ctx.connectivity.wentOffline();
    if (e.kind === 'auth') return ctx.block('key-rejected', `The API key was refused: ${e.message}`);
    // Stays `submitting`; the engine asks again once the backoff has passed.
    ctx.backOffSubmissions(e.kind === 'rate-limited' && e.retryAfterMs ? e.retryAfterMs : backoffMs(1, ctx.random));
    return;
  }
  const match = findTask(tasks, record, ctx.ownedTaskIds());
  if (match) {
    ctx.adopt(id, match, match.cost_cents ?? record.costCents);
  } else {
    ctx.change(id, { status: 'queued', attemptAt: null });
  }
}

function findTask(tasks: VideoTask[], record: { request: { model: string; prompt: string }; attemptAt: number | null; createdAt: number }, owned: Set<string>): VideoTask | undefined {
  const since = (record.attemptAt ?? record.createdAt) - RECONCILE_SKEW_MS;
  return tasks
    .filter(
      (t) =>
        !owned.has(t.task_id) &&
        (t.model === undefined || t.model === record.request.model) &&
        // The list documents no prompt; where a server sends it, it must match.
        (t.prompt === undefined || t.prompt === record.request.prompt) &&
        (t.created ?? Infinity) * 1000 >= since,
    )
    .sort((a, b) => (a.created ?? 0) - (b.created ?? 0))[0];
}
