import type { VideoTask } from '../../../shared/api/schemas';
import { backoffMs } from '../backoff';
import { asApiError, endedWithOldDemo, type EngineContext } from './context';
import { sweepLater } from './sweep';
import { AMBIGUOUS_RELOOK_MS, judge, LOOK_SCHEDULE_MS, toCandidate } from './reconcile';

export async function submitJob(ctx: EngineContext, id: string): Promise<void> {
  const key = await ctx.apiKey();
  if (ctx.repo.get(id)?.status !== 'queued') return;
  if (!key) {
    ctx.change(id, { status: 'held', holdReason: 'no-key' });
    ctx.block('no-key', 'Add an API key in Settings (or start the demo) to submit jobs.');
    return;
  }
  const now = ctx.clock.now();
  const world = ctx.world();
  // Written before the POST: after a crash, this is what says "maybe paid, reconcile".
  const record = ctx.change(id, {
    status: 'submitting',
    demo: world.demo,
    demoSession: world.session,
    attemptAt: now,
    submittedAt: now,
    error: null,
    holdReason: null,
    check: null,
    looks: 0,
    lookAt: null,
  });
  // From here until its answer, this job's task may exist without the job knowing its id.
  ctx.creates.begin(id, record.request.model);
  try {
    let body;
    try {
      body = await ctx.toApiRequest(record);
    } catch (error) {
      // The error names a file in the app's own folder: the UI hears what, not where.
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'it is no longer stored' : `the disk said ${code ?? 'no'}`;
      const message = `An input image could not be read (${why}): add it again and retry.`;
      ctx.failJob(id, { kind: 'input', message });
      return;
    }
    try {
      const created = await ctx.api.createVideo(key, body, ctx.signal);
      ctx.connectivity.wentOnline();
      ctx.adopt(id, { ...created, prompt: record.request.prompt }, created.cost_cents);
    } catch (error) {
      if (ctx.signal.aborted) return; // stopping: the record stays `submitting`, the next start reconciles
      settleFailedCreate(ctx, id, error);
    }
  } finally {
    ctx.creates.end(id);
  }
}

function settleFailedCreate(ctx: EngineContext, id: string, error: unknown): void {
  const e = asApiError(error);
  switch (e.kind) {
    case 'rate-limited':
      ctx.change(id, { status: 'queued', attemptAt: null });
      ctx.backOffSubmissions(
        e.retryAfterMs ?? backoffMs(2, { baseMs: 2000, capMs: 60_000 }, ctx.random),
      );
      return;
    case 'balance':
      ctx.change(id, {
        status: 'held',
        holdReason: 'balance',
        error: { kind: e.kind, message: e.message },
      });
      ctx.block('balance', `Balance too low: ${e.message}`);
      return;
    case 'auth':
      ctx.change(id, {
        status: 'held',
        holdReason: 'key-rejected',
        error: { kind: e.kind, message: e.message },
      });
      ctx.block('key-rejected', `The API key was refused: ${e.message}`);
      return;
    case 'invalid-request':
    case 'not-found':
      ctx.failJob(id, {
        kind: e.kind,
        message: e.message,
        ...('field' in e && e.field ? { field: e.field } : {}),
      });
      return;
    case 'network':
      if (!e.maybeSent) {
        ctx.change(id, { status: 'queued', attemptAt: null });
        ctx.connectivity.wentOffline();
        return;
      }
      return lost(ctx, id, `The connection broke after the request was sent (${e.message}).`);
    case 'server':
    case 'bad-response':
      return lost(ctx, id, `The server gave no usable answer (${e.message}).`);
  }
}

/** The create may or may not have made a task: from now on the engine looks for it. */
function lost(ctx: EngineContext, id: string, why: string): void {
  ctx.change(id, {
    check: {
      state: 'looking',
      message: `${why} Looking for its task on the server before anything is sent again.`,
      candidates: [],
    },
    looks: 0,
    lookAt: null,
  });
}

/**
 * Finds out whether a `submitting` job's task exists, from the key's task list. The engine
 * runs this only while no create of the same model is unanswered (its task would look
 * like ours). See `judge` for when a task is adopted; a job goes back in line only after
 * the list has shown nothing for a minute of looks; with several possible tasks the user
 * chooses. On any doubt the job stays `submitting` and holds its slot.
 */
export async function reconcile(ctx: EngineContext, id: string): Promise<void> {
  const before = ctx.repo.get(id);
  if (before?.status !== 'submitting') return;
  const key = await ctx.apiKey();
  if (!key)
    return ctx.block(
      'no-key',
      'Add an API key to finish checking a submission that was interrupted.',
    );
  if (endedWithOldDemo(ctx, id)) return;
  let tasks: VideoTask[];
  try {
    tasks = await ctx.api.listTasks(key, { limit: 200 }, ctx.signal);
    ctx.connectivity.wentOnline();
  } catch (error) {
    if (ctx.signal.aborted) return;
    const e = asApiError(error);
    if (e.kind === 'network') return ctx.connectivity.wentOffline();
    if (e.kind === 'auth')
      return ctx.block('key-rejected', `The API key was refused: ${e.message}`);
    const wait =
      e.kind === 'rate-limited' && e.retryAfterMs
        ? e.retryAfterMs
        : Math.max(
            5_000,
            backoffMs(before.looks + 1, { baseMs: 5_000, capMs: 60_000 }, ctx.random),
          );
    const message =
      e.kind === 'bad-response'
        ? `Airframe cannot read the server's task list (${e.message}), so it cannot tell whether this job was created and paid for. It asks again in ${Math.ceil(wait / 1000)} s; if you know the answer, choose it.`
        : `Checking whether this job was created failed (${e.message}); asking again in ${Math.ceil(wait / 1000)} s.`;
    ctx.change(id, {
      check: { state: 'unreadable', message, candidates: [] },
      looks: before.looks + 1,
      lookAt: ctx.clock.now() + wait,
    });
    return;
  }
  ctx.sawTasks(tasks);
  // The answer took time: only decide for the attempt that asked, and not while a create of
  // the same model is unanswered (the pump runs this again when it settles).
  const record = ctx.repo.get(id);
  if (record?.status !== 'submitting' || record.attemptAt !== before.attemptAt) return;
  if (ctx.creates.pending(record.request.model, id)) return;
  const now = ctx.clock.now();
  const lostJobs = ctx.repo
    .all()
    .filter((r) => r.status === 'submitting' && !ctx.creates.has(r.id));
  const verdict = judge(record, lostJobs, tasks, ctx.knownTaskIds(), now);
  if (verdict.kind === 'adopt')
    return ctx.adopt(id, verdict.task, verdict.task.cost_cents ?? record.costCents);
  if (verdict.kind === 'ambiguous') {
    ctx.unclaimed.suspect(verdict.candidates);
    const message = `${verdict.candidates.length} tasks on the server could be this job's, and the server does not say which. Choose the one that is this job's, or say none is.`;
    ctx.change(id, {
      check: { state: 'ambiguous', message, candidates: verdict.candidates.map(toCandidate) },
      lookAt: now + AMBIGUOUS_RELOOK_MS,
    });
    return;
  }
  const looks = record.looks + 1;
  const next = LOOK_SCHEDULE_MS[looks];
  if (next === undefined) {
    // A minute of looks found nothing: the server made no task. Send it again.
    sweepLater(ctx, record);
    ctx.backInLine(id);
    return;
  }
  const attempt = record.attemptAt ?? now;
  const message = `The create call got no clear answer and its task is not in the server's list yet (look ${looks} of ${LOOK_SCHEDULE_MS.length}). Nothing is sent again until it is certain there is none.`;
  ctx.change(id, {
    check: { state: 'looking', message, candidates: [] },
    looks,
    lookAt: Math.max(attempt + next, now + 1_000),
  });
}
