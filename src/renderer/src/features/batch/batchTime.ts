import type { PlannedJob } from '../../../../shared/batch';
import { keyOf, type Learnt } from '../queue';

/** A clip of a model the app has not seen finish yet: a guess, until it has. */
export const UNSEEN_JOB_MS = 90_000;

/**
 * How long the batch takes at `concurrency` jobs at once: each job's time learnt from earlier
 * clips of its model and duration (else {@link UNSEEN_JOB_MS}), spread over the slots.
 */
export function batchTimeMs(
  jobs: readonly PlannedJob[],
  learnt: Learnt,
  concurrency: number,
): number {
  if (jobs.length === 0) return 0;
  const slots = Math.max(1, Math.min(concurrency, jobs.length));
  let total = 0;
  for (const job of jobs) {
    total += learnt.averages[keyOf({ request: job.draft })]?.ms ?? UNSEEN_JOB_MS;
  }
  return Math.ceil(total / slots);
}
