import { z } from 'zod';
import { AspectRatio, Quality, TaskStatus, VideoMode } from './api/schemas';
import { ClipId } from './clipId';
import { ImageMime } from './jobs';

export { CLIP_ID_PATTERN, ClipId } from './clipId';

/**
 * The library as a UI sees it: clips by id, never a file path it could open (media is
 * reached through the `clip://` handler by id) and never a signed URL.
 */

/**
 * Task ids come from the server and are opaque: nothing promises their alphabet, so any
 * non-empty string up to this length is taken, kept verbatim and sent back to the API as is.
 */
export const TASK_ID_MAX = 512;
export const TaskId = z.string().min(1).max(TASK_ID_MAX);
export const isTaskId = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= TASK_ID_MAX;

export const Clip = z.object({
  /** Stable across machines: derived from the task id alone (the task id itself when safe). */
  id: ClipId,
  /** The server's task id, verbatim. */
  taskId: z.string(),
  /** The file name without extension (`YYYY-MM-DD_HHMM_<slug>_<clipId>`), for display. */
  name: z.string(),
  /** null: the server never said (a task imported from a history that lists no prompts). */
  prompt: z.string().nullable(),
  model: z.string(),
  mode: VideoMode,
  durationSeconds: z.number().nullable(),
  aspectRatio: AspectRatio.nullable(),
  quality: Quality.nullable(),
  seed: z.number().nullable(),
  sound: z.boolean().nullable(),
  costCents: z.number().nullable(),
  /** ms since epoch */
  createdAt: z.number(),
  completedAt: z.number().nullable(),
  favourite: z.boolean(),
  tags: z.array(z.string()),
  hasPoster: z.boolean(),
  /** The clip this one continues from one of its frames ("Continue from this frame"), or null. */
  parentClipId: ClipId.nullable(),
});
export type Clip = z.infer<typeof Clip>;

/** An input image kept with the clip: a file in the library (by name) or the URL used. */
export const ClipInputImage = z.union([
  z.object({ file: z.string(), mime: ImageMime }),
  z.object({ url: z.string() }),
]);
export type ClipInputImage = z.infer<typeof ClipInputImage>;

/**
 * A still saved from the clip (a PNG next to it in the library), by its place in the clip's
 * list: the media route serves it as `frame-<index>`.
 */
export const ClipFrame = z.object({
  index: z.int().nonnegative(),
  /** Where in the clip it was taken. */
  atSeconds: z.number(),
  /** ms since epoch */
  savedAt: z.number(),
});
export type ClipFrame = z.infer<typeof ClipFrame>;

export const ClipDetails = Clip.extend({
  inputImages: z.array(ClipInputImage),
  savedAt: z.number().nullable(),
  /** Where in the parent (seconds) the first frame was taken; null without a parent. */
  parentFrameSeconds: z.number().nullable(),
  /** The clip this one continues, when the library still has it. */
  parent: Clip.nullable(),
  /** Clips that continue this one, oldest first. */
  children: z.array(Clip),
  /** Stills saved from it, in the order they were first saved; absent: none. */
  frames: z.array(ClipFrame).optional(),
});
export type ClipDetails = z.infer<typeof ClipDetails>;

/** A frame of 4K is a few MB of PNG; 20 MB, as base64, is far past any real one. */
export const MAX_FRAME_BASE64 = 28_000_000;

export const SaveFrameRequest = z
  .object({
    clipId: ClipId,
    /** Where in the clip the frame is (no clip is longer than a job may ask for: 600 s). */
    atSeconds: z.number().min(0).max(600),
    pngBase64: z.base64().min(8).max(MAX_FRAME_BASE64),
  })
  .strict();
export type SaveFrameRequest = z.infer<typeof SaveFrameRequest>;

/** The still saved, and the clip's stills now (one saved at the same moment is replaced). */
export const SaveFrameResponse = z.object({ frame: ClipFrame, frames: z.array(ClipFrame) });
export type SaveFrameResponse = z.infer<typeof SaveFrameResponse>;

/** Clips to export, by id: a library's worth at most. */
export const ExportRequest = z.object({ clipIds: z.array(ClipId).min(1).max(10_000) }).strict();
export type ExportRequest = z.infer<typeof ExportRequest>;

/**
 * A ZIP of the clips' files as the library names them (video, poster, sidecar, input images,
 * stills): unzipped into a folder, that folder opens as a library of those clips. `missing`:
 * asked for but no longer in the library.
 */
export const ExportResponse = z.object({
  fileName: z.string(),
  dataBase64: z.string(),
  clipCount: z.int().nonnegative(),
  missing: z.int().nonnegative(),
});
export type ExportResponse = z.infer<typeof ExportResponse>;

export const Tag = z.string().trim().min(1).max(64);

export const LibrarySort = z.enum(['date', 'prompt', 'model', 'cost']);
export type LibrarySort = z.infer<typeof LibrarySort>;

export const LibrarySearchRequest = z
  .object({
    /** Words that must all appear in the prompt, a tag or the task id (case-insensitive). */
    text: z.string().max(500).optional(),
    model: z.string().max(200).optional(),
    mode: VideoMode.optional(),
    /** Creation date range, ms since epoch, inclusive. */
    from: z.number().optional(),
    to: z.number().optional(),
    favouritesOnly: z.boolean().optional(),
    /** Clips carrying every one of these tags. */
    tags: z.array(Tag).max(20).optional(),
    sort: LibrarySort.default('date'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.int().nonnegative().default(0),
    limit: z.int().min(1).max(500).default(100),
  })
  .strict();
export type LibrarySearchRequest = z.input<typeof LibrarySearchRequest>;
export type LibrarySearchQuery = z.output<typeof LibrarySearchRequest>;

export const LibrarySearchResponse = z.object({
  /** Matches before paging. */
  total: z.number(),
  clips: z.array(Clip),
});
export type LibrarySearchResponse = z.infer<typeof LibrarySearchResponse>;

export const ClipRequest = z.object({ clipId: ClipId }).strict();
export type ClipRequest = z.infer<typeof ClipRequest>;

export const FavouriteRequest = z.object({ clipId: ClipId, favourite: z.boolean() }).strict();
export type FavouriteRequest = z.infer<typeof FavouriteRequest>;

export const TagRequest = z.object({ clipId: ClipId, tags: z.array(Tag).max(50) }).strict();
export type TagRequest = z.infer<typeof TagRequest>;

export const DeleteClipRequest = z
  .object({
    clipId: ClipId,
    /** Also `DELETE` the task on the server (asked explicitly; no refund). */
    remote: z.boolean(),
  })
  .strict();
export type DeleteClipRequest = z.infer<typeof DeleteClipRequest>;

export const DeleteClipResponse = z.object({
  /** False when the server no longer had the task, or `remote` was not asked. */
  remoteDeleted: z.boolean(),
});
export type DeleteClipResponse = z.infer<typeof DeleteClipResponse>;

/**
 * An input image kept as a file with a clip, by reference: a remix sends this in its draft
 * and main reads the file when the job is queued (the bytes never cross to the UI and back).
 */
export const ClipImageRef = z.object({ clipId: ClipId, index: z.int().min(0).max(7) }).strict();
export type ClipImageRef = z.infer<typeof ClipImageRef>;

export const RevealResponse = z.object({}).strict();
export type RevealResponse = z.infer<typeof RevealResponse>;

/**
 * Where a clip's video file is, to show and copy where no file manager can be opened (the
 * browser host). A file of the user's own library folder: a path to read, never one the UI
 * could open (the sandboxed page reads media only through the media route).
 */
export const LocateResponse = z.object({ path: z.string() }).strict();
export type LocateResponse = z.infer<typeof LocateResponse>;

const KeyId = z.string().min(1).max(100);

/** `keyId`: the key to import with; absent, the key the task was listed under, else each key in turn. */
export const ImportRequest = z.object({ taskId: TaskId, keyId: KeyId.optional() }).strict();
export type ImportRequest = z.infer<typeof ImportRequest>;

/** A task of the server's history, for picking one to import. */
export const RemoteTask = z.object({
  taskId: z.string(),
  status: TaskStatus,
  model: z.string().nullable(),
  prompt: z.string().nullable(),
  createdAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
  inLibrary: z.boolean(),
  /** The key whose history lists the task, and its name (issue 18). */
  keyId: z.string().optional(),
  keyName: z.string().optional(),
});
export type RemoteTask = z.infer<typeof RemoteTask>;

/** `keyId`: that key's history only; absent, every key's, merged. */
export const ListRemoteRequest = z.object({ keyId: KeyId.optional() }).strict();
export type ListRemoteRequest = z.infer<typeof ListRemoteRequest>;

export const RemoteListResponse = z.object({ tasks: z.array(RemoteTask) });
export type RemoteListResponse = z.infer<typeof RemoteListResponse>;

export const SetFolderRequest = z
  .object({ path: z.string().min(1).max(4096).refine(isAbsolutePath, 'must be an absolute path') })
  .strict();
export type SetFolderRequest = z.infer<typeof SetFolderRequest>;

/** A sidecar that could not be read; the clip is skipped, the library still loads. */
export const LibraryWarning = z.object({ file: z.string(), message: z.string() });
export type LibraryWarning = z.infer<typeof LibraryWarning>;

export const LibraryInfo = z.object({
  /** The folder the user chose (shown in settings). */
  folder: z.string(),
  clipCount: z.number(),
  warnings: z.array(LibraryWarning),
});
export type LibraryInfo = z.infer<typeof LibraryInfo>;

/** `library.changed`: clips added or updated, ids removed; `reloaded` means search again. */
export const LibraryChanged = z.object({
  upserted: z.array(Clip),
  removed: z.array(ClipId),
  reloaded: z.boolean(),
  clipCount: z.number(),
});
export type LibraryChanged = z.infer<typeof LibraryChanged>;

export { clipMediaPath, type ClipMediaKind } from './clipMedia';

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
