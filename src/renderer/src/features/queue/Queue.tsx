import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorText } from '../common/errors';
import { Select } from '../common/Select';
import { useTranslation } from '../../i18n';
import { useEngineState, useJobsLoad, useJobsStore } from '../jobs';
import { useGo, useNavStore } from '../nav';
import { JobRow, type MoveTo } from './JobRow';
import { filters, matchesFilter, type QueueFilter } from './jobView';
import { useQueueFilter } from './queueFilter';
import { QueueBanner } from './QueueBanner';
import { UnclaimedTasks } from './UnclaimedTasks';
import './queue.css';
import './checks.css';

interface QueueProps {
  /** Shown beside Compose (a wide window): no need to send the user there. */
  beside?: boolean;
}

/** Every job with its state and progress; reorder, cancel, retry, remove; pause the queue. */
export function Queue({ beside = false }: QueueProps) {
  const { t } = useTranslation('queue');
  const filter = useQueueFilter((s) => s.filter);
  const setFilter = useQueueFilter((s) => s.setFilter);
  const ids = useJobsStore(
    useShallow((s) => s.order.filter((id) => s.byId[id] && matchesFilter(s.byId[id], filter))),
  );
  const total = useJobsStore((s) => s.order.length);
  const { loaded, error } = useJobsLoad();
  const engine = useEngineState();
  const { move, pause, resume } = useJobsStore.getState();
  const focus = useNavStore((s) => s.focus);
  const focusHandled = useNavStore((s) => s.focusHandled);
  const go = useGo();
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ id: string; focus: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const filterOptions = (Object.keys(filters) as QueueFilter[]).map((value) => ({
    value,
    label: t(`filters.${value}`),
  }));

  const focusRow = useCallback((id: string, what = 'row') => {
    const rows = list.current?.querySelectorAll<HTMLElement>('[data-job-id]') ?? [];
    const row = Array.from(rows).find((r) => r.dataset['jobId'] === id);
    const button =
      what === 'row' ? null : row?.querySelector<HTMLButtonElement>(`[data-action="${what}"]`);
    (button ?? row)?.focus();
    row?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  // A row moved down is re-inserted in the list, which takes the focus away from it.
  useEffect(() => {
    const pending = refocus.current;
    const active = document.activeElement;
    if (pending && (!active || active === document.body)) focusRow(pending.id, pending.focus);
  }, [ids, focusRow]);

  // "Show" on a notification, or back from editing: bring the job into view.
  useEffect(() => {
    if (focus?.kind !== 'job' || !loaded) return;
    const job = useJobsStore.getState().byId[focus.id];
    if (job && !matchesFilter(job, filter)) {
      setFilter('all');
      return;
    }
    focusRow(focus.id);
    focusHandled();
  }, [focus, loaded, filter, setFilter, focusRow, focusHandled]);

  const onMove = useCallback(
    (id: string, to: MoveTo, what: string) => {
      refocus.current = { id, focus: what };
      setProblem(null);
      move(id, to)
        .catch((e: unknown) => setProblem(errorText(e)))
        .finally(() => window.setTimeout(() => (refocus.current = null), 100));
    },
    [move],
  );

  const onStep = useCallback(
    (id: string, delta: -1 | 1) => {
      refocus.current = null;
      const next = ids[ids.indexOf(id) + delta];
      if (next) focusRow(next);
    },
    [ids, focusRow],
  );

  return (
    <section className={`queue${beside ? ' beside' : ''}`} aria-label={t('screen.label')}>
      <div className="toolbar">
        <Select
          className="field inline"
          label={t('screen.filter')}
          value={filter}
          options={filterOptions}
          onChange={setFilter}
        />
        <span className="hint" aria-live="polite">
          {engine
            ? t('screen.countRunning', {
                shown: ids.length,
                count: total,
                active: engine.active,
                concurrency: engine.concurrency,
              })
            : t('screen.count', { shown: ids.length, count: total })}
        </span>
        <span className="spacer" />
        {engine &&
          (engine.paused ? (
            <button
              type="button"
              onClick={() => void resume().catch((e: unknown) => setProblem(errorText(e)))}
            >
              {t('screen.resume')}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => void pause().catch((e: unknown) => setProblem(errorText(e)))}
            >
              {t('screen.pause')}
            </button>
          ))}
      </div>
      <QueueBanner />
      <UnclaimedTasks />
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {loaded && total === 0 && !error && (
        <div className="empty-state">
          <p>{beside ? t('screen.emptyBeside') : t('screen.empty')}</p>
          {!beside && (
            <button type="button" className="primary" onClick={() => go('Compose')}>
              {t('screen.goCompose')}
            </button>
          )}
        </div>
      )}
      {total > 0 && ids.length === 0 && (
        <div className="empty-state">
          <p>{t(`noneIn.${filter}`)}</p>
          <button type="button" onClick={() => setFilter('all')}>
            {t('screen.showAll')}
          </button>
        </div>
      )}
      {ids.length > 0 && (
        <>
          <p className="hint keyboard-hint">{t('screen.keyboard')}</p>
          <ol ref={list} className="job-list" aria-label={t('screen.list')}>
            {ids.map((id) => (
              <JobRow key={id} id={id} onMove={onMove} onStep={onStep} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
