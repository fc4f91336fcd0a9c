import { english, type Translate } from '../i18n';
import type { Clock, TimerHandle } from '../ports';

/**
 * `expires_at` is a clock, not a status: the provider purges the result then, and its links
 * die with it whatever the status call says afterwards (the docs leave that open).
 */

/** Node runs a longer timer at once (TimeoutOverflowWarning): far expiries wait in steps. */
const MAX_TIMER_MS = 2_147_483_647;

export const isPast = (expiresAt: number | null, now: number): boolean =>
  expiresAt !== null && now >= expiresAt;

/**
 * Why a clip was given up before it was saved, as data: the listener that stores it on a job
 * words it (`expiryText`) in its own language, at that moment.
 */
export type ExpiryReason =
  /** Its `expiresAt` passed on the clock (ms since epoch). */
  | { code: 'purged'; at: number }
  /** The server says the result expired (or the task failed) after all. */
  | { code: 'expiredOnServer' }
  /** The server no longer has the task. */
  | { code: 'taskGone' }
  /** Its task id cannot name a clip: empty or longer than a sidecar keeps. */
  | { code: 'badTaskId'; max: number }
  /** Anything else that makes the clip impossible to save. */
  | { code: 'cannotSave'; reason: string };

/** What the user reads when a clip was given up, in the language of `t`. */
export function expiryText(t: Translate, reason: ExpiryReason): string {
  switch (reason.code) {
    case 'purged': {
      const when = new Date(reason.at).toISOString();
      return t('download.purged', { at: `${when.slice(0, 10)} ${when.slice(11, 16)} UTC` });
    }
    case 'badTaskId':
      return t('download.cannotSave', { reason: t('download.badTaskId', { max: reason.max }) });
    case 'cannotSave':
      return t('download.cannotSave', { reason: reason.reason });
    default:
      return t(`download.${reason.code}`);
  }
}

/** What the user reads when a clip's expiry passed before it was saved (English). */
export const purgedMessage = (expiresAt: number): string =>
  expiryText(english.t, { code: 'purged', at: expiresAt });

/**
 * Calls `callback` once `clock` reaches `at` (a timer on the clock, never a poll); returns
 * the function that cancels it. A wait past the timer limit is re-armed until it is due.
 */
export function atTime(clock: Clock, at: number, callback: () => void): () => void {
  let handle: TimerHandle | null = null;
  const arm = (): void => {
    const wait = at - clock.now();
    if (wait <= 0) {
      handle = null;
      callback();
      return;
    }
    handle = clock.setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
  };
  handle = clock.setTimeout(arm, Math.min(Math.max(0, at - clock.now()), MAX_TIMER_MS));
  return () => {
    if (handle) clock.clearTimeout(handle);
    handle = null;
  };
}
