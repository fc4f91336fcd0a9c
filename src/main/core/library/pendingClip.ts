import { isTaskId, TASK_ID_MAX } from '../../../shared/library';
import { english } from '../i18n';
import type { Clock, TimerHandle } from '../ports';
import { atTime, expiryText, isPast, type ExpiryReason } from './expiry';
import { clipBaseName, clipIdFor } from './naming';
import { ExpiredError } from './renewLink';
import type { ClipSource, DownloadListener } from './types';

/** The clip's id and file name (without extension), or why it cannot be saved. */
export function clipNames(source: ClipSource): { key: string; base: string } | ExpiryReason {
  // Longer than a sidecar keeps: saved, the clip would vanish at the next start.
  if (!isTaskId(source.taskId)) return { code: 'badTaskId', max: TASK_ID_MAX };
  try {
    return {
      key: clipIdFor(source.taskId),
      base: clipBaseName(source.createdAt, source.request.prompt, source.taskId),
    };
  } catch (error) {
    return { code: 'cannotSave', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** What a listener stores, in its own language. */
export const said = (listener: DownloadListener, reason: ExpiryReason): string =>
  expiryText(listener.t ?? english.t, reason);

/** Why downloads paused for a full disk, in the listener's language. */
export const diskFullText = (listener: DownloadListener): string =>
  (listener.t ?? english.t)('download.diskFull');

/**
 * One clip the download queue is saving, the jobs waiting for it (an import may join the
 * engine's own job), and its clock: at `expiresAt` its downloads stop, whatever the status
 * call says — a timer on the injected clock, not a poll.
 */
export class PendingClip {
  readonly jobs = new Map<string, DownloadListener>();
  attempts = 0;
  posterFailures = 0;
  retryTimer: TimerHandle | null = null;
  private readonly expiry = new AbortController();
  private cancelExpiryTimer: (() => void) | null = null;

  constructor(
    /** The clip id: one pending clip per clip. */
    readonly key: string,
    public source: ClipSource,
    /** Its file name without extension. */
    readonly base: string,
    private readonly clock: Clock,
  ) {}

  /** Aborted once `expiresAt` has passed: ends a download or link renewal in flight. */
  get expirySignal(): AbortSignal {
    return this.expiry.signal;
  }

  /** The timer fired: what is left to do fetches nothing. */
  get expired(): boolean {
    return this.expiry.signal.aborted;
  }

  /** For ordering: the earliest expiry goes first; an unknown one last. */
  get expiresAt(): number {
    return this.source.expiresAt ?? Number.POSITIVE_INFINITY;
  }

  /** Arms (again, after a renewed link moved `expiresAt`) the timer that ends the downloads. */
  watchExpiry(onExpired: () => void): void {
    this.cancelExpiryTimer?.();
    this.cancelExpiryTimer = null;
    const { expiresAt } = this.source;
    if (expiresAt === null || this.expired) return;
    this.cancelExpiryTimer = atTime(this.clock, expiresAt, () => {
      this.cancelExpiryTimer = null;
      this.expiry.abort(new ExpiredError({ code: 'purged', at: expiresAt }));
      this.clearRetry();
      onExpired();
    });
  }

  /** Throws once `expiresAt` has passed: no fetch or link renewal is tried after it. */
  checkAlive(): void {
    const reason = this.expiredError();
    if (reason) throw reason;
    const { expiresAt } = this.source;
    if (expiresAt !== null && isPast(expiresAt, this.clock.now()))
      throw new ExpiredError({ code: 'purged', at: expiresAt });
  }

  /** Why `error` ended the clip for good, if it did: the server said so, or the clock. */
  expiredBy(error: unknown): ExpiredError | null {
    return error instanceof ExpiredError ? error : this.expiredError();
  }

  clearRetry(): void {
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Cancels its timers: saved, given up, or the queue stopped. */
  dispose(): void {
    this.clearRetry();
    this.cancelExpiryTimer?.();
    this.cancelExpiryTimer = null;
  }

  private expiredError(): ExpiredError | null {
    const reason: unknown = this.expiry.signal.reason;
    return reason instanceof ExpiredError ? reason : null;
  }
}
