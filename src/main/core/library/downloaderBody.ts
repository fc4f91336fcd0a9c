import type { Clock, TimerHandle } from '../ports';
import type { WritableFile } from './libraryFs';

/** Network chunks are small; the disk is written about a megabyte at a time. */
export const WRITE_BYTES = 1 << 20;
/** Written bytes are pushed to the disk (fdatasync) in the background this often. */
export const SYNC_EVERY_BYTES = 16 << 20;
/** Silence on the network this long ends an attempt (headers or body alike). */
export const STALL_MS = 30_000;

/**
 * Watches the waits on the network: one that lasts `ms` (on the clock) aborts `signal` with
 * `reason`. Only waiting counts — a slow disk between two reads is not a stalled CDN — and
 * one timer is kept per download, however many chunks arrive.
 */
export class StallWatch {
  private readonly controller = new AbortController();
  private since: number | null = null;
  private timer: TimerHandle | null;

  constructor(
    private readonly clock: Clock,
    private readonly ms: number,
    private readonly reason: () => Error,
  ) {
    this.timer = clock.setTimeout(() => this.check(), ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stalled(): boolean {
    return this.controller.signal.aborted;
  }

  /** `promise` is a wait on the network. */
  async wait<T>(promise: Promise<T>): Promise<T> {
    this.since = this.clock.now();
    try {
      return await promise;
    } finally {
      this.since = null;
    }
  }

  /** The reason when stalled, else `error` itself. */
  explain(error: unknown): unknown {
    return this.stalled ? this.controller.signal.reason : error;
  }

  dispose(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private check(): void {
    this.timer = null;
    const waited = this.since === null ? 0 : this.clock.now() - this.since;
    if (waited >= this.ms) {
      this.controller.abort(this.reason());
      return;
    }
    this.timer = this.clock.setTimeout(() => this.check(), this.ms - waited);
  }
}

/**
 * fdatasync in the background every `every` bytes written, never two at once, so the dirty
 * pages of a large download never pile up for the final fsync. A failure is kept and thrown
 * by the next `check` (or `settle`): it is the download's error.
 */
class BackgroundSync {
  private unsynced = 0;
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly file: WritableFile,
    private readonly every: number,
  ) {}

  wrote(bytes: number): void {
    this.unsynced += bytes;
    if (this.running || this.unsynced < this.every) return;
    this.unsynced = 0;
    this.running = this.file.datasync().then(
      () => void (this.running = null),
      (error: unknown) => {
        this.failure ??= { error };
        this.running = null;
      },
    );
  }

  check(): void {
    if (this.failure) throw this.failure.error;
  }

  async settle(): Promise<void> {
    await this.running;
    this.check();
  }
}

export interface BodyWrite {
  body: ReadableStream<Uint8Array> | null;
  file: WritableFile;
  /** Bytes already in the part (a resume). */
  start: number;
  total: number | null;
  watch: StallWatch;
  onProgress: (receivedBytes: number, totalBytes: number | null) => void;
  syncEveryBytes?: number;
}

/**
 * Streams `body` into `file`: chunks gathered into batches of about a megabyte, each batch
 * one `writev` (no copy), one in flight while the next is read. Resolves with the bytes
 * received (`start` included) once all of them are on disk and fsynced. On any failure what
 * did arrive is still written and synced (a later attempt resumes after it), then it throws.
 */
export async function writeBody(options: BodyWrite): Promise<number> {
  const { body, file, total, watch, onProgress } = options;
  const syncer = new BackgroundSync(file, options.syncEveryBytes ?? SYNC_EVERY_BYTES);
  let received = options.start;
  let written = options.start;
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  const writeBatch = async () => {
    if (batchBytes === 0) return;
    const chunks = batch;
    const bytes = batchBytes;
    batch = [];
    batchBytes = 0;
    await writing;
    syncer.check();
    // Progress counts bytes on disk: that is also how a full disk is known to have recovered.
    writing = file.write(chunks).then(() => {
      written += bytes;
      onProgress(written, total);
      syncer.wrote(bytes);
    });
  };
  try {
    if (body) {
      const reader = body.getReader();
      // A body not tied to the request's signal (a wrapped one) still ends on a stall.
      const cancel = () => void reader.cancel().catch(() => undefined);
      watch.signal.addEventListener('abort', cancel, { once: true });
      try {
        for (;;) {
          const { done, value } = await watch.wait(reader.read());
          watch.signal.throwIfAborted();
          if (done) break;
          batch.push(value);
          batchBytes += value.byteLength;
          received += value.byteLength;
          if (batchBytes >= WRITE_BYTES) await writeBatch();
        }
      } finally {
        watch.signal.removeEventListener('abort', cancel);
        // Stryker disable next-line CallExpression: the reader is dropped here and the body never read again, so releasing its lock changes nothing.
        reader.releaseLock();
      }
    }
    await writeBatch();
    await writing;
    await syncer.settle();
    await file.sync();
  } catch (error) {
    // What did arrive must be on disk before a later run resumes after it (power loss).
    await writeBatch().catch(() => undefined);
    await writing.catch(() => undefined);
    await syncer.settle().catch(() => undefined);
    await file.sync().catch(() => undefined);
    throw watch.explain(error);
  }
  return received;
}
