import type { Translate } from '../i18n';
import type { JobRequest } from '../../../shared/jobs';
import type { UnknownField } from './sidecar';

/**
 * What the engine hands the library when a task completes (and again after a restart for
 * every job still `completed` or `downloading`): enough to fetch the clip and to write a
 * sidecar that explains and remakes it. URLs are signed CDN URLs and stay in main.
 */
export interface ClipSource {
  jobId: string;
  taskId: string;
  /** The key the task was made with (issue 18): its link is renewed with it. Absent: the first key. */
  keyId?: string;
  request: JobRequest;
  /** null: the server never said. */
  costCents: number | null;
  /** ms since epoch */
  createdAt: number;
  /** null: the server never said (an imported task). */
  completedAt: number | null;
  /**
   * When the provider purges the result (ms since epoch): from then on no download or link
   * renewal is tried, whatever the status call says. null: the server never said.
   */
  expiresAt: number | null;
  resultUrl: string;
  thumbnailUrl?: string;
  /** What in `request` (or the dates) is a placeholder, the server having never said. */
  unknown?: readonly UnknownField[];
}

/** How the library reports back to the engine about a job's download. */
export interface DownloadListener {
  /**
   * The language the listener stores what it is told in (the engine's: main's language when
   * the message is written); English when not given. Read for each message.
   */
  readonly t?: Translate;
  progress(jobId: string, receivedBytes: number, totalBytes: number | null): void;
  saved(jobId: string, clipId: string): void;
  /**
   * The result expired before it could be saved: its `expiresAt` passed (on the clock), or
   * the server says it expired or no longer has it. `message` says which, for the user.
   */
  expired(jobId: string, message: string): void;
  /** Downloads paused for a reason the user must fix (a full disk, worded in `t`), or resumed (null). */
  paused(reason: string | null): void;
}

export interface Downloads {
  /** Idempotent per jobId: a second call for a job already known is ignored. */
  enqueue(source: ClipSource): void;
  /** Stop everything (the engine is shutting down); `.part` files stay for next time. */
  stop(): Promise<void>;
}
