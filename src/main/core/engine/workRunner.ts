import { StorageError } from '../db/connection';

interface RunnerHooks {
  /** The database refused a write: all work waits (see JobEngine). */
  storageFailed(error: StorageError): void;
  /** Starts whatever can start now; called once per turn after work ends. */
  pump(): void;
  stopped(): boolean;
  /** The engine's own: aborted when it stops, and with it every piece of work. */
  signal: AbortSignal;
  log?: (message: string, error?: unknown) => void;
}

interface Piece {
  readonly abort: AbortController;
  done: Promise<void>;
}

/**
 * The work under way on jobs (a submission, a follow, a look, a sweep, a download's end):
 * at most one piece per id, and the many "something finished" moments of one turn
 * coalesced into one pump. Each piece has its own signal, so a job's work can be ended
 * alone (a user deleting its task) while the rest goes on.
 */
export class WorkRunner {
  private readonly inFlight = new Map<string, Piece>();
  private pumpQueued = false;

  constructor(private readonly hooks: RunnerHooks) {}

  get busy(): ReadonlySet<string> {
    return new Set(this.inFlight.keys());
  }

  isRunning(id: string): boolean {
    return this.inFlight.has(id);
  }

  run(id: string, work: (signal: AbortSignal) => Promise<void>): void {
    const abort = new AbortController();
    const piece: Piece = { abort, done: Promise.resolve() };
    this.inFlight.set(id, piece);
    piece.done = work(AbortSignal.any([this.hooks.signal, abort.signal]))
      .catch((error: unknown) => {
        if (error instanceof StorageError) return this.hooks.storageFailed(error);
        this.hooks.log?.(`job ${id}: unexpected error`, error);
      })
      .finally(() => this.ended(id, piece));
  }

  /**
   * Ends the id's work under way (its signal aborts), waits for it to stop, then runs `work`
   * as the id's only work: nothing else starts for it meanwhile. Answers what `work` does.
   */
  async takeOver<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.inFlight.get(id);
    let finish!: () => void;
    const piece: Piece = {
      abort: new AbortController(),
      done: new Promise<void>((resolve) => (finish = resolve)),
    };
    // Claimed before waiting: the pump that follows the previous piece's end starts nothing here.
    this.inFlight.set(id, piece);
    try {
      previous?.abort.abort(new Error('The job’s work was taken over'));
      await previous?.done;
      return await work();
    } finally {
      finish();
      this.ended(id, piece);
    }
  }

  private ended(id: string, piece: Piece): void {
    if (this.inFlight.get(id) === piece) this.inFlight.delete(id);
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpQueued || this.hooks.stopped()) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.hooks.pump();
    });
  }
}
