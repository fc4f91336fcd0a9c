import { performance } from 'node:perf_hooks';

/**
 * The simulator's notion of time: virtual now = start + real elapsed × speed + manual
 * offsets. Frozen (offsets only) when auto-ticking is off, so tests decide when time passes.
 */
export class VirtualClock {
  private offset = 0;
  private readonly realStart = performance.now();

  constructor(
    private readonly start: number,
    private readonly speed: number,
    private readonly running: boolean,
  ) {}

  now(): number {
    const elapsed = this.running ? (performance.now() - this.realStart) * this.speed : 0;
    return Math.floor(this.start + elapsed + this.offset);
  }

  shift(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`Cannot advance the clock by ${ms} ms`);
    this.offset += ms;
  }

  /** Real milliseconds the caller must wait for `virtualMs` to pass (when time runs at all). */
  toReal(virtualMs: number): number {
    return virtualMs / this.speed;
  }
}
