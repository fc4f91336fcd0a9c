import { useTranslation } from '../../i18n';
import { useJobsStore } from '../jobs';
import { ConfirmDialog } from './ConfirmDialog';

interface ClearFinishedDialogProps {
  count: number;
  onClose: () => void;
  onCleared: (count: number) => void;
}

/** The confirmation, in a chunk of its own (the dialog primitive is not in the first one). */
export function ClearFinishedDialog({ count, onClose, onCleared }: ClearFinishedDialogProps) {
  const { t } = useTranslation('queue');
  const clearFinished = useJobsStore((s) => s.clearFinished);
  return (
    <ConfirmDialog
      title={t('history.confirmTitle', { count })}
      confirmLabel={t('history.confirm', { count })}
      keepLabel={t('history.keep')}
      failed={(reason) => t('history.notCleared', { reason })}
      onClose={onClose}
      onConfirm={async () => {
        const cleared = await clearFinished();
        onClose();
        onCleared(cleared);
      }}
    >
      <p>{t('history.confirmBody')}</p>
    </ConfirmDialog>
  );
}
