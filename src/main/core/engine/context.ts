import type { CreateVideoRequest, VideoTask } from '../../../shared/api/schemas';
import type { AirforceApi } from '../airforce/types';
import { AirforceError, type ApiError } from '../airforce/types';
import type { Translate } from '../i18n';
import type { Clock } from '../ports';
import type { Connectivity } from './connectivity';
import type { CreateTracker } from './createTracker';
import type { World } from './engineDeps';
import type { UnclaimedTasks } from './unclaimedTasks';
import type { JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';
import type { Facts, JobChange } from './jobChange';
import { oldDemoEnded } from './taskOutcomes';

/** What the submission and following workflows need from the engine that runs them. */
export interface EngineContext {
  readonly api: AirforceApi;
  readonly clock: Clock;
  readonly repo: JobRepository;
  readonly connectivity: Connectivity;
  readonly signal: AbortSignal;
  readonly random: () => number;
  readonly streamIdleTimeoutMs: number;
  readonly creates: CreateTracker;
  /** What a job's hold or failure says, in main's language when it is written. */
  readonly t: Translate;
  /** Paid tasks no job owns, and the lost creates still to sweep for. */
  readonly unclaimed: UnclaimedTasks;
  /** The key with this id (`keyOf(record)` for a job's), or null when there is none to use. */
  apiKey(keyId: string): Promise<string | null>;
  /** The real API or this run's demo (see EngineDeps.world). */
  world(): World;
  toApiRequest(record: JobRecord): Promise<CreateVideoRequest>;
  /**
   * Applies, in order, the changes a workflow worked out (see JobChange): the only way a
   * workflow changes a job, the ledger or what the engine waits for.
   */
  apply(...changes: JobChange[]): void;
  /** The time and the books, for working out an outcome now. */
  facts(): Facts;
  /** Task ids no lost create may adopt: owned by a job, or set aside. */
  knownTaskIds(): Set<string>;
  /** The server's list was read. */
  sawTasks(tasks: readonly VideoTask[]): void;
}

/** A piece of work on one job; `signal` ends it (the engine stopping, or the job's work taken over). */
export type JobWork = (ctx: EngineContext, id: string, signal: AbortSignal) => Promise<void>;

export function asApiError(error: unknown): ApiError {
  if (error instanceof AirforceError) return error.error;
  return { kind: 'bad-response', message: error instanceof Error ? error.message : String(error) };
}

/** A demo job from an earlier run ends at once (see `oldDemoEnded`); true when it ended. */
export function endedWithOldDemo(ctx: EngineContext, id: string): boolean {
  const record = ctx.repo.get(id);
  if (!record) return false;
  const changes = oldDemoEnded(record, ctx.world().session, ctx.clock.now(), ctx.t);
  ctx.apply(...changes);
  return changes.length > 0;
}
