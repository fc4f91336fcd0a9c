/** Exponential backoff: the wait doubles from `baseMs` with each step, up to `capMs`. */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** The longest wait before retry `step` (0 for the first). */
export function backoffCeilingMs(step: number, backoff: Backoff): number {
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, step));
}

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): a random wait up to
 * the ceiling, so clients that failed together do not come back together. `random` is in [0, 1).
 */
export function backoffMs(step: number, backoff: Backoff, random: () => number): number {
  return Math.floor(random() * backoffCeilingMs(step, backoff));
}
