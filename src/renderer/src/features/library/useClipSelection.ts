import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { toSearchRequest } from './libraryQuery';
import { useLibraryStore } from './libraryStore';

/** library.search answers at most this many clips at once. */
const SEARCH_LIMIT = 500;

/**
 * The ids of the clips at `from`…`to` (in either order) in the grid's order: the loaded ones
 * from the store, the gaps (pages never scrolled to) asked of main. Null when the search
 * changed meanwhile: the indexes then mean other clips.
 */
export async function clipIdsBetween(from: number, to: number): Promise<string[] | null> {
  const { clips, query } = useLibraryStore.getState();
  const start = Math.max(0, Math.min(from, to));
  const end = Math.max(from, to);
  const ids: (string | undefined)[] = [];
  for (let i = start; i <= end; i++) ids.push(clips[i]?.id);
  for (let i = ids.indexOf(undefined); i !== -1 && i < ids.length; i = ids.indexOf(undefined, i)) {
    const limit = Math.min(SEARCH_LIMIT, ids.length - i);
    const answer = await api().invoke('library.search', toSearchRequest(query, start + i, limit));
    if (answer.clips.length === 0) break;
    answer.clips.forEach((clip, k) => (ids[i + k] = clip.id));
  }
  if (useLibraryStore.getState().query !== query) return null;
  return ids.filter((id): id is string => id !== undefined);
}

export interface ClipSelection {
  ids: ReadonlySet<string>;
  /** Adds or takes out one clip; it becomes the anchor of a Shift range. */
  toggle: (index: number, clipId: string) => void;
  /** Adds the clips from the anchor to `index` (the clip alone without an anchor). */
  extendTo: (index: number, clipId: string) => Promise<void>;
  /** Every clip the search shows. */
  selectAll: () => Promise<void>;
  clear: () => void;
  /** Takes out clips that are gone (deleted). */
  drop: (clipIds: readonly string[]) => void;
}

interface State {
  ids: ReadonlySet<string>;
  /** Where a Shift range starts: the clip toggled last. */
  anchor: number | null;
}

const none: State = { ids: new Set(), anchor: null };

/** The grid's selection, by clip id; a new search starts with none. */
export function useClipSelection(): ClipSelection {
  const query = useLibraryStore((s) => s.query);
  const [state, setState] = useState(none);
  const [forQuery, setForQuery] = useState(query);
  if (forQuery !== query) {
    setForQuery(query);
    setState(none);
  }
  const { ids, anchor } = state;

  const add = useCallback((more: readonly string[]) => {
    setState((s) => ({ ...s, ids: new Set([...s.ids, ...more]) }));
  }, []);

  const toggle = useCallback((index: number, clipId: string) => {
    setState((s) => {
      const next = new Set(s.ids);
      if (!next.delete(clipId)) next.add(clipId);
      return { ids: next, anchor: index };
    });
  }, []);

  const extendTo = useCallback(
    async (index: number, clipId: string) => {
      if (anchor === null) return toggle(index, clipId);
      const range = await clipIdsBetween(anchor, index);
      if (range) add(range);
    },
    [anchor, add, toggle],
  );

  const selectAll = useCallback(async () => {
    const total = useLibraryStore.getState().total ?? 0;
    if (total === 0) return;
    const all = await clipIdsBetween(0, total - 1);
    if (all) add(all);
  }, [add]);

  const clear = useCallback(() => setState(none), []);

  const drop = useCallback((gone: readonly string[]) => {
    setState((s) => ({ ...s, ids: new Set([...s.ids].filter((id) => !gone.includes(id))) }));
  }, []);

  return useMemo(
    () => ({ ids, toggle, extendTo, selectAll, clear, drop }),
    [ids, toggle, extendTo, selectAll, clear, drop],
  );
}
