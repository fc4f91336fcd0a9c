import { create } from 'zustand';
import type {
  Clip,
  ClipDetails,
  LibraryChanged,
  LibraryInfo,
  RemoteTask,
} from '../../../../shared/library';
import { errorText } from '../common/errors';
import { api } from '../../api/client';
import { downloadClips } from './exportDownload';
import { emptyQuery, pagesFor, toSearchRequest, type LibraryQuery } from './libraryQuery';

export const PAGE_SIZE = 100;

/** What failed, said at render in the UI's language, with main's reason (already translated). */
export interface LibraryError {
  what: 'search' | 'open' | 'clip';
  reason: string;
}

interface LibraryStore {
  query: LibraryQuery;
  /** Matches of the query; null until the first answer. */
  total: number | null;
  /** Clips by their index in the results; pages arrive as the grid scrolls. */
  clips: (Clip | undefined)[];
  info: LibraryInfo | null;
  error: LibraryError | null;
  selected: ClipDetails | null;
  /** The clips side by side in the Compare view (two to four ids), or null when it is closed. */
  compare: string[] | null;
  start: () => () => void;
  setQuery: (change: Partial<LibraryQuery>) => void;
  /** The grid shows items `start`…`end`: fetch the pages it lacks. */
  showRange: (start: number, end: number) => void;
  refresh: () => void;
  /** Opens a clip (its details); a failure is shown as the library's error. */
  select: (clipId: string | null) => Promise<void>;
  favourite: (clipId: string, favourite: boolean) => Promise<void>;
  setTags: (clipId: string, tags: string[]) => Promise<void>;
  remove: (clipId: string, remote: boolean) => Promise<boolean>;
  reveal: (clipId: string) => Promise<void>;
  /** The path of the clip's video file, to show where no file manager opens (browser host). */
  locate: (clipId: string) => Promise<string>;
  setFolder: (path: string) => Promise<void>;
  /** The system's folder picker (Electron only); resolves false when cancelled. */
  chooseFolder: () => Promise<boolean>;
  /** Reads the folder again (files copied in or removed by hand). */
  rescan: () => Promise<void>;
  /** The account's recent tasks on the server, to import one. */
  listRemote: () => Promise<RemoteTask[]>;
  /** `keyId`: the key the task was listed under (issue 18); absent, main tries each key. */
  importTask: (taskId: string, keyId?: string) => Promise<Clip>;
  /** Saves the clips as a ZIP download that opens as a library of them (`library.export`). */
  exportClips: (clipIds: string[]) => Promise<void>;
  /** Compares two to four clips (the same id once); any other number is ignored. */
  openCompare: (ids: string[]) => void;
  closeCompare: () => void;
}

// Outside the state: bookkeeping that no component renders.
let generation = 0;
let answeredGeneration = -1;
let loadedPages = new Set<number>();
let range = { start: 0, end: PAGE_SIZE - 1 };
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

const initial = {
  query: emptyQuery,
  total: null,
  clips: [],
  info: null,
  error: null,
  selected: null,
  compare: null,
};

/** The library (`library.search` by pages, `library.changed`) and the clip being viewed. */
export const useLibraryStore = create<LibraryStore>((set, get) => {
  async function loadPage(page: number, gen: number): Promise<void> {
    loadedPages.add(page);
    try {
      const answer = await api().invoke(
        'library.search',
        toSearchRequest(get().query, page * PAGE_SIZE, PAGE_SIZE),
      );
      if (gen !== generation) return;
      set((s) => {
        // The first answer of a search replaces the old results; later pages fill in.
        const base = answeredGeneration === gen ? s.clips : [];
        answeredGeneration = gen;
        const clips = resize(base, answer.total);
        answer.clips.forEach((clip, i) => (clips[page * PAGE_SIZE + i] = clip));
        return { clips, total: answer.total, error: null };
      });
    } catch (error) {
      loadedPages.delete(page);
      if (gen === generation) set({ error: { what: 'search', reason: errorText(error) } });
    }
  }

  /** Searches again, keeping what is shown until the answer replaces it (no flash). */
  function reload(): void {
    generation++;
    loadedPages = new Set();
    for (const page of pagesFor(range.start, range.end, PAGE_SIZE)) void loadPage(page, generation);
  }

  function patchClip(clip: Clip): void {
    set((s) => ({
      clips: s.clips.map((c) => (c?.id === clip.id ? clip : c)),
      selected: s.selected?.id === clip.id ? { ...s.selected, ...clip } : s.selected,
    }));
  }

  function onChanged(change: LibraryChanged): void {
    set((s) => ({ info: s.info ? { ...s.info, clipCount: change.clipCount } : s.info }));
    const known = new Set(get().clips.flatMap((c) => (c ? [c.id] : [])));
    change.upserted.filter((c) => known.has(c.id)).forEach(patchClip);
    const selected = get().selected;
    if (selected && change.removed.includes(selected.id)) set({ selected: null });
    const compared = get().compare?.filter((id) => !change.removed.includes(id));
    if (compared && compared.length !== get().compare?.length)
      set({ compare: compared.length >= 2 ? compared : null });
    const structural =
      change.reloaded || change.removed.length > 0 || change.upserted.some((c) => !known.has(c.id));
    // A burst of saves becomes one search.
    if (structural) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(reload, 150);
    }
  }

  return {
    ...initial,
    start() {
      const off = api().on('library.changed', onChanged);
      api()
        .invoke('library.info', {})
        .then((info) => set({ info }))
        .catch((error: unknown) => set({ error: { what: 'open', reason: errorText(error) } }));
      reload();
      return () => {
        off();
        clearTimeout(refreshTimer);
      };
    },
    setQuery(change) {
      set((s) => ({ query: { ...s.query, ...change } }));
      clearTimeout(searchTimer);
      // Typing searches once the user pauses; the other filters search at once.
      const onlyText = Object.keys(change).every((key) => key === 'text');
      searchTimer = setTimeout(
        () => {
          range = { start: 0, end: PAGE_SIZE - 1 };
          reload();
        },
        onlyText ? 250 : 0,
      );
    },
    showRange(start, end) {
      range = { start, end };
      for (const page of pagesFor(start, end, PAGE_SIZE))
        if (!loadedPages.has(page)) void loadPage(page, generation);
    },
    refresh: reload,
    async select(clipId) {
      if (clipId === null) return set({ selected: null });
      try {
        set({ selected: await api().invoke('library.get', { clipId }), error: null });
      } catch (error) {
        set({ error: { what: 'clip', reason: errorText(error) } });
      }
    },
    async favourite(clipId, favourite) {
      patchClip(await api().invoke('library.favourite', { clipId, favourite }));
    },
    async setTags(clipId, tags) {
      patchClip(await api().invoke('library.tag', { clipId, tags }));
    },
    async remove(clipId, remote) {
      const { remoteDeleted } = await api().invoke('library.delete', { clipId, remote });
      set((s) => ({ selected: s.selected?.id === clipId ? null : s.selected }));
      reload();
      return remoteDeleted;
    },
    async reveal(clipId) {
      await api().invoke('library.reveal', { clipId });
    },
    locate: async (clipId) => (await api().invoke('library.locate', { clipId })).path,
    async chooseFolder() {
      const { info } = await api().invoke('library.chooseFolder', {});
      if (info) set({ info, error: null });
      return info !== null;
    },
    async setFolder(path) {
      set({ info: await api().invoke('library.setFolder', { path }), error: null });
      reload();
    },
    async rescan() {
      set({ info: await api().invoke('library.rescan', {}), error: null });
      reload();
    },
    listRemote: async () => (await api().invoke('library.listRemote', {})).tasks,
    importTask: (taskId, keyId) =>
      api().invoke('library.import', { taskId, ...(keyId ? { keyId } : {}) }),
    async exportClips(clipIds) {
      await downloadClips(clipIds);
    },
    openCompare(ids) {
      const unique = [...new Set(ids)];
      if (unique.length >= 2 && unique.length <= 4) set({ compare: unique });
    },
    closeCompare: () => set({ compare: null }),
  };
});

function resize<T>(items: readonly T[], length: number): T[] {
  const out = items.slice(0, length);
  out.length = length;
  return out;
}

export function resetLibraryStoreForTests(): void {
  generation++;
  loadedPages = new Set();
  range = { start: 0, end: PAGE_SIZE - 1 };
  clearTimeout(refreshTimer);
  clearTimeout(searchTimer);
  useLibraryStore.setState(initial);
}
