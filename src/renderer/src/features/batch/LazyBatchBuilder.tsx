import { lazy, Suspense } from 'react';
import { useTranslation } from '../../i18n';
import { useBatchStore } from './batchStore';

const BatchBuilder = lazy(() =>
  import('./BatchBuilder').then((m) => ({ default: m.BatchBuilder })),
);

/** Compose's "Make a batch…": the builder is a chunk of its own, loaded when first opened. */
export function BatchButton() {
  const { t } = useTranslation('batch');
  const open = useBatchStore((s) => s.open);
  return (
    <>
      <button
        type="button"
        title={t('openHint')}
        onClick={() => useBatchStore.getState().setOpen(true)}
      >
        {t('open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <BatchBuilder />
        </Suspense>
      )}
    </>
  );
}
