import type { EngineState, HoldReason } from '../../../shared/jobs';
import type { AppDatabase } from '../db/database';

type Flags = 'paused' | 'blockedBy' | 'message' | 'downloadsPaused';

/**
 * The engine's own flags, as a UI sees them next to the jobs: paused (kept across runs),
 * what stops submissions and why, and why downloads wait.
 */
export class EngineStatus {
  paused: boolean;
  blockedBy: HoldReason | null = null;
  message: string | null = null;
  downloadsPaused: string | null = null;

  constructor(private readonly db: AppDatabase) {
    this.paused = db.getMeta('engine.paused') === true;
  }

  setPaused(paused: boolean): void {
    this.db.setMeta('engine.paused', paused);
    this.paused = paused;
  }

  /** Submissions stop until the user acts. */
  block(reason: HoldReason, message: string): void {
    this.blockedBy = reason;
    this.message = message;
  }

  /** The user acted (new key, topped up, raised the budget). */
  unblock(): void {
    this.blockedBy = null;
    this.message = null;
  }

  /** No usable key: following and looking wait too, not only submissions. */
  get keyProblem(): boolean {
    return this.blockedBy === 'no-key' || this.blockedBy === 'key-rejected';
  }

  snapshot(live: Omit<EngineState, Flags>): EngineState {
    const { paused, blockedBy, message, downloadsPaused } = this;
    return { paused, blockedBy, message, downloadsPaused, ...live };
  }
}
