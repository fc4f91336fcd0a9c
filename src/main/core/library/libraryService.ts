import { isAbsolute, resolve } from 'node:path';
import { refuseProtected, type AppFolders } from './folderGuard';
import { UserError } from '../../../shared/contract/result';
import {
  type Clip,
  type ClipDetails,
  type ClipImageRef,
  type ClipRequest,
  type DeleteClipRequest,
  type DeleteClipResponse,
  type ExportRequest,
  type ExportResponse,
  type FavouriteRequest,
  type ImportRequest,
  type ListRemoteRequest,
  type LibraryInfo,
  type LibrarySearchQuery,
  type LibrarySearchResponse,
  type RemoteListResponse,
  type RevealResponse,
  type SaveFrameRequest,
  type SaveFrameResponse,
  type LocateResponse,
  type SetFolderRequest,
  type TagRequest,
} from '../../../shared/library';
import type { ImageMime } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import { english, type Translate } from '../i18n';
import type { Clock } from '../ports';
import { promiseTry } from '../promiseTry';
import { exportClips } from './clipExport';
import { saveFrame } from './clipFrames';
import { OutsideLibraryError } from './containment';
import { inputImageFileOf } from './inputImages';
import type { DownloadQueue } from './downloadQueue';
import type { ClipEntry } from './libraryIndex';
import type { LibraryFolder } from './libraryFolder';
import { clipFiles } from './naming';
import { KeyedHistory } from './keyedHistory';
import { message } from './remoteHistory';
import { toDetails } from './sidecar';

export interface LibraryServiceDeps {
  library: LibraryFolder;
  downloads: DownloadQueue;
  api: AirforceApi;
  /** The secret of `keyId` (the first key when absent). */
  getApiKey(keyId?: string): Promise<string | null>;
  /** The keys there are (issue 18), the first first; without it, the first key alone. */
  keys?: () => Promise<readonly { id: string; name: string }[]>;
  clock: Clock;
  /** Shows a file in the OS file manager (Electron's `shell.showItemInFolder`). */
  reveal(path: string): Promise<void>;
  /** Opens a file in the app the OS gives its type (Electron's `shell.openPath`); hosts without one leave it out. */
  openPath?: (path: string) => Promise<void>;
  /** The app's own folders, which the library may never be moved onto. */
  appFolders: AppFolders;
  /** What the commands' refusals say, in main's language (English when not given). */
  t?: Translate;
}

/**
 * The library's commands (`library.*` in the contract), each taking its parsed request.
 * Errors meant for the user are `UserError`s; everything else is a bug.
 */
export class LibraryService {
  private readonly t: Translate;
  private readonly history: KeyedHistory;

  constructor(private readonly deps: LibraryServiceDeps) {
    this.t = deps.t ?? english.t;
    this.history = new KeyedHistory(deps, this.t);
  }

  info(): Promise<LibraryInfo> {
    const { library } = this.deps;
    return promiseTry(() => ({
      folder: library.folder,
      clipCount: library.index.size,
      warnings: library.warnings,
    }));
  }

  search(query: LibrarySearchQuery): Promise<LibrarySearchResponse> {
    return promiseTry(() => this.deps.library.index.search(query));
  }

  /** Rejects with a `UserError` for a clip the library does not have. */
  get({ clipId }: ClipRequest): Promise<ClipDetails> {
    return promiseTry(() => {
      const entry = this.entry(clipId);
      const { index } = this.deps.library;
      const parentId = entry.clip.parentClipId;
      return toDetails(entry.clip, entry.sidecar, {
        parent: (parentId !== null && index.get(parentId)?.clip) || null,
        children: index.children(clipId),
      });
    });
  }

  async favourite({ clipId, favourite }: FavouriteRequest): Promise<Clip> {
    return this.update(clipId, (sidecar) => ({ ...sidecar, favourite }));
  }

  async tag({ clipId, tags }: TagRequest): Promise<Clip> {
    const unique = [...new Map(tags.map((tag) => [tag.toLowerCase(), tag])).values()];
    return this.update(clipId, (sidecar) => ({ ...sidecar, tags: unique }));
  }

  /** Deletes the clip's files; with `remote`, first the task on the server (no refund). */
  async delete({ clipId, remote }: DeleteClipRequest): Promise<DeleteClipResponse> {
    const entry = this.entry(clipId);
    let remoteDeleted = false;
    if (remote) {
      try {
        // The server's own id, verbatim from the sidecar: the clip id may be a slug of it.
        // Each key knows its own tasks only (issue 18): the one that knows it deletes it; no
        // key knowing it means it is already gone (purged, or deleted elsewhere).
        remoteDeleted = await this.history.deleteTask(entry.sidecar.taskId);
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError(
          'unavailable',
          this.t('library.notDeletedOnServer', { reason: message(error) }),
        );
      }
    }
    await this.deps.library.removeClip(clipId);
    return { remoteDeleted };
  }

  /** A clip's input image file (only one its sidecar names, next to the clip), for a new job. */
  async inputImage({
    clipId,
    index,
  }: ClipImageRef): Promise<{ mime: ImageMime; bytes: Uint8Array }> {
    const entry = this.entry(clipId);
    const image = inputImageFileOf(entry, index);
    if (!image) throw new UserError('not-found', 'This clip has no such input image file');
    let bytes: Uint8Array;
    try {
      const file = await this.deps.library.openFile(image.file);
      if (!file) throw new UserError('not-found', 'The input image file is no longer there');
      if (file.info.size > MAX_INPUT_IMAGE_BYTES) {
        await file.close();
        throw new UserError('conflict', 'The input image is too large to reuse (over 20 MB)');
      }
      bytes = await file.read();
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (error instanceof OutsideLibraryError) throw new UserError('forbidden', error.message);
      throw new UserError('not-found', `The input image could not be read: ${message(error)}`);
    }
    // It may have grown between the stat and the read.
    if (bytes.byteLength > MAX_INPUT_IMAGE_BYTES) {
      throw new UserError('conflict', 'The input image is too large to reuse (over 20 MB)');
    }
    return { mime: image.mime, bytes };
  }

  async reveal({ clipId }: ClipRequest): Promise<RevealResponse> {
    const entry = this.entry(clipId);
    await this.deps.reveal(this.deps.library.path(clipFiles(entry.base).video));
    return {};
  }

  /** Plays the clip in the system's video player (the desktop app only). */
  async open({ clipId }: ClipRequest): Promise<RevealResponse> {
    const entry = this.entry(clipId);
    const { openPath } = this.deps;
    if (!openPath) throw new UserError('unavailable', this.t('library.noSystemPlayer'));
    try {
      await openPath(this.deps.library.path(clipFiles(entry.base).video));
    } catch (error) {
      throw new UserError('unavailable', this.t('library.notOpened', { reason: message(error) }));
    }
    return {};
  }

  /** Saves a still of the clip next to it and lists it in its sidecar (`clipFrames.ts`). */
  saveFrame(request: SaveFrameRequest): Promise<SaveFrameResponse> {
    return promiseTry(() =>
      saveFrame(
        this.deps.library,
        this.entry(request.clipId),
        request,
        this.deps.clock.now(),
        this.t,
      ),
    );
  }

  /** The clips' files in a ZIP that opens as a library of them (`clipExport.ts`). */
  export({ clipIds }: ExportRequest): Promise<ExportResponse> {
    return promiseTry(() => exportClips(this.deps.library, clipIds, this.deps.clock.now(), this.t));
  }

  /** Where the clip's video file is, as reveal would show it; for the browser host to print. */
  locate({ clipId }: ClipRequest): Promise<LocateResponse> {
    return promiseTry(() => ({
      path: this.deps.library.path(clipFiles(this.entry(clipId).base).video),
    }));
  }

  /** The server's recent history (newest first) of every key or one, to pick tasks made elsewhere. */
  listRemote(request: ListRemoteRequest = {}): Promise<RemoteListResponse> {
    return this.history.list(request);
  }

  /** Saves a task from the server's history; resolves once the clip is in the library. */
  import(request: ImportRequest): Promise<Clip> {
    return this.history.import(request);
  }

  /** Moves the library to `path` (or adopts the library already there). */
  async setFolder({ path }: SetFolderRequest): Promise<LibraryInfo> {
    if (!isAbsolute(path)) throw new UserError('invalid-request', this.t('library.notAbsolute'));
    const target = resolve(path);
    refuseProtected(target, this.deps.appFolders, this.t);
    const { library, downloads } = this.deps;
    if (target !== library.folder) {
      await downloads.hold();
      try {
        await library.moveTo(target);
      } catch (error) {
        throw new UserError(
          'unavailable',
          this.t('library.notMoved', { folder: target, reason: message(error) }),
        );
      } finally {
        downloads.release();
      }
    }
    return this.info();
  }

  async rescan(): Promise<LibraryInfo> {
    await this.deps.library.rescan();
    return this.info();
  }

  private entry(clipId: string): ClipEntry {
    const entry = this.deps.library.entry(clipId);
    if (!entry) throw new UserError('not-found', this.t('library.clipGone'));
    return entry;
  }

  private async update(
    clipId: string,
    change: Parameters<LibraryFolder['updateSidecar']>[1],
  ): Promise<Clip> {
    this.entry(clipId);
    const clip = await this.deps.library.updateSidecar(clipId, change);
    if (!clip) throw new UserError('not-found', this.t('library.clipGone'));
    return clip;
  }
}

/** What a job request accepts as one input image (see `ImageInput` in shared/jobDraft). */
const MAX_INPUT_IMAGE_BYTES = 20_000_000;
