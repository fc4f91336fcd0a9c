import { z } from 'zod';
import { KeysList, PinnedKeyId as KeyId } from '../apiKeys';
import { JobDraft } from '../jobDraft';
import { LedgerTotals } from '../ledger';
import { BatchesChanged, BatchSummary, OnFailure } from '../jobBatches';
import { EngineState, ImageMime, Job, JobsChanged } from '../jobs';
import * as L from '../library';
import { Notice } from '../notices';
import { ModelInfo } from '../modelInfo';
import { SettingsPatch, SettingsView } from '../settings';
import { keyCommands } from './keyCommands';
import type { CommandName, EventName } from './names';

/**
 * The one IPC contract. Every host (Electron's ipcMain, the browser host's WebSocket)
 * validates requests with these schemas before a handler sees them.
 */
const Empty = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  host: z.enum(['electron', 'browser']),
  /**
   * Where the host serves the library's media, set by the host: `clip://media` in Electron,
   * `/media` in the browser host (the page's cookie admits it). A clip's media is at
   * `<mediaBase><clipMediaPath(clipId, kind)>`.
   */
  mediaBase: z.string().max(200),
});
export type AppInfo = z.infer<typeof AppInfo>;

const JobId = z.object({ id: z.string().min(1).max(100) }).strict();

/*
 * What a UI sends is bounded more tightly than what is stored (`JobRequest`, `Settings`),
 * so a value saved by an earlier version still reads while a new one cannot be 10 MB.
 */
const MAX_API_BASE_LENGTH = 2_048;
// Signed image URLs run to a few KB; eight of 10 MB each, times 50 copies, would be 4 GB of queue.
const MAX_IMAGE_URL_LENGTH = 16_384;

/** A draft names every field it sends: an unknown one is a mistake (or an attack), not noise. */
const Draft = JobDraft.strict().superRefine((draft, context) => {
  draft.inputImages.forEach((image, index) => {
    if ('url' in image && image.url.length > MAX_IMAGE_URL_LENGTH)
      context.addIssue({
        code: 'custom',
        path: ['inputImages', index, 'url'],
        message: `Too long: at most ${MAX_IMAGE_URL_LENGTH} characters`,
      });
  });
});

const BatchId = z.object({ batchId: z.string().min(1).max(100) }).strict();

const SettingsUpdate = SettingsPatch.refine(
  (patch) => patch.apiBase === undefined || patch.apiBase.length <= MAX_API_BASE_LENGTH,
  { path: ['apiBase'], message: `Too long: at most ${MAX_API_BASE_LENGTH} characters` },
);

// A NUL byte names no file anywhere: a bad request, not a folder that could not be made.
const SetFolder = L.SetFolderRequest.refine(({ path }) => !path.includes('\0'), {
  path: ['path'],
  message: 'A folder name cannot contain a NUL character',
});

/** What a host shows the user: an OS notification in Electron, a toast in the browser host. */
export const NotificationShown = z.object({
  // `drained`: a batch or the whole queue ran out of work (counts and spend in the body).
  kind: z.enum(['ready', 'failed', 'expired', 'drained']),
  title: z.string(),
  body: z.string(),
  jobId: z.string(),
  clipId: z.string().optional(),
  /** The batch a `drained` notification is about. */
  batchId: z.string().optional(),
});

/**
 * A language as a browser names it (`navigator.languages`): a BCP 47 tag such as `nl-NL`,
 * `en` or `zh-Hant-TW`. Tags are short; a browser lists a handful.
 */
const LanguageTag = z
  .string()
  .max(64)
  .regex(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/, 'Not a language tag such as nl-NL');
const ReportLanguages = z.object({ languages: z.array(LanguageTag).max(32) }).strict();

interface CommandSpec {
  request: z.ZodType;
  response: z.ZodType;
}

export const commands = {
  'app.info': { request: Empty, response: AppInfo },
  // What happened to the user's data at start (a damaged file restored, rows set aside).
  'app.notices': { request: Empty, response: z.object({ notices: z.array(Notice) }) },
  /*
   * The page's languages, most preferred first (`navigator.languages`), sent once at start:
   * the browser host speaks the first it knows (notifications, messages) while the language
   * setting is 'system'. The desktop app follows the OS instead. Answers what main speaks.
   */
  'app.reportLanguages': {
    request: ReportLanguages,
    response: z.object({ language: z.enum(['en', 'nl']) }),
  },
  'settings.get': { request: Empty, response: SettingsView },
  'settings.update': { request: SettingsUpdate, response: SettingsView },
  // Write-only: the key goes in, is checked against /v1/models, and never comes back out.
  'settings.setApiKey': {
    request: z
      .object({
        apiKey: z.string().trim().min(8).max(500),
        sessionOnly: z.boolean().default(false),
      })
      .strict(),
    response: SettingsView,
  },
  'settings.clearApiKey': { request: Empty, response: SettingsView },
  ...keyCommands,
  'models.list': {
    request: z.object({ refresh: z.boolean().default(false) }).strict(),
    response: z.object({ models: z.array(ModelInfo) }),
  },
  'jobs.list': { request: Empty, response: z.object({ jobs: z.array(Job), state: EngineState }) },
  'jobs.submit': {
    request: z
      .object({ request: Draft, copies: z.int().min(1).max(50).default(1), keyId: KeyId })
      .strict(),
    response: z.object({ jobs: z.array(Job) }),
  },
  /*
   * Jobs queued as one batch, in order, each with its place in it, all stored before the
   * answer. Refused as a whole (`over-budget`) when their estimated total would pass what
   * is left of today's budget: nothing is queued then.
   */
  'jobs.submitBatch': {
    request: z
      .object({
        name: z.string().trim().min(1).max(200),
        onFailure: OnFailure.default('continue'),
        jobs: z.array(Draft).min(1).max(10_000),
        keyId: KeyId,
      })
      .strict(),
    response: z.object({ batchId: z.string(), jobs: z.array(Job) }),
  },
  /*
   * An input image stored before the jobs that use it are queued (a batch's images, one
   * message each); jobs then name it by id, its SHA-256. 10 MB of image as base64.
   */
  'images.store': {
    request: z.object({ mime: ImageMime, dataBase64: z.base64().min(4).max(14_000_000) }).strict(),
    response: z.object({ blobId: z.string().regex(/^[a-f0-9]{64}$/), mime: ImageMime }),
  },
  'jobs.edit': { request: JobId.extend({ request: Draft }), response: Job },
  'jobs.move': {
    request: JobId.extend({ to: z.enum(['up', 'down', 'top']) }),
    response: z.object({ moved: z.boolean() }),
  },
  /*
   * A waiting job is cancelled as it is. One on the server only with `deleteOnServer`: its
   * task is deleted there, and the provider refunds nothing (the UI says so first).
   */
  'jobs.cancel': {
    request: JobId.extend({ deleteOnServer: z.literal(true).optional() }),
    response: Job,
  },
  'jobs.retry': { request: JobId, response: Job },
  'jobs.remove': { request: JobId, response: z.object({ removed: z.boolean() }) },
  // Ended jobs leave the queue for the history; their rows (and tasks, ledger, clips) stay.
  'jobs.clearFinished': { request: Empty, response: z.object({ cleared: z.int().nonnegative() }) },
  // The cleared jobs whose prompt contains `query`, the latest first, a page at a time.
  'jobs.history': {
    request: z
      .object({
        query: z.string().max(500),
        offset: z.int().min(0),
        limit: z.int().min(1).max(200),
      })
      .strict(),
    response: z.object({ jobs: z.array(Job), total: z.int().nonnegative() }),
  },
  'jobs.pause': { request: Empty, response: EngineState },
  'jobs.resume': { request: Empty, response: EngineState },
  'jobs.release': {
    request: z.object({ ids: z.array(z.string().max(100)).max(10_000).optional() }).strict(),
    response: EngineState,
  },
  // The user settles a job the engine could not pin to a task: this task is it (adopt it),
  // or null: the server made none — submit it again (the user's explicit choice).
  'jobs.resolve': {
    request: JobId.extend({ taskId: z.string().min(1).max(512).nullable() }).strict(),
    response: Job,
  },
  'jobs.dismissUnclaimed': {
    request: z.object({ taskId: z.string().min(1).max(512) }).strict(),
    response: EngineState,
  },
  // Batches with at least one job in the queue, oldest first.
  'batches.list': { request: Empty, response: z.object({ batches: z.array(BatchSummary) }) },
  // A paused batch's waiting jobs are not submitted; what is on the server runs on.
  'batches.pause': { request: BatchId, response: BatchSummary },
  'batches.resume': { request: BatchId, response: BatchSummary },
  // Cancels the batch's jobs not yet submitted; those already on the server keep running.
  'batches.cancel': {
    request: BatchId,
    response: z.object({ cancelled: z.int().nonnegative(), stillRunning: z.int().nonnegative() }),
  },
  // Retries each of its failed or expired jobs not retried yet (as jobs.retry); the new jobs.
  'batches.retryFailed': { request: BatchId, response: z.object({ jobs: z.array(Job) }) },
  // Moves the batch's waiting jobs, together, among the waiting jobs.
  'batches.move': {
    request: BatchId.extend({ to: z.enum(['top', 'bottom', 'up', 'down']) }),
    response: z.object({ moved: z.boolean() }),
  },
  /*
   * A queue file (a ZIP: the requests and their input images): one batch's jobs, or every
   * job not yet submitted. The renderer saves it; `leftOut` jobs had an image link that may
   * be signed, which never leaves the machine.
   */
  'queue.export': {
    request: z.object({ batchId: z.string().min(1).max(100).optional() }).strict(),
    response: z.object({
      fileName: z.string(),
      dataBase64: z.string(),
      leftOut: z.int().nonnegative(),
    }),
  },
  // Queues a queue file's batches and jobs, checked as jobs.submitBatch checks them: all or none.
  'queue.import': {
    request: z.object({ dataBase64: z.base64().min(4).max(200_000_000) }).strict(),
    response: z.object({ batches: z.int().nonnegative(), jobs: z.int().nonnegative() }),
  },
  'ledger.totals': { request: Empty, response: LedgerTotals },
  'library.info': { request: Empty, response: L.LibraryInfo },
  'library.search': { request: L.LibrarySearchRequest, response: L.LibrarySearchResponse },
  'library.get': { request: L.ClipRequest, response: L.ClipDetails },
  'library.favourite': { request: L.FavouriteRequest, response: L.Clip },
  'library.tag': { request: L.TagRequest, response: L.Clip },
  'library.delete': { request: L.DeleteClipRequest, response: L.DeleteClipResponse },
  'library.reveal': { request: L.ClipRequest, response: L.RevealResponse },
  'library.locate': { request: L.ClipRequest, response: L.LocateResponse },
  // The clip in the system's video player: the desktop app only ('unavailable' elsewhere).
  'library.open': { request: L.ClipRequest, response: L.RevealResponse },
  // A still of the clip (a PNG, checked) saved next to it and listed in its sidecar.
  'library.saveFrame': { request: L.SaveFrameRequest, response: L.SaveFrameResponse },
  // The clips' files as one ZIP (at most 300 MB) that opens as a library of those clips.
  'library.export': { request: L.ExportRequest, response: L.ExportResponse },
  'library.listRemote': { request: L.ListRemoteRequest, response: L.RemoteListResponse },
  'library.import': { request: L.ImportRequest, response: L.Clip },
  'library.setFolder': { request: SetFolder, response: L.LibraryInfo },
  // The system's folder picker, then as setFolder; null when the user cancels.
  'library.chooseFolder': {
    request: Empty,
    response: z.object({ info: L.LibraryInfo.nullable() }),
  },
  'library.rescan': { request: Empty, response: L.LibraryInfo },
} as const satisfies Record<CommandName, CommandSpec>;

/**
 * How far a first build of the library's index is: sidecars read, of all the folder holds
 * (one report per batch; clips appear as they land). `finished` on the last.
 */
export const LibraryIndexing = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  finished: z.boolean(),
});

export const events = {
  'settings.changed': SettingsView,
  'keys.changed': KeysList,
  'jobs.changed': JobsChanged,
  'batches.changed': BatchesChanged,
  'engine.changed': EngineState,
  'ledger.changed': LedgerTotals,
  'library.changed': L.LibraryChanged,
  'library.indexing': LibraryIndexing,
  'notification.shown': NotificationShown,
  // An OS notification was clicked: the UI shows its clip (or job).
  'notification.clicked': NotificationShown,
} as const satisfies Record<EventName, z.ZodType>;

export type Request<N extends CommandName> = z.input<(typeof commands)[N]['request']>;
export type ParsedRequest<N extends CommandName> = z.output<(typeof commands)[N]['request']>;
export type Response<N extends CommandName> = z.output<(typeof commands)[N]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** A table with one handler per command: what main (or a test host) implements. */
export type Handlers = {
  [N in CommandName]: (request: ParsedRequest<N>) => Promise<Response<N>>;
};

/** How a host pushes contract events to whoever listens. */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
