import type { VideoTask } from '../../../shared/api/schemas';
import { UserError } from '../../../shared/contract/result';
import { isTaskId, type Clip, type RemoteListResponse } from '../../../shared/library';
import { AirforceError, type AirforceApi } from '../airforce/types';
import { english, type Translate } from '../i18n';
import type { Clock } from '../ports';
import type { DownloadQueue } from './downloadQueue';
import type { LibraryFolder } from './libraryFolder';
import { clipIdFor } from './naming';
import type { UnknownField } from './sidecar';
import type { ClipSource } from './types';

/*
 * The server's history as the library sees it: tasks made elsewhere (another device, the
 * API directly) listed with what a saved clip still knows of them, and saved on request.
 */

export interface HistoryDeps {
  library: LibraryFolder;
  downloads: DownloadQueue;
  api: AirforceApi;
  clock: Clock;
  /** What the history's refusals say, in main's language (English when not given). */
  t?: Translate;
}

const textOf = (deps: HistoryDeps): Translate => deps.t ?? english.t;

/** The server's recent history (newest first), to pick tasks made elsewhere. */
export async function listRemote(deps: HistoryDeps, apiKey: string): Promise<RemoteListResponse> {
  let tasks: VideoTask[];
  try {
    tasks = await deps.api.listTasks(apiKey, { limit: 200 });
  } catch (error) {
    throw new UserError(
      'unavailable',
      textOf(deps)('history.unreadable', { reason: message(error) }),
    );
  }
  // The documented items carry no prompt or date: a clip already saved still knows its own.
  return {
    tasks: tasks
      .filter((task) => isTaskId(task.task_id))
      .map((task) => {
        const saved = deps.library.entry(clipIdFor(task.task_id))?.clip;
        return {
          taskId: task.task_id,
          status: task.status,
          model: task.model ?? saved?.model ?? null,
          prompt: task.prompt ?? saved?.prompt ?? null,
          createdAt: task.created !== undefined ? task.created * 1000 : (saved?.createdAt ?? null),
          expiresAt: task.expires_at !== undefined ? task.expires_at * 1000 : null,
          inLibrary: saved !== undefined,
        };
      }),
  };
}

/** A key to ask the server about a task with. */
export interface KeyTry {
  keyId: string;
  apiKey: string;
}

/**
 * Saves a task from the server's history; resolves once the clip is in the library. A task
 * is known to the key that made it only (issue 18): `keys` are asked in turn until one knows it.
 */
export async function importTask(
  deps: HistoryDeps,
  keys: () => Promise<readonly KeyTry[]>,
  taskId: string,
): Promise<Clip> {
  const saved = deps.library.entry(clipIdFor(taskId));
  if (saved) return saved.clip;
  const t = textOf(deps);
  const { task, keyId } = await findTask(deps.api, await keys(), taskId, t);
  if (task.status !== 'completed' || !task.result_url) {
    const status = t(`taskStatus.${task.status}`);
    throw new UserError('conflict', t('history.notCompleted', { taskId, status }));
  }
  // Its link is renewed with the key that knows it.
  const source = { ...importSource(task, task.result_url, deps.clock.now()), keyId };
  const clipId = await new Promise<string>((resolvePromise, reject) => {
    deps.downloads.enqueueFor(source, {
      t,
      progress: () => {},
      saved: (_jobId, id) => resolvePromise(id),
      expired: (_jobId, reason) => reject(new UserError('not-found', reason)),
      paused: () => {},
    });
  });
  const entry = deps.library.entry(clipId);
  if (!entry) throw new UserError('not-found', t('library.clipGone'));
  return entry.clip;
}

/** The task from the first key that knows it; not found when none does. */
async function findTask(
  api: AirforceApi,
  keys: readonly KeyTry[],
  taskId: string,
  t: Translate,
): Promise<{ task: VideoTask; keyId: string }> {
  for (const { keyId, apiKey } of keys) {
    const task = await remoteTask(api, apiKey, taskId, t).catch((error: unknown) => {
      if (error instanceof UserError && error.code === 'not-found') return null;
      throw error;
    });
    if (task) return { task, keyId };
  }
  throw new UserError('not-found', t('history.noTask', { taskId }));
}

/**
 * The task from the status call, with what the history adds where it lists it: a prompt
 * and a creation date, which documented items need not carry. The history is only a bonus:
 * unreadable, lagging or too short for the task, the status call alone still imports it.
 */
async function remoteTask(
  api: AirforceApi,
  apiKey: string,
  taskId: string,
  t: Translate,
): Promise<VideoTask> {
  const listed = await api.listTasks(apiKey, { limit: 200 }).then(
    (recent) => recent.find((task) => task.task_id === taskId),
    () => undefined,
  );
  let task: VideoTask;
  try {
    task = await api.getTask(apiKey, taskId);
  } catch (error) {
    if (isNotFound(error)) throw new UserError('not-found', t('history.noTask', { taskId }));
    throw new UserError('unavailable', t('history.taskUnreadable', { reason: message(error) }));
  }
  const prompt = task.prompt ?? listed?.prompt;
  const created = task.created ?? listed?.created;
  return {
    ...task,
    ...(prompt !== undefined ? { prompt } : {}),
    ...(created !== undefined ? { created } : {}),
  };
}

/**
 * What the server knows of a task made elsewhere. The rest is unknown and the sidecar says
 * so (`unknown`): the status shape has no mode, and a documented list item no prompt.
 */
function importSource(task: VideoTask, resultUrl: string, now: number): ClipSource {
  const unknown: UnknownField[] = ['mode'];
  if (task.prompt === undefined) unknown.push('prompt');
  if (task.model === undefined) unknown.push('model');
  if (task.created === undefined) unknown.push('createdAt');
  return {
    jobId: `import:${task.task_id}`,
    taskId: task.task_id,
    request: {
      model: task.model ?? 'unknown',
      prompt: task.prompt ?? '',
      mode: 'text',
      durationSeconds: task.duration_seconds ?? 0,
      inputImages: [],
    },
    costCents: task.cost_cents ?? null,
    createdAt: createdAt(task, now),
    completedAt: null,
    expiresAt: task.expires_at !== undefined ? task.expires_at * 1000 : null,
    resultUrl,
    ...(task.thumbnail_url ? { thumbnailUrl: task.thumbnail_url } : {}),
    unknown,
  };
}

/** The status call may leave out `created`; results live 24 hours, so `expires_at` tells it. */
function createdAt(task: VideoTask, now: number): number {
  if (task.created !== undefined) return task.created * 1000;
  if (task.expires_at !== undefined) return task.expires_at * 1000 - RESULT_LIFETIME_MS;
  return now;
}

const RESULT_LIFETIME_MS = 24 * 3_600_000;

export const isNotFound = (error: unknown): boolean =>
  error instanceof AirforceError && error.error.kind === 'not-found';

export const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
