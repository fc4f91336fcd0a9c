import type { Clock, TimerHandle } from '../ports';

/**
 * The timers that make the engine's work wait, one of each at most: a backoff on new
 * submissions (429, server trouble), a pause of all work after the database refused a
 * write, and the next due look for a lost create's task (or sweep). When one runs out, the
 * engine is pumped again. With nothing waiting, nothing is scheduled.
 */
export class EngineWaits {
  private retry: { at: number; handle: TimerHandle } | null = null;
  private storage: TimerHandle | null = null;
  private look: { at: number; handle: TimerHandle } | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly wake: () => void,
  ) {}

  /** When submissions may start again, or null. */
  get retryAt(): number | null {
    return this.retry?.at ?? null;
  }

  submissionsWait(now: number): boolean {
    return this.retry !== null && now < this.retry.at;
  }

  backOffSubmissions(ms: number): void {
    if (this.retry) this.clock.clearTimeout(this.retry.handle);
    const handle = this.clock.setTimeout(() => {
      this.retry = null;
      this.wake();
    }, ms);
    this.retry = { at: this.clock.now() + ms, handle };
  }

  get storageBlocked(): boolean {
    return this.storage !== null;
  }

  /** All work waits `ms`; `over` runs before the engine is pumped again. */
  blockForStorage(ms: number, over: () => void): void {
    if (this.storage) this.clock.clearTimeout(this.storage);
    this.storage = this.clock.setTimeout(() => {
      this.storage = null;
      over();
      this.wake();
    }, ms);
  }

  /** Pumps the engine at `at` (the earliest of the times asked for); Infinity: no need. */
  wakeAt(at: number): void {
    if (this.look && this.look.at <= at) return;
    if (this.look) this.clock.clearTimeout(this.look.handle);
    this.look = null;
    if (!Number.isFinite(at)) return;
    const handle = this.clock.setTimeout(
      () => {
        this.look = null;
        this.wake();
      },
      Math.max(0, at - this.clock.now()),
    );
    this.look = { at, handle };
  }

  dispose(): void {
    if (this.retry) this.clock.clearTimeout(this.retry.handle);
    if (this.storage) this.clock.clearTimeout(this.storage);
    if (this.look) this.clock.clearTimeout(this.look.handle);
    this.retry = this.look = null;
    this.storage = null;
  }
}
