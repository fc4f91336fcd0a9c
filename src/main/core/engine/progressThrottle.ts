import type { Clock, TimerHandle } from '../ports';

/**
 * At most one progress event per job per interval (4 per second by default); the last
 * value always gets through, after the interval, so the UI never stalls short of it.
 */
export class ProgressThrottle {
  private readonly lastSent = new Map<string, number>();
  private readonly trailing = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly send: (jobId: string) => void,
    private readonly intervalMs = 250,
  ) {}

  touch(jobId: string): void {
    if (this.trailing.has(jobId)) return;
    const wait = (this.lastSent.get(jobId) ?? -Infinity) + this.intervalMs - this.clock.now();
    if (wait <= 0) return this.fire(jobId);
    this.trailing.set(
      jobId,
      this.clock.setTimeout(() => this.fire(jobId), wait),
    );
  }

  /** The job changed state: whatever progress was pending is carried by that change. */
  forget(jobId: string): void {
    const timer = this.trailing.get(jobId);
    if (timer) this.clock.clearTimeout(timer);
    this.trailing.delete(jobId);
    this.lastSent.delete(jobId);
  }

  dispose(): void {
    for (const timer of this.trailing.values()) this.clock.clearTimeout(timer);
    this.trailing.clear();
  }

  private fire(jobId: string): void {
    this.trailing.delete(jobId);
    this.lastSent.set(jobId, this.clock.now());
    this.send(jobId);
  }
}
