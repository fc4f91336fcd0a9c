import { useEffect, useState } from 'react';
import type { Job } from '../../../../shared/jobs';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { formatDateTime, formatMoney } from '../common/format';
import { prefillFromRequest, useComposeStore } from '../compose';
import { useJobsStore } from '../jobs';
import { openClip } from '../library';
import { useGo } from '../nav';
import { JobThumb } from './JobThumb';
import { describeRequest, statusLabel } from './jobView';

/** Jobs per page: the history can hold tens of thousands; the list grows on request. */
export const HISTORY_PAGE = 50;
/** Typing waits this long before searching, so each key does not ask main. */
const TYPING_MS = 200;

interface Page {
  jobs: Job[];
  total: number;
}

/**
 * The jobs "Clear finished" moved out of the queue, latest first, searched by prompt in main's
 * database a page at a time. Each can be sent to Compose again, and a saved one shown.
 */
export function History() {
  const { t } = useTranslation('queue');
  const history = useJobsStore((s) => s.history);
  // Moves on every clear: a history open beside the queue shows the new arrivals.
  const cleared = useJobsStore((s) => s.clearedCount);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        history(query, 0, HISTORY_PAGE)
          .then((next) => {
            if (!live) return;
            setPage(next);
            setProblem(null);
          })
          .catch((error: unknown) => {
            if (live) setProblem(t('history.notLoaded', { reason: errorText(error) }));
          });
      },
      query === '' ? 0 : TYPING_MS,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [history, query, cleared, t]);

  const more = async () => {
    if (!page) return;
    setLoadingMore(true);
    try {
      const next = await history(query, page.jobs.length, HISTORY_PAGE);
      setPage({ jobs: [...page.jobs, ...next.jobs], total: next.total });
    } catch (error) {
      setProblem(t('history.notLoaded', { reason: errorText(error) }));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="job-history" aria-label={t('history.label')}>
      <div className="toolbar">
        <input
          type="search"
          className="field"
          aria-label={t('history.search')}
          placeholder={t('history.searchPlaceholder')}
          maxLength={500}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {page && (
          <span className="hint" aria-live="polite">
            {t('history.count', { count: page.total })}
          </span>
        )}
      </div>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {page?.total === 0 && (
        <div className="empty-state">
          <p>{query === '' ? t('history.empty') : t('history.noMatch', { query })}</p>
        </div>
      )}
      {page && page.jobs.length > 0 && (
        <ul className="history-list">
          {page.jobs.map((job) => (
            <HistoryRow key={job.id} job={job} />
          ))}
        </ul>
      )}
      {page && page.jobs.length < page.total && (
        <button type="button" disabled={loadingMore} onClick={() => void more()}>
          {t('history.more', { count: Math.min(HISTORY_PAGE, page.total - page.jobs.length) })}
        </button>
      )}
    </section>
  );
}

function HistoryRow({ job }: { job: Job }) {
  const { t } = useTranslation('queue');
  const go = useGo();
  const when = job.finishedAt ?? job.updatedAt;
  const facts = [
    statusLabel(job),
    describeRequest(job),
    t('history.ended', { date: formatDateTime(when) }),
    job.costCents !== null && !job.demo && job.submittedAt !== null
      ? job.refunded
        ? t('history.refunded', { cost: formatMoney(job.costCents) })
        : formatMoney(job.costCents)
      : null,
  ].filter(Boolean);
  const again = () => {
    useComposeStore.getState().prefill({ request: prefillFromRequest(job.request) });
    go('Compose');
  };
  return (
    <li className="history-row" data-status={job.status}>
      <JobThumb job={job} />
      <div className="history-text">
        <p className="prompt">{job.request.prompt}</p>
        <p className="hint">{facts.join(' · ')}</p>
      </div>
      <div className="history-actions">
        {job.status === 'saved' && job.clipId && (
          <button type="button" onClick={() => job.clipId && openClip(job.clipId)}>
            {t('actions.show')}
          </button>
        )}
        <button type="button" onClick={again}>
          {t('history.again')}
        </button>
      </div>
    </li>
  );
}
