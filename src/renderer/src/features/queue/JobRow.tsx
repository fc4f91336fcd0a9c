import { memo, useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Job } from '../../../../shared/jobs';
import { isPaidNotSaved, isWaiting } from '../../../../shared/jobStatus';
import { i18n, useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { formatAbout, formatClock } from '../common/format';
import { prefillFromRequest, useComposeStore } from '../compose';
import { useEarlierAttempts, useJob, useJobsStore } from '../jobs';
import { openClip } from '../library';
import { useGo } from '../nav';
import { useKeyName } from '../keys';
import { JobCheckPanel } from './JobCheckPanel';
import { ActionButton, actionLabel } from './ActionButton';
import { CancelOnServer } from './CancelOnServer';
import { JobAttempts } from './JobAttempts';
import { JobCost } from './JobCost';
import { JobThumb } from './JobThumb';
import {
  actionsFor,
  describeRequest,
  errorLine,
  progressOf,
  statusLabel,
  type JobAction,
} from './jobView';
import { timeLeft } from './timeEstimates';
import { useLearnt } from './timesStore';
import { useNow } from './useNow';

export type MoveTo = 'up' | 'down' | 'top';

interface JobRowProps {
  id: string;
  /** Its place among the list's items (headers included), for the virtualizer. */
  index: number;
  /** Its place among the jobs shown (1-based) and how many there are, for screen readers. */
  position: number;
  setSize: number;
  /** Its offset in the list, in pixels. */
  start: number;
  /** The virtualizer's measuring ref. */
  measure: (element: HTMLElement | null) => void;
  /** Moves the job and keeps the keyboard focus on `focus` (an action name or the row). */
  onMove: (id: string, to: MoveTo, focus: string) => void;
  /** Arrow keys between rows. */
  onStep: (id: string, delta: -1 | 1) => void;
}

/**
 * One job in two lines beside its thumbnail: the prompt and cost, then its state, request and
 * times. Every line has a fixed height, so progress arriving never moves anything on screen.
 * A retried job's row is its newest attempt's, with the earlier ones on a line below.
 */
export const JobRow = memo(function JobRow({
  id,
  index,
  position,
  setSize,
  start,
  measure,
  onMove,
  onStep,
}: JobRowProps) {
  const { t } = useTranslation('queue');
  const job = useJob(id);
  const keyName = useKeyName(job?.keyId);
  const earlier = useEarlierAttempts(id);
  const learnt = useLearnt();
  const now = useNow(job ? isPaidNotSaved(job.status) : false);
  const go = useGo();
  const store = useJobsStore.getState();
  const [confirming, setConfirming] = useState(false);
  // An action's failure, shown while the job is still in the state it failed in.
  const [failure, setFailure] = useState<{ status: string; text: string } | null>(null);
  const rowRef = useRef<HTMLLIElement | null>(null);
  const setRow = useCallback(
    (element: HTMLLIElement | null) => {
      rowRef.current = element;
      measure(element);
    },
    [measure],
  );
  const promptId = useId();
  const statusId = useId();
  if (!job) return null;

  const problem = failure && failure.status === job.status ? failure.text : null;
  const run = async (what: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await what();
    } catch (error) {
      setFailure({ status: job.status, text: errorText(error) });
    }
  };

  // A cancel on the server has a button of its own, which asks first (CancelOnServer).
  const act = (action: Exclude<JobAction, 'cancelOnServer'>) => {
    switch (action) {
      case 'cancel':
        return void run(() => store.cancel(id));
      case 'retry':
        return void run(() => store.retry(id));
      case 'release':
        return void run(() => store.release([id]));
      case 'remove':
        return setConfirming(true);
      case 'edit':
        useComposeStore
          .getState()
          .prefill({ request: prefillFromRequest(job.request), editingJobId: id });
        return go('Compose');
      case 'show':
        return job.clipId ? openClip(job.clipId) : undefined;
      default:
        return onMove(id, action, action);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    const waiting = isWaiting(job.status);
    if (
      event.altKey &&
      waiting &&
      (event.key === 'ArrowUp' || event.key === 'ArrowDown' || event.key === 'Home')
    ) {
      event.preventDefault();
      onMove(
        id,
        event.key === 'ArrowUp' ? 'up' : event.key === 'ArrowDown' ? 'down' : 'top',
        'row',
      );
    } else if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onStep(id, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'Delete' && actionsFor(job).includes('remove')) {
      event.preventDefault();
      setConfirming(true);
    }
  };

  const progress = progressOf(job);
  const note = problem ?? errorLine(job);
  const times = [progress.label, timesText(job, now, learnt)].filter(Boolean).join(' · ');
  return (
    <li
      className={`job-row status-${job.status}`}
      ref={setRow}
      data-job-id={id}
      data-index={index}
      aria-posinset={position}
      aria-setsize={setSize}
      style={{ transform: `translateY(${start}px)` }}
      tabIndex={0}
      aria-labelledby={promptId}
      aria-describedby={statusId}
      onKeyDown={onKeyDown}
    >
      <JobThumb job={job} />
      <div className="job-head">
        <span className="job-prompt" id={promptId} title={job.request.prompt}>
          {job.request.prompt}
        </span>
        {job.demo && (
          <span className="badge badge-demo" title={t('row.demoHint')}>
            {t('row.demo')}
          </span>
        )}
        <JobCost job={job} />
      </div>
      <div className="job-line">
        <span className={`badge badge-${job.status}`} id={statusId}>
          {statusLabel(job)}
        </span>
        {confirming ? (
          <span className="job-confirm">{confirmText(job, earlier.length)}</span>
        ) : (
          <>
            {job.batch && (
              <span className="job-batch" title={t('batches.placeTitle', job.batch)}>
                {t('batches.place', job.batch)}
              </span>
            )}
            {keyName && <span className="job-batch">{t('jobKey', { name: keyName })}</span>}
            <span className="job-meta" title={describeRequest(job)}>
              {describeRequest(job)}
            </span>
            {note ? (
              <span
                className={`job-note${problem ? ' problem' : ''}`}
                role={problem ? 'alert' : undefined}
                title={note}
              >
                {note}
              </span>
            ) : (
              <span className="job-times">{times}</span>
            )}
          </>
        )}
      </div>
      <div className="job-actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              ref={(el) => el?.focus()}
              // The earlier attempts go with the row (the store removes the chain's jobs).
              onClick={() => void run(() => store.remove(id)).then(() => setConfirming(false))}
            >
              {t('row.yesRemove')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                rowRef.current?.focus();
              }}
            >
              {t('row.keep')}
            </button>
          </>
        ) : (
          actionsFor(job).map((action) =>
            action === 'cancelOnServer' ? (
              <CancelOnServer key={action} job={job} />
            ) : (
              <ActionButton
                key={action}
                action={action}
                label={
                  action === 'release' && job.holdReason === 'budget'
                    ? t('actions.runAnyway')
                    : actionLabel(action)
                }
                onClick={() => act(action)}
              />
            ),
          )
        )}
      </div>
      <div
        className={`bar bar-${progress.phase}${progress.value === null && progress.phase !== 'none' ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.value ?? undefined}
        aria-valuetext={progress.label || statusLabel(job)}
      >
        <div className="fill" style={{ transform: `scaleX(${(progress.value ?? 0) / 100})` }} />
      </div>
      <JobAttempts earlier={earlier} />
      {job.check && job.status === 'submitting' && <JobCheckPanel id={id} check={job.check} />}
    </li>
  );
});

function confirmText(job: Job, earlier: number): string {
  const saved = job.status === 'saved';
  if (earlier === 0) return i18n.t(saved ? 'queue:row.confirmSaved' : 'queue:row.confirmOther');
  return i18n.t(saved ? 'queue:row.confirmSavedChain' : 'queue:row.confirmOtherChain', {
    count: earlier,
  });
}

function timesText(job: Job, now: number, learnt: ReturnType<typeof useLearnt>): string {
  const start = job.startedAt ?? job.submittedAt;
  if (isPaidNotSaved(job.status) && start !== null) {
    const left = timeLeft(job, now, learnt);
    const clock = formatClock(now - start);
    return left && job.status === 'running'
      ? i18n.t('queue:times.elapsedLeft', { clock, left: formatAbout(left.ms) })
      : i18n.t('queue:elapsed', { clock });
  }
  if (isWaiting(job.status)) {
    const left = timeLeft(job, now, learnt);
    return left ? i18n.t('queue:times.once', { about: formatAbout(left.ms) }) : '';
  }
  if (job.startedAt !== null && job.finishedAt !== null)
    return i18n.t('queue:took', { clock: formatClock(job.finishedAt - job.startedAt) });
  return '';
}
