import type { VideoTask } from '../../../shared/api/schemas';
import { backoffMs } from '../backoff';
import type { ApiError } from '../airforce/types';
import { english, type Translate } from '../i18n';
import { asApiError, endedWithOldDemo, type EngineContext } from './context';
import { backInLine, type JobChange } from './jobChange';
import { keyOf, type JobRecord } from './jobRecord';
import { adoption, failure } from './taskOutcomes';
import { sweepLater } from './sweep';
import { AMBIGUOUS_RELOOK_MS, judge, LOOK_SCHEDULE_MS, toCandidate } from './reconcile';

/** Sends a queued job with the key admission gave it, to which it is bound from now on. */
export async function submitJob(ctx: EngineContext, id: string, keyId: string): Promise<void> {
  const key = await ctx.apiKey(keyId);
  if (ctx.repo.get(id)?.status !== 'queued') return;
  if (!key) {
    const message = ctx.t('job.noKey');
    const held = { status: 'held', holdReason: 'no-key' } as const;
    return ctx.apply({ id, patch: held, block: { reason: 'no-key', message, keyId } });
  }
  const now = ctx.clock.now();
  const world = ctx.world();
  // Written before the POST: after a crash, this is what says "maybe paid, reconcile".
  ctx.apply({
    id,
    patch: {
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
      keyId,
    },
  });
  const record = ctx.repo.get(id);
  if (!record) return;
  // From here until its answer, this job's task may exist without the job knowing its id.
  ctx.creates.begin(id, record.request.model);
  try {
    let body;
    try {
      body = await ctx.toApiRequest(record);
    } catch (error) {
      // The error names a file in the app's own folder: the UI hears what, not where.
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT'
          ? ctx.t('job.inputGone')
          : ctx.t('job.inputUnreadable', { code: code ?? 'no' });
      ctx.apply(...failure(record, { kind: 'input', message }, ctx.clock.now()));
      return;
    }
    try {
      const created = await ctx.api.createVideo(key, body, ctx.signal);
      ctx.connectivity.wentOnline();
      const task = { ...created, prompt: record.request.prompt };
      ctx.apply(...adoption(ctx.repo.get(id) ?? record, task, created.cost_cents, ctx.facts()));
    } catch (error) {
      if (ctx.signal.aborted) return; // stopping: the record stays `submitting`, the next start reconciles
      const e = asApiError(error);
      ctx.apply(...createFailed(ctx.repo.get(id) ?? record, e, ctx.clock.now(), ctx.random, ctx.t));
    }
  } finally {
    ctx.creates.end(id);
  }
}

/** What a create's failure does to its job, and to the submissions that would follow it. */
export function createFailed(
  record: JobRecord,
  e: ApiError,
  now: number,
  random: () => number,
  t: Translate = english.t,
): JobChange[] {
  const { id } = record;
  const error = { kind: e.kind, message: e.message };
  switch (e.kind) {
    case 'rate-limited': {
      const backOffMs = e.retryAfterMs ?? backoffMs(2, { baseMs: 2000, capMs: 60_000 }, random);
      return [{ id, patch: { status: 'queued', attemptAt: null }, backOffMs }];
    }
    case 'balance':
      return [
        {
          id,
          patch: { status: 'held', holdReason: 'balance', error },
          block: { reason: 'balance', message: t('job.balanceLow', { reason: e.message }) },
        },
      ];
    case 'auth':
      return [
        {
          id,
          patch: { status: 'held', holdReason: 'key-rejected', error },
          block: { reason: 'key-rejected', message: t('job.keyRefused', { reason: e.message }) },
        },
      ];
    case 'invalid-request':
    case 'not-found':
      return failure(
        record,
        { ...error, ...('field' in e && e.field ? { field: e.field } : {}) },
        now,
      );
    case 'network':
      if (!e.maybeSent)
        return [{ id, patch: { status: 'queued', attemptAt: null }, offline: true }];
      return [lost(id, t('job.connectionBroke', { reason: e.message }), t)];
    case 'server':
    case 'bad-response':
      return [lost(id, t('job.noUsableAnswer', { reason: e.message }), t)];
  }
}

/** The create may or may not have made a task: from now on the engine looks for it. */
function lost(id: string, why: string, t: Translate): JobChange {
  const message = t('job.lookingForTask', { why });
  return {
    id,
    patch: { check: { state: 'looking', message, candidates: [] }, looks: 0, lookAt: null },
  };
}

/**
 * What an unread task list does to a lost create's job: offline, the engine waits for the
 * network; a refused key stops everything; otherwise the job says why and asks again later.
 */
export function listUnread(
  record: JobRecord,
  e: ApiError,
  now: number,
  random: () => number,
  t: Translate = english.t,
): JobChange {
  const { id } = record;
  if (e.kind === 'network') return { id, offline: true };
  if (e.kind === 'auth')
    return {
      id,
      block: { reason: 'key-rejected', message: t('job.keyRefused', { reason: e.message }) },
    };
  const wait =
    e.kind === 'rate-limited' && e.retryAfterMs
      ? e.retryAfterMs
      : Math.max(5_000, backoffMs(record.looks + 1, { baseMs: 5_000, capMs: 60_000 }, random));
  const message =
    e.kind === 'bad-response'
      ? `Airframe cannot read the server's task list (${e.message}), so it cannot tell whether this job was created and paid for. It asks again in ${Math.ceil(wait / 1000)} s; if you know the answer, choose it.`
      : `Checking whether this job was created failed (${e.message}); asking again in ${Math.ceil(wait / 1000)} s.`;
  return {
    id,
    patch: {
      check: { state: 'unreadable', message, candidates: [] },
      looks: record.looks + 1,
      lookAt: now + wait,
    },
  };
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
  const key = await ctx.apiKey(keyOf(before));
  if (!key) {
    const message = ctx.t('job.noKeyToFinish');
    return ctx.apply({ id, block: { reason: 'no-key', message } });
  }
  if (endedWithOldDemo(ctx, id)) return;
  let tasks: VideoTask[];
  try {
    tasks = await ctx.api.listTasks(key, { limit: 200 }, ctx.signal);
    ctx.connectivity.wentOnline();
  } catch (error) {
    if (ctx.signal.aborted) return;
    return ctx.apply(listUnread(before, asApiError(error), ctx.clock.now(), ctx.random, ctx.t));
  }
  ctx.sawTasks(tasks);
  // The answer took time: only decide for the attempt that asked, and not while a create of
  // the same model is unanswered (the pump runs this again when it settles).
  const record = ctx.repo.get(id);
  if (record?.status !== 'submitting' || record.attemptAt !== before.attemptAt) return;
  if (ctx.creates.pending(record.request.model, id)) return;
  const now = ctx.clock.now();
  // The list is this key's tasks only: only this key's lost creates compete for them.
  const lostJobs = ctx.repo
    .all()
    .filter(
      (r) => r.status === 'submitting' && !ctx.creates.has(r.id) && keyOf(r) === keyOf(record),
    );
  const verdict = judge(record, lostJobs, tasks, ctx.knownTaskIds(), now);
  if (verdict.kind === 'adopt') {
    const cost = verdict.task.cost_cents ?? record.costCents;
    return ctx.apply(...adoption(record, verdict.task, cost, ctx.facts()));
  }
  if (verdict.kind === 'ambiguous') {
    ctx.unclaimed.suspect(verdict.candidates);
    const message = ctx.t('job.ambiguous', { count: verdict.candidates.length });
    const candidates = verdict.candidates.map(toCandidate);
    return ctx.apply({
      id,
      patch: {
        check: { state: 'ambiguous', message, candidates },
        lookAt: now + AMBIGUOUS_RELOOK_MS,
      },
    });
  }
  const looks = record.looks + 1;
  const next = LOOK_SCHEDULE_MS[looks];
  if (next === undefined) {
    // A minute of looks found nothing: the server made no task. Send it again.
    sweepLater(ctx, record);
    return ctx.apply(backInLine(id));
  }
  const attempt = record.attemptAt ?? now;
  const message = ctx.t('job.looking', { look: looks, of: LOOK_SCHEDULE_MS.length });
  ctx.apply({
    id,
    patch: {
      check: { state: 'looking', message, candidates: [] },
      looks,
      lookAt: Math.max(attempt + next, now + 1_000),
    },
  });
}
