/**
 * How the clip player moves, as pure functions: the A–B loop, J/K/L shuttle and playing
 * backwards by stepping. The component applies what they return to the `<video>`.
 */

/** The speeds on offer, slowest first; L and J double up to the fastest. */
export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;
export const MAX_SPEED = 2;

/** The A–B loop: playback between A and B wraps from B back to A. Null: not set. */
export interface AbLoop {
  a: number | null;
  b: number | null;
}

export const NO_AB: AbLoop = { a: null, b: null };

/** A at `time`; a B at or before it no longer makes a range and is cleared. */
export function setA(loop: AbLoop, time: number): AbLoop {
  return { a: time, b: loop.b !== null && loop.b <= time ? null : loop.b };
}

/** B at `time` (A at the start if it was not set), or null when `time` is not after A. */
export function setB(loop: AbLoop, time: number): AbLoop | null {
  const a = loop.a ?? 0;
  return time > a ? { a, b: time } : null;
}

/** Both ends set: the loop is on. */
export function abRange(loop: AbLoop): { a: number; b: number } | null {
  return loop.a !== null && loop.b !== null ? { a: loop.a, b: loop.b } : null;
}

/**
 * Where forward playback at `time` goes next: back to A once it reaches B (from inside the
 * range or before it; a seek past B plays on), else null (carry on).
 */
export function wrapForward(loop: AbLoop, time: number, previous: number): number | null {
  const range = abRange(loop);
  if (!range) return null;
  return time >= range.b && previous <= range.b ? range.a : null;
}

/** J/K/L: which way the clip plays and how fast (`rate` is kept while paused). */
export interface Shuttle {
  direction: 'forward' | 'backward' | 'paused';
  rate: number;
}

/**
 * One J, K or L press. K pauses. L plays forward at 1×, and pressed again while playing forward
 * doubles the speed up to 2×; J does the same backwards.
 */
export function shuttle(state: Shuttle, key: 'j' | 'k' | 'l'): Shuttle {
  if (key === 'k') return { ...state, direction: 'paused' };
  const direction = key === 'l' ? 'forward' : 'backward';
  if (state.direction !== direction) return { direction, rate: 1 };
  return { direction, rate: Math.min(MAX_SPEED, state.rate * 2) };
}

/** The speed on offer nearest `rate` (a video may report any rate). */
export function nearestSpeed(rate: number): number {
  return SPEEDS.reduce((best, s) => (Math.abs(s - rate) < Math.abs(best - rate) ? s : best));
}

export interface ReverseStep {
  time: number;
  /** The start was reached with nothing to wrap to: playing backwards stops. */
  stop: boolean;
}

/**
 * Playing backwards, `elapsed` seconds of wall time after the frame at `time`: the earlier time
 * to show. Reaching A (A–B loop) wraps to B; reaching the start wraps to the end when the whole
 * clip loops, else stops there.
 */
export function reverseStep(
  time: number,
  elapsed: number,
  rate: number,
  options: { loop: AbLoop; loopAll: boolean; duration: number },
): ReverseStep {
  const next = time - elapsed * rate;
  const range = abRange(options.loop);
  if (range && time > range.a && next <= range.a) return { time: range.b, stop: false };
  if (next > 0) return { time: next, stop: false };
  if (options.loopAll && Number.isFinite(options.duration) && options.duration > 0)
    return { time: range ? range.b : options.duration, stop: false };
  return { time: 0, stop: true };
}
