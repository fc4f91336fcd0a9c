import type { HoldReason } from '../../../shared/jobs';
import type { JobNewsKind } from './notificationText';
import type { Translate } from '../i18n';
import type { JobRecord } from './jobRecord';

/**
 * What one piece of news does, worked out by a pure function (`taskOutcomes.ts`, the
 * workflows in `submission.ts` and `following.ts`, `downloadBridge.ts`) and applied by the
 * engine alone (`JobEngine.apply`), in this order: the money first — a debit or refund is
 * what must survive a crash, and its row is unique per task and kind, so applying a change
 * again books nothing twice — then the job, then what the user hears and what comes next.
 */
export interface JobChange {
  readonly id: string;
  readonly debit?: { taskId: string; cents: number; demo: boolean };
  readonly refund?: { taskId: string; cents: number };
  readonly patch?: Partial<JobRecord>;
  /** Only progress moved: not flushed to disk, and announced at most 4 times a second. */
  readonly progress?: number;
  readonly notify?: { kind: JobNewsKind; reason?: string; clipId?: string };
  /** The clip is ready on the server: hand it to the library. */
  readonly save?: true;
  /**
   * The key's submissions (and following, for key problems) stop until the user acts: the
   * job's key (`keyId` when the job is not bound to one yet).
   */
  readonly block?: { reason: HoldReason; message: string; keyId?: string };
  /** New submissions wait this long (a 429, server trouble). */
  readonly backOffMs?: number;
  /** The network is gone: submitting and following wait for it. */
  readonly offline?: true;
}

/** What outcomes are worked out from, besides the job and the news: the time and the books. */
export interface Facts {
  readonly now: number;
  /** What the ledger holds as debited for the task, or null. */
  debitedCents(taskId: string): number | null;
  /** What an ending says when the server gives no reason, in main's language (English if not given). */
  readonly t?: Translate;
}

/** A lost create's job goes back in line: the server certainly has no task for it. */
export const backInLine = (id: string): JobChange => ({
  id,
  patch: { status: 'queued', attemptAt: null, check: null, looks: 0, lookAt: null },
});
