import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { useJobsStore } from '../jobs';

interface ClearFinishedDialogProps {
  count: number;
  onClose: () => void;
  onCleared: (count: number) => void;
}

/** The confirmation, in a chunk of its own (the dialog primitive is not in the first one). */
export function ClearFinishedDialog({ count, onClose, onCleared }: ClearFinishedDialogProps) {
  const { t } = useTranslation('queue');
  const clearFinished = useJobsStore((s) => s.clearFinished);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const cleared = await clearFinished();
      onClose();
      onCleared(cleared);
    } catch (error) {
      setProblem(t('history.notCleared', { reason: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('history.confirmTitle', { count })} onClose={onClose}>
      <p>{t('history.confirmBody')}</p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          data-autofocus
          disabled={busy}
          onClick={() => void confirm()}
        >
          {t('history.confirm', { count })}
        </button>
        <button type="button" className="quiet" onClick={onClose}>
          {t('history.keep')}
        </button>
      </div>
    </Dialog>
  );
}
