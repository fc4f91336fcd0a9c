import type { EngineState, HoldReason } from '../../../shared/jobs';
import type { AppDatabase } from '../db/database';

type Flags = 'paused' | 'blockedBy' | 'message' | 'downloadsPaused' | 'keyHolds';

interface KeyBlock {
  reason: HoldReason;
  message: string;
}

/**
 * The engine's own flags, as a UI sees them next to the jobs: paused (kept across runs),
 * which keys' submissions stop and why (issue 18: a 401 or 402 stops that key only), why
 * all work waits (the disk), and why downloads wait.
 */
export class EngineStatus {
  paused: boolean;
  /** Why all work waits (the database refused a write); null when it does not. */
  message: string | null = null;
  downloadsPaused: string | null = null;
  private readonly blocks = new Map<string, KeyBlock>();

  constructor(private readonly db: AppDatabase) {
    this.paused = db.getMeta('engine.paused') === true;
  }

  setPaused(paused: boolean): void {
    this.db.setMeta('engine.paused', paused);
    this.paused = paused;
  }

  /** The key's submissions stop until the user acts. */
  block(reason: HoldReason, message: string, keyId: string): void {
    this.blocks.set(keyId, { reason, message });
  }

  /** The user acted (new key, topped up, raised the budget): every key goes again. */
  unblock(): void {
    this.blocks.clear();
  }

  blocked(keyId: string): boolean {
    return this.blocks.has(keyId);
  }

  /** No usable key: following and looking wait too, not only submissions. */
  keyProblem(keyId: string): boolean {
    const reason = this.blocks.get(keyId)?.reason;
    return reason === 'no-key' || reason === 'key-rejected';
  }

  reasonOf(keyId: string): HoldReason | null {
    return this.blocks.get(keyId)?.reason ?? null;
  }

  /**
   * The engine as a whole is blocked when every one of `keyIds` is: with one key, exactly
   * as before there were several.
   */
  snapshot(live: Omit<EngineState, Flags>, keyIds: readonly string[]): EngineState {
    const { paused, downloadsPaused } = this;
    const all = keyIds.length > 0 && keyIds.every((id) => this.blocks.has(id));
    const first = all ? this.blocks.get(keyIds[0]!) : undefined;
    const keyHolds = [...this.blocks].map(([keyId, block]) => ({ keyId, ...block }));
    return {
      paused,
      blockedBy: first?.reason ?? null,
      message: this.message ?? first?.message ?? null,
      downloadsPaused,
      ...live,
      keyHolds,
    };
  }
}
