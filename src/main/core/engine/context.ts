import type { CreateVideoRequest, VideoTask } from '../../../shared/api/schemas';
import type { HoldReason, JobError } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import { AirforceError, type ApiError } from '../airforce/types';
import type { Clock } from '../ports';
import type { Connectivity } from './connectivity';
import type { CreateTracker } from './createTracker';
import type { World } from './engineDeps';
import type { UnclaimedTasks } from './unclaimedTasks';
import type { JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';

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
  /** Paid tasks no job owns, and the lost creates still to sweep for. */
  readonly unclaimed: UnclaimedTasks;
  apiKey(): Promise<string | null>;
  /** The real API or this run's demo (see EngineDeps.world). */
  world(): World;
  toApiRequest(record: JobRecord): Promise<CreateVideoRequest>;
  change(id: string, patch: Partial<JobRecord>): JobRecord;
  reportProgress(id: string, progress: number): void;
  /** Stops submissions (and following, for key problems) until the user acts. */
  block(reason: HoldReason, message: string): void;
  /** Delays new submissions (429, server trouble). */
  backOffSubmissions(ms: number): void;
  /** The task now belongs to the job: record it, debit it, and take in its status. */
  adopt(id: string, task: VideoTask, costCents: number | null): void;
  /** A status payload about the job's task arrived. */
  observe(id: string, task: VideoTask): void;
  /** Ends a job that made no task: nothing was paid. */
  failJob(id: string, error: JobError): void;
  /** Task ids no lost create may adopt: owned by a job, or set aside. */
  knownTaskIds(): Set<string>;
  /** The server's list was read. */
  sawTasks(tasks: readonly VideoTask[]): void;
  /** A lost create's job goes back in line: the server certainly has no task for it. */
  backInLine(id: string): void;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof AirforceError) return error.error;
  return { kind: 'bad-response', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A demo job from an earlier run: the demo simulator started afresh with the app, so its
 * task is gone. It ends saying so; it was never charged. True when it ended.
 */
export function endedWithOldDemo(ctx: EngineContext, id: string): boolean {
  const record = ctx.repo.get(id);
  if (!record?.demo || record.demoSession === ctx.world().session) return false;
  ctx.failJob(id, {
    kind: 'demo',
    message:
      'A demo job from an earlier run: the demo restarted with Airframe, so its task is gone. Nothing was charged; retry it to run it again.',
  });
  return true;
}
