import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../common/errors';
import { Select } from '../common/Select';
import { Tabs } from '../common/Tabs';
import { useTranslation } from '../../i18n';
import { jobById, rowOf, useEngineState, useJobsLoad, useJobsStore, useSections } from '../jobs';
import { useGo, useNavStore } from '../nav';
import { JobList, visibleSections, type JobListHandle } from './JobList';
import type { MoveTo } from './JobRow';
import { filters, matchesFilter, type QueueFilter } from './jobView';
import { useQueueFilter } from './queueFilter';
import { BatchesPanel } from './BatchesPanel';
import { ClearFinished } from './ClearFinished';
import { History } from './History';
import { QueueBanner } from './QueueBanner';
import { QueueFileButtons } from './QueueFileButtons';
import { UnclaimedTasks } from './UnclaimedTasks';
import './queue.css';
import './checks.css';

interface QueueProps {
  /** Shown beside Compose (a wide window): no need to send the user there. */
  beside?: boolean;
}

type QueueView = 'jobs' | 'history';

/** The queue's jobs, and the history of those cleared from it. */
export function Queue({ beside = false }: QueueProps) {
  const { t } = useTranslation('queue');
  const [view, setView] = useState<QueueView>('jobs');
  // A job or batch to show (a notification's "Show") is in the Jobs tab: switch as it comes.
  const focus = useNavStore((s) => s.focus);
  const [seenFocus, setSeenFocus] = useState(focus);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    if (focus) setView('jobs');
  }
  return (
    <section className={`queue${beside ? ' beside' : ''}`} aria-label={t('screen.label')}>
      <Tabs
        label={t('history.views')}
        tabs={[
          { value: 'jobs', label: t('history.jobsTab') },
          { value: 'history', label: t('history.tab') },
        ]}
        value={view}
        onChange={setView}
        className="queue-tabs"
        panelClassName="queue-panel"
      >
        {view === 'jobs' ? (
          <Jobs beside={beside} openHistory={() => setView('history')} />
        ) : (
          <History />
        )}
      </Tabs>
    </section>
  );
}

/** Every job with its state and progress; reorder, cancel, retry, remove; pause the queue. */
function Jobs({ beside, openHistory }: { beside: boolean; openHistory: () => void }) {
  const { t } = useTranslation('queue');
  const [cleared, setCleared] = useState<number | null>(null);
  const filter = useQueueFilter((s) => s.filter);
  const setFilter = useQueueFilter((s) => s.setFilter);
  const sections = useSections();
  const shownSections = useMemo(() => visibleSections(sections, filter), [sections, filter]);
  const shown =
    shownSections.running.length + shownSections.waiting.length + shownSections.ended.length;
  const total = sections.running.length + sections.waiting.length + sections.ended.length;
  const { loaded, error } = useJobsLoad();
  const engine = useEngineState();
  const { move, pause, resume } = useJobsStore.getState();
  const focus = useNavStore((s) => s.focus);
  const focusHandled = useNavStore((s) => s.focusHandled);
  const go = useGo();
  const list = useRef<JobListHandle | null>(null);
  const refocus = useRef<{ id: string; focus: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fileSaid, setFileSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const filterOptions = (Object.keys(filters) as QueueFilter[]).map((value) => ({
    value,
    label: t(`filters.${value}`),
  }));

  // "Show" on a notification, or back from editing: bring the job into view.
  useEffect(() => {
    if (focus?.kind !== 'job' || !loaded) return;
    // An earlier attempt is shown by its chain's row: the filter judges that row's job.
    const job = jobById(rowOf(focus.id));
    if (job && !matchesFilter(job, filter)) {
      setFilter('all');
      return;
    }
    list.current?.focusJob(focus.id);
    focusHandled();
  }, [focus, loaded, filter, setFilter, focusHandled]);

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

  return (
    <>
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
                shown,
                count: total,
                active: engine.active,
                concurrency: engine.concurrency,
              })
            : t('screen.count', { shown, count: total })}
        </span>
        <span className="spacer" />
        <QueueFileButtons onSaid={setFileSaid} />
        <ClearFinished onCleared={setCleared} />
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
      {cleared !== null && (
        <p className="banner info" role="status">
          {t('history.cleared', { count: cleared })}{' '}
          <button type="button" className="link" onClick={openHistory}>
            {t('history.open')}
          </button>
        </p>
      )}
      {fileSaid && (
        <p
          className={fileSaid.problem ? 'inline-error' : 'banner info'}
          role={fileSaid.problem ? 'alert' : 'status'}
        >
          {fileSaid.text}
        </p>
      )}
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
      <BatchesPanel />
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
      {total > 0 && shown === 0 && (
        <div className="empty-state">
          <p>{t(`noneIn.${filter}`)}</p>
          <button type="button" onClick={() => setFilter('all')}>
            {t('screen.showAll')}
          </button>
        </div>
      )}
      {shown > 0 && (
        <>
          <p className="hint keyboard-hint">{t('screen.keyboard')}</p>
          <JobList sections={shownSections} onMove={onMove} refocus={refocus} handle={list} />
        </>
      )}
    </>
  );
}
