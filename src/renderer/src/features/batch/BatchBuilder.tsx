import { KeyPicker } from '../keys';
import { useRef, useState } from 'react';
import { budgetCheck } from '../../../../shared/batch';
import { useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { formatAbout, formatDateTime, formatMoney } from '../common/format';
import { useComposeStore } from '../compose';
import { useEngineState } from '../jobs';
import { useLedgerTotals } from '../ledger';
import { useGo } from '../nav';
import { useLearnt } from '../queue';
import { useSettingsView } from '../settings';
import { BatchPreview } from './BatchPreview';
import { BatchSources } from './BatchSources';
import { queueBatch } from './batchQueue';
import { useBatchStore } from './batchStore';
import { listProblemText, planProblemText } from './batchWords';
import { batchTimeMs } from './batchTime';
import { useBatchPlan } from './useBatchPlan';
import './batch.css';

/** Rows and jobs the user may raise the limits to. */
const RAISED_LIMIT = 10_000;

type Outcome = { kind: 'queued'; name: string; count: number } | { kind: 'error'; message: string };

/**
 * The batch builder: a prompt list, images and variations become a preview of every job with
 * its cost, the total, the time it will take and the daily budget's verdict — before anything
 * is queued. Queueing sends the batch as one (main stores it whole or not at all).
 */
export function BatchBuilder() {
  const { t } = useTranslation('batch');
  const form = useBatchStore();
  const { setOpen, patch, reset } = useBatchStore.getState();
  const preview = useBatchPlan();
  const modelId = useComposeStore((s) => s.form.modelId);
  const model = preview.models.find((m) => m.id === modelId);
  const engine = useEngineState();
  const ledger = useLedgerTotals();
  const settings = useSettingsView();
  const learnt = useLearnt();
  const go = useGo();
  const [busy, setBusy] = useState<{ done: number; count: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inFlight = useRef(false);
  const [openedAt] = useState(() => Date.now());

  const { list, plan, jobs, ready, readyCents } = preview;
  const concurrency = engine?.concurrency ?? 4;
  const budget = settings?.settings.dailyBudgetCents ?? null;
  const verdict = budgetCheck(readyCents, ledger?.todayCents ?? 0, budget);
  const leftOut = jobs.length - ready.length;
  const name = form.name.trim() || t('defaultName', { date: formatDateTime(openedAt) });
  const notices = [
    ...list.problems.map(listProblemText),
    ...list.warnings.map(listProblemText),
    ...plan.problems.map(planProblemText),
  ];

  const queue = async () => {
    if (inFlight.current || ready.length === 0) return;
    inFlight.current = true;
    setOutcome(null);
    setBusy({ done: 0, count: 0 });
    try {
      const { count } = await queueBatch({
        name,
        stopOnFailure: form.stopOnFailure,
        jobs: ready,
        images: form.images,
        onProgress: (done, total) => setBusy({ done, count: total }),
      });
      setOutcome({ kind: 'queued', name, count });
      reset();
    } catch (error) {
      setOutcome({ kind: 'error', message: errorText(error) });
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return (
    <Dialog title={t('title')} onClose={() => setOpen(false)} className="batch-builder">
      <label className="field">
        <span>{t('name')}</span>
        <input
          value={form.name}
          maxLength={200}
          placeholder={name}
          onChange={(event) => patch({ name: event.target.value })}
        />
      </label>
      <BatchSources model={model} />
      {list.truncated && (
        <p className="banner warn">
          <span>{t('limit', { limit: list.truncated.limit, total: list.truncated.total })}</span>
          {form.rowLimit < RAISED_LIMIT && (
            <button
              type="button"
              onClick={() => patch({ rowLimit: RAISED_LIMIT, jobLimit: RAISED_LIMIT })}
            >
              {t('raiseLimit', { limit: RAISED_LIMIT })}
            </button>
          )}
        </p>
      )}
      {notices.length > 0 && (
        <ul className="batch-notices" aria-label={t('notices')}>
          {notices.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
      <p className="batch-summary" role="status">
        {t('summary', {
          count: ready.length,
          cost: formatMoney(readyCents),
          time: formatAbout(batchTimeMs(ready, learnt, concurrency)),
          concurrency,
        })}
        {leftOut > 0 && <> {t('leftOut', { count: leftOut })}</>}
      </p>
      {budget !== null && (
        <p className={verdict.fits ? 'hint' : 'inline-error'}>
          {verdict.fits
            ? t('budget.fits', { left: formatMoney(verdict.remainingCents ?? 0) })
            : t('budget.over', {
                cost: formatMoney(readyCents),
                over: formatMoney(verdict.overByCents),
                left: formatMoney(verdict.remainingCents ?? 0),
              })}
        </p>
      )}
      <KeyPicker />
      <BatchPreview jobs={jobs} images={form.images} models={preview.models} />
      {outcome?.kind === 'queued' && (
        <p className="ok-line" role="status">
          {t('queued', { name: outcome.name, count: outcome.count })}{' '}
          <button type="button" className="link" onClick={() => (setOpen(false), go('Queue'))}>
            {t('showInQueue')}
          </button>
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p className="inline-error" role="alert">
          {t('notQueued', { reason: outcome.message })}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          aria-disabled={ready.length === 0 || busy !== null}
          onClick={() => void queue()}
        >
          {busy
            ? busy.count > 0
              ? t('storing', { done: busy.done, count: busy.count })
              : t('queueing')
            : t('queue', { count: ready.length })}
        </button>
        <button type="button" className="quiet" onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
