import { StorageError } from '../db/connection';

interface RunnerHooks {
  /** The database refused a write: all work waits (see JobEngine). */
  storageFailed(error: StorageError): void;
  /** Starts whatever can start now; called once per turn after work ends. */
  pump(): void;
  stopped(): boolean;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The work under way on jobs (a submission, a follow, a look, a sweep, a download's end):
 * at most one piece per id, and the many "something finished" moments of one turn
 * coalesced into one pump.
 */
export class WorkRunner {
  private readonly inFlight = new Set<string>();
  private pumpQueued = false;

  constructor(private readonly hooks: RunnerHooks) {}

  get busy(): ReadonlySet<string> {
    return this.inFlight;
  }

  isRunning(id: string): boolean {
    return this.inFlight.has(id);
  }

  run(id: string, work: () => Promise<void>): void {
    this.inFlight.add(id);
    work()
      .catch((error: unknown) => {
        if (error instanceof StorageError) return this.hooks.storageFailed(error);
        this.hooks.log?.(`job ${id}: unexpected error`, error);
      })
      .finally(() => {
        this.inFlight.delete(id);
        this.schedulePump();
      });
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
