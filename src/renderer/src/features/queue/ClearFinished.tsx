import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '../../i18n';
import { useSections } from '../jobs';

const ClearFinishedDialog = lazy(() =>
  import('./ClearFinishedDialog').then((m) => ({ default: m.ClearFinishedDialog })),
);

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
  const [asking, setAsking] = useState(false);
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
        <Suspense fallback={null}>
          <ClearFinishedDialog
            count={ended}
            onClose={() => setAsking(false)}
            onCleared={onCleared}
          />
        </Suspense>
      )}
    </>
  );
}
