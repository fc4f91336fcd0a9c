import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract/contract';
import { api } from '../../api/client';
import { useTranslation } from '../../i18n';

/**
 * While main builds the library's index (a first start, a damaged index file), how far it
 * is: the clips appear in the grid batch by batch meanwhile. Hidden when no build runs.
 */
export function IndexingProgress() {
  const [progress, setProgress] = useState<EventPayload<'library.indexing'> | null>(null);
  const { t } = useTranslation('library');
  useEffect(
    () => api().on('library.indexing', (report) => setProgress(report.finished ? null : report)),
    [],
  );
  if (!progress) return null;
  const text = t('indexing.progress', { done: progress.done, count: progress.total });
  return (
    <div className="indexing-progress" role="status">
      <progress value={progress.done} max={progress.total} aria-label={t('indexing.label')} />
      <span>{text}</span>
    </div>
  );
}
