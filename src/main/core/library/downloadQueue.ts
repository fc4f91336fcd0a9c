import type { AirforceApi } from '../airforce/types';
import type { BlobStore, Clock, TimerHandle } from '../ports';
import type { ClipSource, DownloadListener, Downloads } from './types';
import { writeClip } from './clipWriter';
import { discard, DownloadError, downloadPart, isNoSpace, metaFile } from './downloader';
import type { LibraryFolder } from './libraryFolder';
import { clipBaseName, clipFiles } from './naming';
import { ExpiredError, renewLink } from './renewLink';

export interface DownloadQueueDeps {
  library: LibraryFolder;
  blobs: BlobStore;
  /** Used only to renew an expired download link (`getTask`). */
  api: AirforceApi;
  getApiKey(): Promise<string | null>;
  clock: Clock;
  /** A plain fetch for the CDN: it never carries the API key or any other credential. */
  fetch: typeof fetch;
  /** The engine: told about progress, saved and expired clips, and a full disk. */
  listener: DownloadListener;
  /** Clips downloaded at once (default 3). */
  concurrency?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a full disk pauses downloads before they try again by themselves. */
  diskFullRetryMs?: number;
}

interface Item {
  source: ClipSource;
  base: string;
  /** Every job waiting for this task's clip (an import may join the engine's own job). */
  jobs: Map<string, DownloadListener>;
  attempts: number;
  posterFailures: number;
  retryTimer: TimerHandle | null;
}

export const DISK_FULL_MESSAGE =
  'The disk holding the library is full. Free some space: downloads resume by themselves.';
const POSTER_TRIES = 3;

/**
 * Saves finished tasks into the library: the earliest `expiresAt` first, a few at a time.
 * Each clip is its MP4, then its poster (a nicety: the clip is saved without it if it cannot
 * be had), then its sidecar. A 403 renews the link through the API; a full disk pauses
 * everything and keeps the parts; anything else is retried with backoff, resuming.
 */
export class DownloadQueue implements Downloads {
  private readonly items = new Map<string, Item>();
  private readonly running = new Map<Item, Promise<void>>();
  private abort = new AbortController();
  private stopped = false;
  private held = false;
  private diskFullTimer: TimerHandle | null = null;
  private pausedReason: string | null = null;

  constructor(private readonly deps: DownloadQueueDeps) {}

  enqueue(source: ClipSource): void {
    this.enqueueFor(source, this.deps.listener);
  }

  /** Like `enqueue`, reporting to `listener` (imports, which the engine does not know). */
  enqueueFor(source: ClipSource, listener: DownloadListener): void {
    if (this.stopped || [...this.items.values()].some((item) => item.jobs.has(source.jobId)))
      return;
    const saved = this.deps.library.entry(source.taskId);
    if (saved) {
      queueMicrotask(() => listener.saved(source.jobId, saved.clip.id));
      return;
    }
    let base: string;
    try {
      base = clipBaseName(source.createdAt, source.request.prompt, source.taskId);
    } catch (error) {
      const message = `The clip cannot be saved: ${error instanceof Error ? error.message : String(error)}`;
      queueMicrotask(() => listener.expired(source.jobId, message));
      return;
    }
    const known = this.items.get(source.taskId);
    if (known) {
      known.jobs.set(source.jobId, listener);
      return;
    }
    const jobs = new Map([[source.jobId, listener]]);
    this.items.set(source.taskId, {
      source,
      base,
      jobs,
      attempts: 0,
      posterFailures: 0,
      retryTimer: null,
    });
    // After the caller's synchronous batch (the engine re-enqueues everything at start), so
    // the earliest expiry of the whole batch goes first.
    queueMicrotask(() => this.pump());
  }

  /** Tries again now: after the user freed space, or to skip a retry's wait. */
  resume(): void {
    if (this.diskFullTimer) this.deps.clock.clearTimeout(this.diskFullTimer);
    this.diskFullTimer = null;
    for (const item of this.items.values()) {
      if (item.retryTimer) this.deps.clock.clearTimeout(item.retryTimer);
      item.retryTimer = null;
    }
    this.pump();
  }

  /** Stops the running downloads, keeping everything queued (the library folder is moving). */
  async hold(): Promise<void> {
    this.held = true;
    await this.interrupt();
  }

  release(): void {
    this.held = false;
    this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const item of this.items.values())
      if (item.retryTimer) this.deps.clock.clearTimeout(item.retryTimer);
    if (this.diskFullTimer) this.deps.clock.clearTimeout(this.diskFullTimer);
    this.diskFullTimer = null;
    await this.interrupt();
  }

  private async interrupt(): Promise<void> {
    this.abort.abort(new Error('Downloads interrupted'));
    await Promise.allSettled(this.running.values());
    this.abort = new AbortController();
  }

  private pump(): void {
    const limit = this.deps.concurrency ?? 3;
    while (
      !this.stopped &&
      !this.held &&
      this.diskFullTimer === null &&
      this.running.size < limit
    ) {
      let next: Item | undefined;
      for (const item of this.items.values()) {
        if (this.running.has(item) || item.retryTimer) continue;
        if (!next || item.source.expiresAt < next.source.expiresAt) next = item;
      }
      if (!next) return;
      const item = next;
      this.running.set(
        item,
        this.run(item).finally(() => {
          this.running.delete(item);
          this.pump();
        }),
      );
    }
  }

  private async run(item: Item): Promise<void> {
    const signal = this.abort.signal;
    try {
      const clipId = await this.save(item, signal);
      this.items.delete(item.source.taskId);
      this.recovered();
      for (const [jobId, listener] of item.jobs) listener.saved(jobId, clipId);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ExpiredError) {
        this.items.delete(item.source.taskId);
        await this.discardParts(item);
        for (const [jobId, listener] of item.jobs) listener.expired(jobId, error.message);
      } else if (isNoSpace(error)) {
        this.diskFull();
      } else {
        const { retryBaseMs = 2000, retryMaxMs = 300_000 } = this.deps;
        const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** item.attempts++);
        item.retryTimer = this.deps.clock.setTimeout(() => {
          item.retryTimer = null;
          this.pump();
        }, delay);
      }
    }
  }

  /** Video, poster, sidecar; each step skipped when a previous attempt finished it. */
  private async save(item: Item, signal: AbortSignal): Promise<string> {
    const { library } = this.deps;
    const files = clipFiles(item.base);
    if (!(await library.fs.stat(library.path(files.video)))) {
      await this.promote(item, 'video', signal);
    }
    if (item.source.thumbnailUrl && !(await library.fs.stat(library.path(files.poster)))) {
      await this.savePoster(item, signal);
    }
    const now = this.deps.clock.now();
    const clip = await writeClip(library, this.deps.blobs, item.source, item.base, now);
    return clip.id;
  }

  private async savePoster(item: Item, signal: AbortSignal): Promise<void> {
    try {
      await this.promote(item, 'poster', signal);
    } catch (error) {
      if (signal.aborted || isNoSpace(error)) throw error;
      const hopeless =
        error instanceof ExpiredError ||
        (error instanceof DownloadError && error.failure !== 'transient');
      if (!hopeless && ++item.posterFailures < POSTER_TRIES) throw error;
      // The video is safe; a clip without a poster beats no clip at all.
      await discard(this.deps.library.fs, this.partPath(item, 'poster'));
    }
  }

  /** Downloads one file to its `.part` and renames it into place once complete. */
  private async promote(item: Item, kind: 'video' | 'poster', signal: AbortSignal): Promise<void> {
    const { library, fetch } = this.deps;
    const part = this.partPath(item, kind);
    const onProgress =
      kind === 'video'
        ? (received: number, total: number | null) => this.progress(item, received, total)
        : () => this.recovered();
    let renewed = false;
    for (;;) {
      const url = kind === 'video' ? item.source.resultUrl : item.source.thumbnailUrl;
      if (!url) throw new DownloadError('gone', 'The task has no poster');
      try {
        await downloadPart({ url, part, fs: library.fs, fetch, signal, onProgress });
        break;
      } catch (error) {
        const refused =
          error instanceof DownloadError &&
          (error.failure === 'forbidden' || error.failure === 'gone');
        if (!refused || renewed) throw error;
        item.source = await renewLink(this.deps, item.source, signal);
        renewed = true;
      }
    }
    await library.fs.rename(part, library.path(clipFiles(item.base)[kind]));
    await library.fs.remove(metaFile(part));
  }

  private progress(item: Item, received: number, total: number | null): void {
    this.recovered();
    for (const [jobId, listener] of item.jobs) listener.progress(jobId, received, total);
  }

  private diskFull(): void {
    if (this.diskFullTimer === null) {
      this.diskFullTimer = this.deps.clock.setTimeout(
        () => this.resume(),
        this.deps.diskFullRetryMs ?? 60_000,
      );
    }
    if (this.pausedReason === null) {
      this.pausedReason = DISK_FULL_MESSAGE;
      this.deps.listener.paused(DISK_FULL_MESSAGE);
    }
  }

  /** Bytes reach the disk again: the pause is over. */
  private recovered(): void {
    if (this.pausedReason === null) return;
    this.pausedReason = null;
    this.deps.listener.paused(null);
  }

  private partPath(item: Item, kind: 'video' | 'poster'): string {
    return this.deps.library.path(`${clipFiles(item.base)[kind]}.part`);
  }

  private async discardParts(item: Item): Promise<void> {
    for (const kind of ['video', 'poster'] as const) {
      await discard(this.deps.library.fs, this.partPath(item, kind)).catch(() => undefined);
    }
  }
}
