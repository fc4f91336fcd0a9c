import { lazy, Suspense } from 'react';
import { useComposeStore } from './composeStore';

const CropDialog = lazy(() => import('./CropDialog').then((m) => ({ default: m.CropDialog })));

/**
 * The crop dialog, loaded the first time an image needs shaping (it and the dialog primitive
 * are a chunk of their own). Nothing is shown while it loads: the dialog opens over the form.
 */
export function LazyCropDialog() {
  const open = useComposeStore((s) => s.cropKey !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <CropDialog />
    </Suspense>
  );
}
