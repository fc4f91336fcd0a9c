import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { useGo } from '../nav';
import { ClipGrid } from './ClipGrid';
import { ClipView } from './ClipView';
import { Compare } from './compare/Compare';
import { IndexingProgress } from './IndexingProgress';
import { LibraryFilters } from './LibraryFilters';
import { emptyQuery, isFiltered } from './libraryQuery';
import { useLibraryStore } from './libraryStore';
import { SelectionBar } from './SelectionBar';
import { ServerHistory } from './ServerHistory';
import { useClipSelection } from './useClipSelection';
import './library.css';

/** Every clip ever saved: search, filter, sort, and open one to play it. */
export function Library() {
  const total = useLibraryStore((s) => s.total);
  const query = useLibraryStore((s) => s.query);
  const error = useLibraryStore((s) => s.error);
  const info = useLibraryStore((s) => s.info);
  const selected = useLibraryStore((s) => s.selected);
  const compare = useLibraryStore((s) => s.compare);
  const { select, setQuery, refresh } = useLibraryStore.getState();
  const go = useGo();
  const [history, setHistory] = useState(false);
  const selection = useClipSelection();
  const { t } = useTranslation('library');

  const open = (clipId: string) => void select(clipId);

  const emptyLibrary = total === 0 && !isFiltered(query);
  return (
    <section className="library" aria-label={t('label')}>
      <LibraryFilters />
      <IndexingProgress />
      <div className="toolbar">
        <span className="hint" role="status">
          {total === null
            ? error
              ? ''
              : t('toolbar.searching')
            : info && isFiltered(query)
              ? t('toolbar.filtered', { count: total, total: info.clipCount })
              : t('clipCount', { count: total })}
          {info && info.warnings.length > 0 && (
            <> · {t('toolbar.warnings', { count: info.warnings.length })}</>
          )}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => setHistory(true)}>
          {t('toolbar.serverHistory')}
        </button>
      </div>
      {error && (
        <div className="inline-error" role="alert">
          <span>{t(`errors.${error.what}`, { reason: error.reason })}</span>
          <button type="button" onClick={refresh}>
            {t('errors.tryAgain')}
          </button>
        </div>
      )}
      {emptyLibrary && (
        <div className="empty-state">
          <p>{t('empty.text')}</p>
          <button type="button" className="primary" onClick={() => go('Compose')}>
            {t('empty.firstClip')}
          </button>
          <button type="button" onClick={() => setHistory(true)}>
            {t('empty.import')}
          </button>
        </div>
      )}
      {total === 0 && isFiltered(query) && (
        <div className="empty-state">
          <p>{t('empty.noMatch')}</p>
          <button type="button" onClick={() => setQuery({ ...emptyQuery, sort: query.sort })}>
            {t('filters.clear')}
          </button>
        </div>
      )}
      <SelectionBar selection={selection} />
      {total !== null && total > 0 && (
        <ClipGrid total={total} onOpen={open} selection={selection} />
      )}
      {selected && <ClipView clip={selected} />}
      {compare && <Compare ids={compare} />}
      {history && <ServerHistory onClose={() => setHistory(false)} />}
    </section>
  );
}
