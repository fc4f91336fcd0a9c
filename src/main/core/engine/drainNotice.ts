import { isFailure, type JobStatus } from '../../../shared/jobs';
import type { Messages } from '../i18n';
import type { UserNotification } from '../ports';

/** What a drained batch (or queue) did: its jobs' ends, and what it cost. */
export interface DrainTally {
  saved: number;
  failedRefunded: number;
  failedNotRefunded: number;
  cancelled: number;
  spentCents: number;
  /** Every job ran in the built-in demo: nothing was charged, so no amount is said. */
  demo: boolean;
}

export const emptyTally = (): DrainTally => ({
  saved: 0,
  failedRefunded: 0,
  failedNotRefunded: 0,
  cancelled: 0,
  spentCents: 0,
  demo: false,
});

/** Counts one ended job in the tally (spend is added apart: it covers replaced attempts too). */
export function tallyEnd(tally: DrainTally, job: { status: JobStatus; refunded: boolean }): void {
  if (job.status === 'saved') tally.saved += 1;
  else if (job.status === 'cancelled') tally.cancelled += 1;
  else if (isFailure(job.status)) tally[job.refunded ? 'failedRefunded' : 'failedNotRefunded'] += 1;
}

/**
 * "Batch “Overnight” done" — "50 clips ready, 2 failed and refunded, $98.40", in main's
 * language when shown: the batch's name (`batch`), or the whole queue when there is none.
 */
export function drainNotification(
  { t }: Messages,
  tally: DrainTally,
  focus: { jobId: string; batch?: { id: string; name: string } },
): UserNotification {
  const parts = [t('notification.clipsReady', { count: tally.saved })];
  if (tally.failedRefunded > 0)
    parts.push(t('notification.failedRefunded', { count: tally.failedRefunded }));
  if (tally.failedNotRefunded > 0)
    parts.push(t('notification.failedNotRefunded', { count: tally.failedNotRefunded }));
  if (tally.cancelled > 0) parts.push(t('notification.cancelled', { count: tally.cancelled }));
  parts.push(
    tally.demo
      ? t('notification.spentDemo')
      : t('notification.spent', { amount: tally.spentCents / 100 }),
  );
  const { batch, jobId } = focus;
  return {
    kind: 'drained',
    title: batch ? t('notification.batchDone', { name: batch.name }) : t('notification.queueDone'),
    body: parts.join(', '),
    jobId,
    ...(batch ? { batchId: batch.id } : {}),
  };
}
