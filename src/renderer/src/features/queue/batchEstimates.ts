import type { BatchSummary } from '../../../../shared/jobBatches';
import type { Job } from '../../../../shared/jobs';
import { isBeingSaved } from '../../../../shared/jobStatus';
import { i18n } from '../../i18n';
import { formatAbout, formatNumber } from '../common/format';
import { timeLeft, type Learnt } from './timeEstimates';

/** What a batch is doing, as its entry says it. */
export type BatchState =
  | { kind: 'running' }
  | { kind: 'paused' }
  /** Its `onFailure: 'stop'` stopped it at this job's failure (it is paused until resumed). */
  | { kind: 'stopped'; jobId: string }
  | { kind: 'done' };

export function batchState(batch: BatchSummary): BatchState {
  if (batch.stoppedBy !== null) return { kind: 'stopped', jobId: batch.stoppedBy };
  if (batch.counts.waiting + batch.counts.running === 0) return { kind: 'done' };
  return batch.paused ? { kind: 'paused' } : { kind: 'running' };
}

/**
 * About how long a batch's unfinished jobs take: each one's learnt time (what is left of it,
 * for a running job), the jobs without one counted at the mean of those with one, shared
 * over the concurrency — but never less than its longest job. Null when no job has a time.
 * Other batches' jobs ahead in the queue are not counted: it is an estimate, said as one.
 */
export function batchTimeLeft(
  unfinished: readonly Job[],
  now: number,
  learnt: Learnt,
  concurrency: number,
): number | null {
  let sum = 0;
  let known = 0;
  let unknown = 0;
  let longest = 0;
  for (const job of unfinished) {
    // Generated already: only its download is left.
    if (isBeingSaved(job.status)) continue;
    const left = timeLeft(job, now, learnt);
    if (!left) {
      unknown += 1;
      continue;
    }
    sum += left.ms;
    known += 1;
    longest = Math.max(longest, left.ms);
  }
  if (known === 0) return null;
  const total = sum + (unknown * sum) / known;
  return Math.max(total / Math.max(1, concurrency), longest);
}

/** The unfinished jobs (under way or waiting) of each batch, by batch id. */
export function unfinishedByBatch(
  ids: readonly string[],
  jobById: (id: string) => Job | undefined,
): Map<string, Job[]> {
  const groups = new Map<string, Job[]>();
  for (const id of ids) {
    const job = jobById(id);
    if (!job?.batch) continue;
    let group = groups.get(job.batch.id);
    if (!group) groups.set(job.batch.id, (group = []));
    group.push(job);
  }
  return groups;
}

/** "about 40 min left"; past an hour and a half, in hours ("about 3 h left"). */
export function leftText(ms: number): string {
  const about =
    ms < 90 * 60_000
      ? formatAbout(ms)
      : i18n.t('queue:batches.aboutHours', { value: formatNumber(Math.round(ms / 3_600_000)) });
  return i18n.t('queue:batches.left', { about });
}
