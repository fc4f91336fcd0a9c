import type { CreateVideoRequest, VideoTask } from '../../../shared/api/schemas';
import type { HoldReason, JobError } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import { AirforceError, type ApiError } from '../airforce/types';
import type { Clock } from '../ports';
import type { Connectivity } from './connectivity';
import type { CreateTracker } from './createTracker';
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

/** Full-jitter exponential backoff, capped. */
export function backoffMs(
  attempt: number,
  random: () => number,
  baseMs = 2000,
  capMs = 60_000,
): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt)));
}
