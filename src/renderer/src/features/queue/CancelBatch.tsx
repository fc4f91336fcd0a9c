import type { BatchSummary } from '../../../../shared/jobBatches';
import { useTranslation } from '../../i18n';
import { ConfirmDialog } from './ConfirmDialog';
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
  return (
    <ConfirmDialog
      title={t('batches.confirm.title', { name: batch.name })}
      confirmLabel={t('batches.confirm.yes')}
      keepLabel={t('batches.confirm.keep')}
      danger
      failed={(reason) => t('batches.notDone', { reason })}
      onClose={onClose}
      onConfirm={async () => {
        const { cancelled, stillRunning } = await cancel(batch.id);
        const said: string[] = [t('batches.cancelled', { count: cancelled })];
        if (stillRunning > 0) said.push(t('batches.stillRunning', { count: stillRunning }));
        onCancelled(said.join(' '));
      }}
    >
      <p>{t('batches.confirm.waiting', { count: batch.counts.waiting })}</p>
      {batch.counts.running > 0 && (
        <p>{t('batches.confirm.running', { count: batch.counts.running })}</p>
      )}
    </ConfirmDialog>
  );
}
