import type { Clock, TimerHandle } from '../../src/main/core/ports';

/**
 * The engine's clock in step with a simulator running `speed` times faster than real time:
 * `now()` reads the simulator's virtual clock, and a timer of `ms` fires after `ms / speed`
 * real milliseconds. Both sides then live in the same virtual time, so a poll every 8 s of
 * virtual time costs 8 / speed real seconds, and latencies are read in virtual ms.
 */
export function scaledClock(now: () => number, speed: number): Clock {
  return {
    now,
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms) / speed),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}

export interface TimerRecord {
  ms: number;
  /** Who asked, from the stack (first frame outside this file). */
  caller: string;
}

/** Wraps a clock and records every timer scheduled and fired through it. */
export class CountingClock implements Clock {
  readonly scheduled: TimerRecord[] = [];
  fired = 0;

  constructor(private readonly inner: Clock) {}

  now(): number {
    return this.inner.now();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    this.scheduled.push({ ms, caller: callerOf(new Error().stack) });
    return this.inner.setTimeout(() => {
      this.fired += 1;
      callback();
    }, ms);
  }

  clearTimeout(handle: TimerHandle): void {
    this.inner.clearTimeout(handle);
  }

  reset(): void {
    this.scheduled.length = 0;
    this.fired = 0;
  }
}

function callerOf(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').slice(1);
  const frame = frames.find((line) => !line.includes('clocks.ts')) ?? '';
  const match = /\/(src\/[^):]+:\d+)/.exec(frame);
  return match?.[1] ?? frame.trim();
}
