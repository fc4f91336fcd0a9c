import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { useJobsStore, useSections } from '../jobs';

interface ClearFinishedProps {
  /** After the move: how many jobs went to the history. */
  onCleared: (count: number) => void;
}

/**
 * "Clear finished": the ended jobs leave the queue for the history, after a confirmation
 * that says what stays (the clips, the spending, the history's copy of each job).
 */
export function ClearFinished({ onCleared }: ClearFinishedProps) {
  const { t } = useTranslation('queue');
  const ended = useSections().ended.length;
  const clearFinished = useJobsStore((s) => s.clearFinished);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const cleared = await clearFinished();
      setAsking(false);
      onCleared(cleared);
    } catch (error) {
      setProblem(t('history.notCleared', { reason: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        disabled={ended === 0}
        title={ended === 0 ? t('history.nothingToClear') : undefined}
        onClick={() => setAsking(true)}
      >
        {t('history.clear')}
      </button>
      {asking && (
        <Dialog
          title={t('history.confirmTitle', { count: ended })}
          onClose={() => setAsking(false)}
        >
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
              {t('history.confirm', { count: ended })}
            </button>
            <button type="button" className="quiet" onClick={() => setAsking(false)}>
              {t('history.keep')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
