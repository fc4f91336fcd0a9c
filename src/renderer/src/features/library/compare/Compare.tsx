import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { ClipDetails } from '../../../../../shared/library';
import { api } from '../../../api/client';
import { useTranslation } from '../../../i18n';
import { Dialog } from '../../common/Dialog';
import { errorText } from '../../common/errors';
import { useLibraryStore } from '../libraryStore';
import { CompareClip } from './CompareClip';
import { CompareControls } from './CompareControls';
import { differingFields, promptParts } from './compareDiff';
import { useCompareSync, type CompareSync } from './useCompareSync';
import './compare.css';

type Loaded = { ids: string[] } & (
  { clips: ClipDetails[]; error?: never } | { clips?: never; error: string }
);

/**
 * Two to four clips side by side (four as 2×2) on one clock, each with its parameters and
 * what differs between them marked. Escape or Close ends it.
 */
export function Compare({ ids }: { ids: string[] }) {
  const closeCompare = useLibraryStore((s) => s.closeCompare);
  // What was loaded, for which ids: a new set of ids shows "Loading" until its answer.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { t } = useTranslation(['library', 'common']);

  useEffect(() => {
    let current = true;
    Promise.all(ids.map((clipId) => api().invoke('library.get', { clipId }))).then(
      (clips) => current && setLoaded({ ids, clips }),
      (reason: unknown) => current && setLoaded({ ids, error: errorText(reason) }),
    );
    return () => {
      current = false;
    };
  }, [ids]);

  const clips = loaded?.ids === ids ? loaded.clips : undefined;
  const error = loaded?.ids === ids ? loaded.error : undefined;
  const sync = useCompareSync(clips ?? []);

  // On the whole view, the Close button too: focus is there when the view opens.
  const onKeyDown = (event: KeyboardEvent) => {
    // Escape is the Dialog's own (it closes even when a toast arrived after the view opened).
    const frames = event.key === ',' ? -1 : event.key === '.' ? 1 : 0;
    if (frames === 0 || !clips || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    sync.step(frames);
  };
  return (
    <Dialog title={t('compare.title')} onClose={closeCompare} className="compare-view">
      <div className="compare-body" onKeyDown={onKeyDown}>
        {clips ? (
          <Comparison clips={clips} sync={sync} />
        ) : error ? (
          <p className="inline-error" role="alert">
            {t('compare.failed', { reason: error })}
          </p>
        ) : (
          <p role="status">{t('compare.loading')}</p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={closeCompare}>
            {t('common:close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function Comparison({ clips, sync }: { clips: ClipDetails[]; sync: CompareSync }) {
  const { t } = useTranslation('library');
  const differing = useMemo(() => differingFields(clips), [clips]);
  const prompts = useMemo(() => promptParts(clips.map((c) => c.prompt)), [clips]);

  return (
    <>
      <div className={`compare-grid compare-${clips.length}`}>
        {clips.map((clip, i) => (
          <CompareClip
            key={clip.id}
            clip={clip}
            index={i}
            sync={sync}
            differing={differing}
            prompt={prompts[i] ?? []}
          />
        ))}
      </div>
      <CompareControls sync={sync} />
      <p className="hint">
        {t('compare.legend')} {t('compare.keys')}
      </p>
    </>
  );
}
