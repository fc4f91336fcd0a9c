import type { AppFolders } from './folderGuard';
import type { LibraryChanged } from '../../../shared/library';
import type { AirforceApi } from '../airforce/types';
import type { AppDatabase } from '../db/database';
import type { BlobStore, Clock } from '../ports';
import { DownloadQueue, type DownloadQueueDeps } from './downloadQueue';
import { LibraryFolder } from './libraryFolder';
import type { LibraryFs } from './libraryFs';
import { nodeLibraryFs } from './nodeLibraryFs';
import { LibraryService } from './libraryService';
import { createMediaHandler, type MediaHandler } from './mediaHandler';
import type { IndexProgress } from './reconcile';
import type { Translate } from '../i18n';
import type { ClipSource, DownloadListener } from './types';

export interface LibraryDeps {
  /** The folder the user chose (default `<videos>/Airframe`), absolute. */
  folder: string;
  clock: Clock;
  api: AirforceApi;
  /** The secret of `keyId` (the first key when absent). */
  getApiKey: (keyId?: string) => Promise<string | null>;
  /** The keys there are (issue 18), the first first: the server's history is each key's. */
  keys?: () => Promise<readonly { id: string; name: string }[]>;
  blobs: BlobStore;
  /** The job engine. */
  listener: DownloadListener;
  reveal: (path: string) => Promise<void>;
  /** Opens a file in the system's app for it (the desktop app's `shell.openPath`). */
  openPath?: (path: string) => Promise<void>;
  emit(name: 'library.changed', payload: LibraryChanged): void;
  fs?: LibraryFs;
  /** The index's own file (`openIndexDatabase`): kept between runs (without it, every start reads every sidecar). */
  db?: AppDatabase;
  /** How far a pass over the library folder is, to show while a large library is first indexed. */
  onProgress?: (progress: IndexProgress) => void;
  /** The CDN's fetch (default: the global one, without any credential). */
  cdnFetch?: typeof fetch;
  /** Where the media handler is mounted (see `mediaHandler.ts`). */
  mediaMount?: string;
  /** The app's own folders, which the library may never be moved onto. */
  appFolders?: AppFolders;
  /** What the library's commands say to the user, in main's language. */
  t?: Translate;
  downloads?: Pick<
    DownloadQueueDeps,
    'concurrency' | 'retryBaseMs' | 'retryMaxMs' | 'diskFullRetryMs'
  >;
}

export interface Library {
  folder: LibraryFolder;
  /** Give to `JobEngine.start` (the `Downloads` seam). */
  downloads: DownloadQueue;
  service: LibraryService;
  media: MediaHandler;
  close(): Promise<void>;
}

/**
 * Loads the library and wires its parts. Open it before the engine starts, so clips already
 * saved are known and the engine's re-enqueued downloads find them. A first build of the
 * index runs in the background; downloads wait for it (see `IndexedDownloadQueue`).
 */
export async function openLibrary(deps: LibraryDeps): Promise<Library> {
  const folder: LibraryFolder = new LibraryFolder({
    folder: deps.folder,
    fs: deps.fs ?? nodeLibraryFs,
    clock: deps.clock,
    ...(deps.db ? { db: deps.db } : {}),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    onChange: (change) => deps.emit('library.changed', { ...change, clipCount: folder.index.size }),
  });
  await folder.open();
  const downloads = new IndexedDownloadQueue(folder, {
    ...deps.downloads,
    library: folder,
    blobs: deps.blobs,
    api: deps.api,
    getApiKey: deps.getApiKey,
    clock: deps.clock,
    fetch: deps.cdnFetch ?? ((input, init) => fetch(input, init)),
    listener: deps.listener,
  });
  const service = new LibraryService({
    library: folder,
    downloads,
    api: deps.api,
    getApiKey: deps.getApiKey,
    ...(deps.keys ? { keys: deps.keys } : {}),
    clock: deps.clock,
    reveal: deps.reveal,
    ...(deps.openPath ? { openPath: deps.openPath } : {}),
    appFolders: deps.appFolders ?? {},
    ...(deps.t ? { t: deps.t } : {}),
  });
  const media = createMediaHandler(folder, { mount: deps.mediaMount ?? '' });
  return {
    folder,
    downloads,
    service,
    media,
    close: async () => {
      await downloads.stop();
      await folder.close();
    },
  };
}

/**
 * Takes no job while the index is first built: a clip already in the folder (under any
 * name) is found by the build before the queue looks for it, so it is never fetched again.
 */
class IndexedDownloadQueue extends DownloadQueue {
  constructor(
    private readonly indexed: LibraryFolder,
    deps: DownloadQueueDeps,
  ) {
    super(deps);
  }

  override enqueueFor(source: ClipSource, listener: DownloadListener): void {
    if (!this.indexed.building) return super.enqueueFor(source, listener);
    void this.indexed.reconciled().then(() => super.enqueueFor(source, listener));
  }
}
