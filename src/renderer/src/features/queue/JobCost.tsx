import type { Job } from '../../../../shared/jobs';
import { Trans, useTranslation } from '../../i18n';
import { formatMoney } from '../common/format';
import { neverCharged } from './jobView';

/** What the job costs: estimated, debited, refunded, or nothing at all. */
export function JobCost({ job }: { job: Job }) {
  const { t } = useTranslation('queue');
  if (neverCharged(job)) return <span className="job-cost refunded">{t('cost.notCharged')}</span>;
  if (job.costCents === null) return <span className="job-cost">—</span>;
  const submitted = job.taskId !== null;
  const amount = formatMoney(job.costCents);
  return (
    <span
      className={`job-cost${job.refunded ? ' refunded' : ''}`}
      title={submitted ? t('cost.debited') : t('cost.debitedLater')}
    >
      {job.refunded ? (
        <Trans
          t={t}
          i18nKey={submitted ? 'cost.refunded' : 'cost.estimateRefunded'}
          values={{ amount }}
          components={{ tag: <span className="refund-tag" /> }}
        />
      ) : submitted ? (
        amount
      ) : (
        t('cost.estimate', { amount })
      )}
    </span>
  );
}
