import { randomUUID } from 'node:crypto';
import type { BatchPlace } from '../../../shared/jobBatches';
import type { Job, JobRequest } from '../../../shared/jobs';
import type { Clock } from '../ports';
import { newRecord, toView } from './jobRecord';
import type { JobRepository } from './jobRepository';

/** A job to queue: the request (checked), its estimated cost, and what it belongs to. */
export interface NewJob {
  request: JobRequest;
  costCents: number | null;
  retryOf?: string | null;
  batch?: BatchPlace | null;
  /** The key it is pinned to; null or absent: any key. */
  keyId?: string | null;
}

interface AddHost {
  readonly repo: JobRepository;
  readonly clock: Clock;
  emitJobs(ids: readonly string[], order?: boolean): void;
  pump(): void;
}

/**
 * Appends jobs to the queue in one transaction (with what `alongside` writes in it; `stored`
 * runs once it committed), then announces them and starts what can start.
 */
export function addJobs(
  host: AddHost,
  jobs: readonly NewJob[],
  also: { alongside?: () => void; stored?: () => void } = {},
): Job[] {
  const now = host.clock.now();
  const records = jobs.map(
    ({ request, costCents, retryOf = null, batch = null, keyId = null }) => ({
      ...newRecord(`job_${randomUUID()}`, request, now, retryOf, batch, keyId),
      costCents,
    }),
  );
  host.repo.addWith(records, also.alongside);
  also.stored?.();
  host.emitJobs(
    records.map((r) => r.id),
    true,
  );
  host.pump();
  return records.map(toView);
}
