import { lazy, Suspense, useId, useState } from 'react';
import type { BatchSummary } from '../../../../shared/jobBatches';
import { useTranslation } from '../../i18n';
import { ActionButton } from './ActionButton';
import { errorText } from '../common/errors';
import { formatMoney } from '../common/format';
import { jobById } from '../jobs';
import { batchState, leftText, type BatchState } from './batchEstimates';
import { useBatchesStore, type BatchMove } from './batchesStore';
import { saveQueueFile } from './queueFiles';

// The confirmation loads when first asked for: dialogs stay out of the first bundle.
const CancelBatch = lazy(() => import('./CancelBatch').then((m) => ({ default: m.CancelBatch })));

const moves: readonly BatchMove[] = ['top', 'up', 'down', 'bottom'];
const countKinds = ['waiting', 'running', 'failed', 'cancelled'] as const;

interface BatchEntryProps {
  batch: BatchSummary;
  /** About how long its unfinished jobs take, or null when nothing has been learnt. */
  leftMs: number | null;
}

/** One batch: its progress, counts, spend, time left and state, and what can be done to it. */
export function BatchEntry({ batch, leftMs }: BatchEntryProps) {
  const { t } = useTranslation('queue');
  const store = useBatchesStore.getState();
  const nameId = useId();
  const [asking, setAsking] = useState(false);
  // What the last action did, or why it failed: shown until the next one.
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const state = batchState(batch);
  const { counts } = batch;

  const run = async (what: () => Promise<string | null>) => {
    setSaid(null);
    try {
      const text = await what();
      if (text) setSaid({ text, problem: false });
    } catch (error) {
      setSaid({ text: t('batches.notDone', { reason: errorText(error) }), problem: true });
    }
  };
  const act = (what: () => Promise<unknown>) =>
    void run(async () => {
      await what();
      return null;
    });

  const savedText = t('batches.saved', { saved: counts.saved, size: batch.size });
  const shownCounts = countKinds
    .filter((kind) => counts[kind] > 0)
    .map((kind) => t(`batches.counts.${kind}`, { count: counts[kind] }));
  const working = state.kind === 'running' && leftMs !== null;
  const line = [...shownCounts, working ? leftText(leftMs) : null].filter(Boolean).join(' · ');

  return (
    <li
      className={`batch batch-${state.kind}`}
      aria-labelledby={nameId}
      data-batch-id={batch.id}
      tabIndex={-1}
    >
      <div className="batch-head">
        <span className="batch-name" id={nameId} title={batch.name}>
          {batch.name}
        </span>
        <span className={`badge badge-batch-${state.kind}`}>
          <StateText state={state} />
        </span>
        <span className="batch-spent">
          {t('batches.spent', { amount: formatMoney(batch.spentCents) })}
        </span>
      </div>
      <div className="batch-progress">
        <div
          className={`bar${state.kind === 'done' ? ' bar-done' : ''}`}
          role="progressbar"
          aria-label={t('batches.progress', { name: batch.name })}
          aria-valuemin={0}
          aria-valuemax={batch.size}
          aria-valuenow={counts.saved}
          aria-valuetext={savedText}
        >
          <div
            className="fill"
            style={{ transform: `scaleX(${Math.min(1, counts.saved / batch.size)})` }}
          />
        </div>
        <span className="batch-saved">{savedText}</span>
      </div>
      {line && <p className="batch-line">{line}</p>}
      <div className="batch-actions">
        {state.kind === 'running' && (
          <button type="button" onClick={() => act(() => store.pause(batch.id))}>
            {t('batches.actions.pause')}
          </button>
        )}
        {(state.kind === 'paused' || state.kind === 'stopped') && (
          <button type="button" onClick={() => act(() => store.resume(batch.id))}>
            {t('batches.actions.resume')}
          </button>
        )}
        {counts.failed > 0 && (
          <button
            type="button"
            onClick={() =>
              void run(async () =>
                t('batches.retried', { count: await store.retryFailed(batch.id) }),
              )
            }
          >
            {t('batches.actions.retryFailed', { count: counts.failed })}
          </button>
        )}
        {counts.waiting > 0 && (
          <>
            {/* Arrows as on a job's row (a menu here would bring its library into the first screen). */}
            <span role="group" aria-label={t('batches.actions.moveLabel', { name: batch.name })}>
              {moves.map((to) => (
                <ActionButton
                  key={to}
                  action={to}
                  label={t(`batches.actions.${to}`)}
                  onClick={() => act(() => store.move(batch.id, to))}
                />
              ))}
            </span>
            <button type="button" onClick={() => setAsking(true)}>
              {t('batches.actions.cancel')}
            </button>
          </>
        )}
        <button
          type="button"
          title={t('file.exportBatchLabel', { name: batch.name })}
          onClick={() =>
            void run(async () => {
              const { fileName, leftOut } = await saveQueueFile(batch.id);
              return leftOut > 0
                ? t('file.leftOut', { fileName, count: leftOut })
                : t('file.exported', { fileName });
            })
          }
        >
          {t('file.exportBatch')}
        </button>
      </div>
      {said && (
        <p
          className={said.problem ? 'inline-error' : 'batch-said'}
          role={said.problem ? 'alert' : 'status'}
        >
          {said.text}
        </p>
      )}
      {asking && (
        <Suspense fallback={null}>
          <CancelBatch
            batch={batch}
            onClose={() => setAsking(false)}
            onCancelled={(text) => {
              setAsking(false);
              setSaid({ text, problem: false });
            }}
          />
        </Suspense>
      )}
    </li>
  );
}

function StateText({ state }: { state: BatchState }) {
  const { t } = useTranslation('queue');
  if (state.kind !== 'stopped') return t(`batches.state.${state.kind}`);
  const prompt = jobById(state.jobId)?.request.prompt;
  return prompt ? t('batches.state.stoppedBy', { prompt }) : t('batches.state.stopped');
}
