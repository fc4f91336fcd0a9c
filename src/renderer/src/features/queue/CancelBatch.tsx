import { useState } from 'react';
import type { BatchSummary } from '../../../../shared/jobBatches';
import { useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { useBatchesStore } from './batchesStore';

interface CancelBatchProps {
  batch: BatchSummary;
  onClose: () => void;
  /** After the cancel: what main did, in a sentence for the entry to show. */
  onCancelled: (said: string) => void;
}

/**
 * Asks before cancelling a batch, saying plainly what a cancel cannot do: the jobs already on
 * the server keep running and are paid for (the provider refunds no task it has started).
 */
export function CancelBatch({ batch, onClose, onCancelled }: CancelBatchProps) {
  const { t } = useTranslation('queue');
  const cancel = useBatchesStore((s) => s.cancel);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { cancelled, stillRunning } = await cancel(batch.id);
      const said: string[] = [t('batches.cancelled', { count: cancelled })];
      if (stillRunning > 0) said.push(t('batches.stillRunning', { count: stillRunning }));
      onCancelled(said.join(' '));
    } catch (error) {
      setProblem(t('batches.notDone', { reason: errorText(error) }));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('batches.confirm.title', { name: batch.name })} onClose={onClose}>
      <p>{t('batches.confirm.waiting', { count: batch.counts.waiting })}</p>
      {batch.counts.running > 0 && (
        <p>{t('batches.confirm.running', { count: batch.counts.running })}</p>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {t('batches.confirm.yes')}
        </button>
        <button type="button" className="quiet" data-autofocus onClick={onClose}>
          {t('batches.confirm.keep')}
        </button>
      </div>
    </Dialog>
  );
}
