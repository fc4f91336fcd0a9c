import { useState } from 'react';
import { useGo } from '../nav';
import { ClipGrid } from './ClipGrid';
import { ClipView } from './ClipView';
import { LibraryFilters } from './LibraryFilters';
import { emptyQuery, isFiltered } from './libraryQuery';
import { useLibraryStore } from './libraryStore';
import { ServerHistory } from './ServerHistory';
import './library.css';

/** Every clip ever saved: search, filter, sort, and open one to play it. */
export function Library() {
  const total = useLibraryStore((s) => s.total);
  const query = useLibraryStore((s) => s.query);
  const error = useLibraryStore((s) => s.error);
  const info = useLibraryStore((s) => s.info);
  const selected = useLibraryStore((s) => s.selected);
  const { select, setQuery, refresh } = useLibraryStore.getState();
  const go = useGo();
  const [history, setHistory] = useState(false);

  const open = (clipId: string) => void select(clipId);

  const emptyLibrary = total === 0 && !isFiltered(query);
  return (
    <section className="library" aria-label="Library of clips">
      <LibraryFilters />
      <div className="toolbar">
        <span className="hint" role="status">
          {total === null
            ? error
              ? ''
              : 'Searching…'
            : `${total.toLocaleString()} clip${total === 1 ? '' : 's'}`}
          {info && isFiltered(query) ? ` of ${info.clipCount.toLocaleString()}` : ''}
          {info && info.warnings.length > 0
            ? ` · ${info.warnings.length} sidecar file(s) could not be read and are skipped`
            : ''}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => setHistory(true)}>
          Server history…
        </button>
      </div>
      {error && (
        <div className="inline-error" role="alert">
          <span>{error}</span>
          <button type="button" onClick={refresh}>
            Try again
          </button>
        </div>
      )}
      {emptyLibrary && (
        <div className="empty-state">
          <p>
            Your library is empty. Every clip you generate is downloaded here automatically and
            stays yours after api.airforce deletes it (24 hours after it is made).
          </p>
          <button type="button" className="primary" onClick={() => go('Compose')}>
            Make your first clip
          </button>
          <button type="button" onClick={() => setHistory(true)}>
            Import from server history
          </button>
        </div>
      )}
      {total === 0 && isFiltered(query) && (
        <div className="empty-state">
          <p>No clip matches these filters.</p>
          <button type="button" onClick={() => setQuery({ ...emptyQuery, sort: query.sort })}>
            Clear filters
          </button>
        </div>
      )}
      {total !== null && total > 0 && <ClipGrid total={total} onOpen={open} />}
      {selected && <ClipView clip={selected} />}
      {history && <ServerHistory onClose={() => setHistory(false)} />}
    </section>
  );
}
