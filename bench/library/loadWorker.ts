import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LibrarySearchRequest, type LibrarySearchQuery } from '../../src/shared/library';
import { createAirforceClient } from '../../src/main/core/airforce';
import { systemClock } from '../../src/main/core/clock';
import { openIndexDatabase } from '../../src/main/core/db/indexDatabase';
import { openLibrary } from '../../src/main/core/library/openLibrary';
import { FileBlobStore } from '../../src/main/core/stores/fileBlobStore';
import { searchWords } from '../support/libraryFixture';
import { percentile, median } from '../support/stats';

// Opens the library in a fresh process (cold JIT, as at app start) and searches it.
// argv[2]: { folder, dataDir? } as JSON: with dataDir, the index file there keeps the index
// between runs (none yet: a cold build). Prints one JSON line (LoadResult).

export interface LoadResult {
  clips: number;
  warnings: number;
  /** openLibrary() called → resolved: the stored index shown, or a cold build started. */
  loadMs: number;
  /** openLibrary() called → a search answered with clips, started at the first change told. */
  firstClipsMs: number | null;
  /** openLibrary() called → the background pass over the folder done (list, stat, changes). */
  reconciledMs: number;
  /** Progress reports of the pass (the last one: its totals). */
  progress: { reports: number; done: number; total: number };
  /** openIndexDatabase(), before openLibrary: no quick_check. */
  databaseMs: number;
  /** What `PRAGMA quick_check` on the index file takes, run after: what a start no longer pays. */
  quickCheckMs: number | null;
  /** The index file's size after the run, bytes. */
  indexBytes: number | null;
  firstSearchMs: number;
  searchesMs: { median: number; p95: number; max: number; n: number };
  /** Matches of the 100 searches, to show they found something. */
  meanTotal: number;
}

const { folder, dataDir } = JSON.parse(process.argv[2] ?? '{}') as {
  folder: string;
  dataDir?: string;
};

const opening = performance.now();
const indexFile = dataDir ? join(dataDir, 'library-index.db') : null;
const db = indexFile ? openIndexDatabase(indexFile).db : undefined;
const databaseMs = performance.now() - opening;
const progress = { reports: 0, done: 0, total: 0 };
const started = performance.now();
let firstClipsMs: number | null = null;
let asked = false;
const firstSearch = (): void => {
  if (asked) return;
  asked = true;
  void opened.then(async (lib) => {
    const shown = await lib.service.search(LibrarySearchRequest.parse({}));
    if (shown.clips.length > 0) firstClipsMs = performance.now() - started;
    else asked = false;
  });
};
const opened = openLibrary({
  folder,
  clock: systemClock,
  api: createAirforceClient({ apiBase: 'http://127.0.0.1:9' }),
  getApiKey: async () => null,
  blobs: new FileBlobStore(mkdtempSync(join(tmpdir(), 'airframe-bench-blobs-'))),
  listener: { progress: () => {}, saved: () => {}, expired: () => {}, paused: () => {} },
  reveal: async () => {},
  emit: (_name, change) => {
    if (change.clipCount > 0) firstSearch();
  },
  ...(db ? { db } : {}),
  onProgress: ({ done, total }) =>
    Object.assign(progress, { reports: progress.reports + 1, done, total }),
});
const library = await opened;
const loadMs = performance.now() - started;
// A stored index is shown at once: its first clips are what the first search finds.
if (library.folder.index.size > 0) firstSearch();
await library.folder.reconciled();
const reconciledMs = performance.now() - started;
while (firstClipsMs === null && asked) await new Promise((resolve) => setTimeout(resolve, 5));

const first = performance.now();
await library.service.search(LibrarySearchRequest.parse({}));
const firstSearchMs = performance.now() - first;

const queries = makeQueries(100);
const times: number[] = [];
let totals = 0;
for (const query of queries) {
  const t = performance.now();
  const result = await library.service.search(query);
  times.push(performance.now() - t);
  totals += result.total;
}
const info = await library.service.info();
await library.close();
let quickCheckMs: number | null = null;
if (db) {
  const checking = performance.now();
  db.all('PRAGMA quick_check');
  quickCheckMs = performance.now() - checking;
}
await db?.close();
const indexBytes = indexFile ? statSync(indexFile).size : null;

const result: LoadResult = {
  clips: info.clipCount,
  warnings: info.warnings.length,
  loadMs,
  firstClipsMs,
  reconciledMs,
  progress,
  databaseMs,
  quickCheckMs,
  indexBytes,
  firstSearchMs,
  searchesMs: {
    median: median(times),
    p95: percentile(times, 95),
    max: Math.max(...times),
    n: times.length,
  },
  meanTotal: totals / queries.length,
};
console.log(JSON.stringify(result));
process.exit(0);

/** What a user types and clicks: words, a model, favourites, a tag, each sort order. */
function makeQueries(count: number): LibrarySearchQuery[] {
  let state = 7;
  const rand = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const sorts = ['date', 'prompt', 'model', 'cost'] as const;
  return Array.from({ length: count }, () => {
    const words =
      rand() < 0.8
        ? Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(searchWords)).join(' ')
        : undefined;
    return LibrarySearchRequest.parse({
      ...(words ? { text: words } : {}),
      ...(rand() < 0.2 ? { model: pick(['wan-2.6', 'kling-1', 'veo-lite', 'seedance-pro']) } : {}),
      ...(rand() < 0.1 ? { favouritesOnly: true } : {}),
      ...(rand() < 0.1 ? { tags: [pick(['keeper', 'client', 'draft'])] } : {}),
      sort: pick(sorts),
      order: rand() < 0.5 ? 'asc' : 'desc',
    });
  });
}
