import type { AirforceApi } from '../airforce/types';
import type { BlobStore, Clock, TimerHandle } from '../ports';
import type { ClipSource, DownloadListener, Downloads } from './types';
import { writeClip } from './clipWriter';
import { discard, DownloadError, downloadPart, isNoSpace, metaFile } from './downloader';
import type { LibraryFolder } from './libraryFolder';
import { backoffCeilingMs } from '../backoff';
import { clipFiles } from './naming';
import { clipNames, diskFullText, PendingClip, said } from './pendingClip';
import { ExpiredError, renewLink } from './renewLink';

export interface DownloadQueueDeps {
  library: LibraryFolder;
  blobs: BlobStore;
  /** Used only to renew an expired download link (`getTask`). */
  api: AirforceApi;
  /** The secret of `keyId` (the first key when absent). */
  getApiKey(keyId?: string): Promise<string | null>;
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

const POSTER_TRIES = 3;

/**
 * Saves finished tasks into the library: the earliest `expiresAt` first, a few at a time.
 * Each clip is its MP4, then its poster (a nicety: the clip is saved without it if it cannot
 * be had), then its sidecar. A 403 renews the link through the API; a full disk pauses
 * everything and keeps the parts; anything else is retried with backoff, resuming — until
 * `expiresAt`, read on the clock: from then on nothing is fetched, and a clip whose video is
 * not in place yet is given up, its parts removed.
 */
export class DownloadQueue implements Downloads {
  private readonly items = new Map<string, PendingClip>();
  private readonly running = new Map<PendingClip, Promise<void>>();
  private abort = new AbortController();
  private stopped = false;
  private held = false;
  private diskFullTimer: TimerHandle | null = null;
  private pausedForDisk = false;

  constructor(private readonly deps: DownloadQueueDeps) {}

  enqueue(source: ClipSource): void {
    this.enqueueFor(source, this.deps.listener);
  }

  /** Like `enqueue`, reporting to `listener` (imports, which the engine does not know). */
  enqueueFor(source: ClipSource, listener: DownloadListener): void {
    if (this.stopped || [...this.items.values()].some((item) => item.jobs.has(source.jobId)))
      return;
    const names = clipNames(source);
    if ('code' in names) {
      queueMicrotask(() => listener.expired(source.jobId, said(listener, names)));
      return;
    }
    const { key, base } = names;
    const saved = this.deps.library.entry(key);
    if (saved) {
      queueMicrotask(() => listener.saved(source.jobId, saved.clip.id));
      return;
    }
    const known = this.items.get(key);
    if (known) {
      known.jobs.set(source.jobId, listener);
      return;
    }
    const item = new PendingClip(key, source, base, this.deps.clock);
    item.jobs.set(source.jobId, listener);
    this.items.set(key, item);
    item.watchExpiry(() => this.pump());
    // After the caller's synchronous batch (the engine re-enqueues everything at start), so
    // the earliest expiry of the whole batch goes first.
    queueMicrotask(() => this.pump());
  }

  /** Tries again now: after the user freed space, or to skip a retry's wait. */
  resume(): void {
    if (this.diskFullTimer) this.deps.clock.clearTimeout(this.diskFullTimer);
    this.diskFullTimer = null;
    for (const item of this.items.values()) item.clearRetry();
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
    for (const item of this.items.values()) item.dispose();
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
    while (!this.stopped && !this.held) {
      const busy = this.diskFullTimer !== null || this.running.size >= limit;
      let next: PendingClip | undefined;
      for (const item of this.items.values()) {
        if (this.running.has(item) || item.retryTimer) continue;
        // Settling an expired clip fetches nothing: it does not wait for a slot.
        if (busy && !item.expired) continue;
        if (!next || item.expiresAt < next.expiresAt) next = item;
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

  private async run(item: PendingClip): Promise<void> {
    // Stopping or holding the queue; `item.expirySignal` ends this one clip's downloads.
    const stopping = this.abort.signal;
    try {
      const clipId = await this.save(item, stopping);
      this.forget(item);
      this.recovered();
      for (const [jobId, listener] of item.jobs) listener.saved(jobId, clipId);
    } catch (error) {
      if (stopping.aborted) return;
      const expired = item.expiredBy(error);
      // A video already in place needs no network any more: its sidecar is still written.
      if (expired && !(await this.hasVideo(item).catch(() => false))) {
        this.forget(item);
        await this.discardParts(item);
        for (const [jobId, listener] of item.jobs)
          listener.expired(jobId, said(listener, expired.reason));
      } else if (isNoSpace(error)) {
        this.diskFull();
      } else {
        const { retryBaseMs = 2000, retryMaxMs = 300_000 } = this.deps;
        // No jitter: one app fetching its own clips has no crowd of clients to spread out.
        const delay = backoffCeilingMs(item.attempts++, { baseMs: retryBaseMs, capMs: retryMaxMs });
        item.retryTimer = this.deps.clock.setTimeout(() => {
          item.retryTimer = null;
          this.pump();
        }, delay);
      }
    }
  }

  /** Video, poster, sidecar; each step skipped when a previous attempt finished it. */
  private async save(item: PendingClip, stopping: AbortSignal): Promise<string> {
    const { library } = this.deps;
    const files = clipFiles(item.base);
    const signal = AbortSignal.any([stopping, item.expirySignal]);
    if (!(await this.hasVideo(item))) {
      await this.promote(item, 'video', signal);
    }
    if (item.source.thumbnailUrl && !(await library.has(files.poster))) {
      await this.savePoster(item, signal, stopping);
    }
    const now = this.deps.clock.now();
    const clip = await writeClip(library, this.deps.blobs, item.source, item.base, now);
    return clip.id;
  }

  private async savePoster(
    item: PendingClip,
    signal: AbortSignal,
    stopping: AbortSignal,
  ): Promise<void> {
    try {
      await this.promote(item, 'poster', signal);
    } catch (error) {
      if (stopping.aborted || isNoSpace(error)) throw error;
      const hopeless =
        item.expired ||
        error instanceof ExpiredError ||
        (error instanceof DownloadError && error.failure !== 'transient');
      if (!hopeless && ++item.posterFailures < POSTER_TRIES) throw error;
      // The video is safe; a clip without a poster beats no clip at all.
      await discard(this.deps.library.fs, this.partPath(item, 'poster'));
    }
  }

  /** Downloads one file to its `.part` and renames it into place once complete. */
  private async promote(
    item: PendingClip,
    kind: 'video' | 'poster',
    signal: AbortSignal,
  ): Promise<void> {
    const { library, fetch, clock } = this.deps;
    const part = this.partPath(item, kind);
    const onProgress =
      kind === 'video'
        ? (received: number, total: number | null) => this.progress(item, received, total)
        : () => this.recovered();
    let renewed = false;
    for (;;) {
      const url = kind === 'video' ? item.source.resultUrl : item.source.thumbnailUrl;
      if (!url) throw new DownloadError('gone', 'The task has no poster');
      item.checkAlive();
      try {
        await downloadPart({ url, part, fs: library.fs, fetch, clock, signal, onProgress });
        break;
      } catch (error) {
        const refused =
          error instanceof DownloadError &&
          (error.failure === 'forbidden' || error.failure === 'gone');
        if (!refused || renewed) throw error;
        // Past `expiresAt` the status call may still say `completed`, with the same dead link.
        item.checkAlive();
        const before = item.source.expiresAt;
        item.source = await renewLink(this.deps, item.source, signal);
        if (item.source.expiresAt !== before) item.watchExpiry(() => this.pump());
        renewed = true;
      }
    }
    await library.fs.rename(part, library.path(clipFiles(item.base)[kind]));
    await library.fs.remove(metaFile(part));
  }

  private progress(item: PendingClip, received: number, total: number | null): void {
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
    if (!this.pausedForDisk) {
      this.pausedForDisk = true;
      this.deps.listener.paused(diskFullText(this.deps.listener));
    }
  }

  /** Bytes reach the disk again: the pause is over. */
  private recovered(): void {
    if (!this.pausedForDisk) return;
    this.pausedForDisk = false;
    this.deps.listener.paused(null);
  }

  private forget(item: PendingClip): void {
    if (this.items.get(item.key) === item) this.items.delete(item.key);
    item.dispose();
  }

  private async hasVideo(item: PendingClip): Promise<boolean> {
    // A link out of the library is no video: the download replaces it.
    return this.deps.library.has(clipFiles(item.base).video);
  }

  private partPath(item: PendingClip, kind: 'video' | 'poster'): string {
    return this.deps.library.path(`${clipFiles(item.base)[kind]}.part`);
  }

  private async discardParts(item: PendingClip): Promise<void> {
    for (const kind of ['video', 'poster'] as const) {
      await discard(this.deps.library.fs, this.partPath(item, kind)).catch(() => undefined);
    }
  }
}
