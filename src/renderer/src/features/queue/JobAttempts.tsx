import { useId, useState } from 'react';
import type { Job, JobStatus } from '../../../../shared/jobs';
import { i18n, useTranslation } from '../../i18n';
import { formatHourMinute, formatMoney } from '../common/format';
import { neverCharged, statusLabel } from './jobView';
import './attempts.css';

/** The statuses a retried job can have, in a word to go inside a sentence. */
const statusWord: Partial<Record<JobStatus, 'failed' | 'expired' | 'cancelled'>> = {
  failed: 'failed',
  expired: 'expired',
  cancelled: 'cancelled',
};

type Money = 'refunded' | 'notRefunded' | 'notCharged';

/** What happened to an attempt's money: an ended job was paid for unless refunded. */
function moneyOf(job: Job): Money | null {
  if (neverCharged(job)) return 'notCharged';
  if (job.refunded) return 'refunded';
  return job.taskId !== null && job.status !== 'saved' ? 'notRefunded' : null;
}

const endedAt = (job: Job): number => job.finishedAt ?? job.updatedAt;

/** "failed 12:03 (refunded)" */
function shortText(job: Job): string {
  const word = statusWord[job.status];
  const status = word ? i18n.t(`queue:attempts.status.${word}`) : statusLabel(job);
  const time = formatHourMinute(endedAt(job));
  const money = moneyOf(job);
  return money
    ? i18n.t('queue:attempts.shortMoney', {
        status,
        time,
        money: i18n.t(`queue:attempts.money.${money}`),
      })
    : i18n.t('queue:attempts.short', { status, time });
}

/** "$3.20 refunded", "$3.20, not refunded", "not charged" */
function costText(job: Job): string {
  const money = moneyOf(job);
  if (money === 'notCharged') return i18n.t('queue:attempts.cost.notCharged');
  if (job.costCents === null) return '';
  const amount = formatMoney(job.costCents);
  return money ? i18n.t(`queue:attempts.cost.${money}`, { amount }) : amount;
}

/**
 * A retried job's earlier attempts inside its row: a line that sums them up ("Attempt 2 ·
 * earlier: failed 12:03 (refunded)") and, on demand, each with its error and its money.
 */
export function JobAttempts({ earlier }: { earlier: readonly Job[] }) {
  const { t } = useTranslation('queue');
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (earlier.length === 0) return null;
  const oldestFirst = earlier.toReversed();
  const summary = t('attempts.summary', {
    number: earlier.length + 1,
    earlier: oldestFirst.map(shortText).join(', '),
  });
  return (
    <div className="job-attempts">
      <div className="job-attempts-line">
        <span className="job-attempts-summary" title={summary}>
          {summary}
        </span>
        <button
          type="button"
          className="link"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          {t('attempts.toggle')}
        </button>
      </div>
      <ol id={listId} className="job-attempts-list" aria-label={t('attempts.list')} hidden={!open}>
        {oldestFirst.map((attempt, index) => (
          <li key={attempt.id}>
            {[
              t('attempts.number', { number: index + 1 }),
              statusLabel(attempt),
              formatHourMinute(endedAt(attempt)),
              costText(attempt),
              attempt.error?.message,
            ]
              .filter(Boolean)
              .join(' · ')}
          </li>
        ))}
      </ol>
    </div>
  );
}
