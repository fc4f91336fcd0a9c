import type { Clock, TimerHandle } from '../ports';

/**
 * `expires_at` is a clock, not a status: the provider purges the result then, and its links
 * die with it whatever the status call says afterwards (the docs leave that open).
 */

/** Node runs a longer timer at once (TimeoutOverflowWarning): far expiries wait in steps. */
const MAX_TIMER_MS = 2_147_483_647;

export const isPast = (expiresAt: number | null, now: number): boolean =>
  expiresAt !== null && now >= expiresAt;

/** What the user reads when a clip's expiry passed before it was saved. */
export function purgedMessage(expiresAt: number): string {
  const when = new Date(expiresAt).toISOString();
  const at = `${when.slice(0, 10)} ${when.slice(11, 16)} UTC`;
  return `The provider purged this clip at ${at} before it could be saved`;
}

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
