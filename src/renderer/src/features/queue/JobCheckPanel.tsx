import { useState } from 'react';
import type { JobCheck } from '../../../../shared/jobs';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { formatDateTime, formatMoney, formatNumber } from '../common/format';
import { useJobsStore } from '../jobs';

/**
 * A job whose create call had no clear answer. While the engine looks, this says so; when
 * the server's list cannot be read, or shows several tasks that could be the job's, the
 * user answers: this task is it, or none is and it may be sent (and paid for) again.
 */
export function JobCheckPanel({ id, check }: { id: string; check: JobCheck }) {
  const { t } = useTranslation('queue');
  const resolve = useJobsStore((s) => s.resolve);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const answer = async (taskId: string | null) => {
    setBusy(true);
    setProblem(null);
    try {
      await resolve(id, taskId);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const asks = check.state !== 'looking';
  return (
    <div
      className={`job-check job-check-${check.state}`}
      role={asks ? 'group' : 'status'}
      aria-label={t('check.label')}
    >
      <p>{check.message}</p>
      {check.candidates.length > 0 && (
        <ul className="job-check-candidates" aria-label={t('check.candidates')}>
          {check.candidates.map((c) => (
            <li key={c.taskId}>
              <code>{c.taskId}</code>
              <span>
                {[
                  c.model,
                  c.status,
                  c.createdAt !== null
                    ? t('task.made', { date: formatDateTime(c.createdAt) })
                    : null,
                  c.durationSeconds
                    ? t('task.seconds', { value: formatNumber(c.durationSeconds) })
                    : null,
                  c.costCents !== null ? formatMoney(c.costCents) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <button
                type="button"
                disabled={busy}
                onClick={() => void answer(c.taskId)}
                aria-label={t('check.isThis', { taskId: c.taskId })}
              >
                {t('check.thisOne')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {asks &&
        (confirming ? (
          <div
            className="job-check-confirm"
            role="alertdialog"
            aria-label={t('check.sendAgainLabel')}
          >
            <span>{t('check.sendAgainWarning')}</span>
            <button
              type="button"
              className="danger"
              disabled={busy}
              ref={(el) => el?.focus()}
              onClick={() => void answer(null)}
            >
              {t('check.sendAgain')}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}
            >
              {t('check.keepLooking')}
            </button>
          </div>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {check.candidates.length > 0 ? t('check.noneOfThese') : t('check.notCreated')}
          </button>
        ))}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
