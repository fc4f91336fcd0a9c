import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runTsJson } from './support/children';
import type { Benchmark } from './support/context';
import { median, ms, round } from './support/stats';
import type { LoadResult } from './library/loadWorker';
import { verdict, type Row } from './table';

const CLIPS = 10_000;
const RUNS = 3;
const worker = join(import.meta.dirname, 'library', 'loadWorker.ts');

/**
 * Benchmark 5: 10,000 clips on disk (sidecars written by the library's own serializer, MP4
 * and poster next to each), opened by `openLibrary` in a fresh process each time — first
 * without the index cache (every sidecar read and parsed), then with it (the app's normal
 * start after the first) — and searched: the first search, then 100 varied ones.
 */
export const libraryLoad: Benchmark = {
  name: 'library-load',
  title: 'library load and search, 10,000 clips',
  async run(ctx) {
    const t = performance.now();
    const folder = await ctx.libraryFixture(CLIPS);
    ctx.log(`  ${CLIPS} clips generated in ${ms(performance.now() - t)}`);
    const cacheFile = join(ctx.tmp('airframe-bench-cache-'), 'library-index.json');
    const cold: LoadResult[] = [];
    const cached: LoadResult[] = [];
    for (let i = 0; i < RUNS; i++)
      cold.push(await runTsJson<LoadResult>(worker, [JSON.stringify({ folder })]));
    await runTsJson<LoadResult>(worker, [JSON.stringify({ folder, cacheFile })]); // writes the cache
    for (let i = 0; i < RUNS; i++)
      cached.push(await runTsJson<LoadResult>(worker, [JSON.stringify({ folder, cacheFile })]));
    for (const r of [...cold, ...cached])
      if (r.clips !== CLIPS)
        throw new Error(`loaded ${r.clips} clips, expected ${CLIPS} (${r.warnings} warnings)`);
    ctx.log(
      `  no cache: ${cold.map((r) => Math.round(r.loadMs)).join(', ')} ms · cache: ${cached.map((r) => Math.round(r.loadMs)).join(', ')} ms`,
    );

    const load = median(cold.map((r) => r.loadMs));
    const loadCached = median(cached.map((r) => r.loadMs));
    const firstSearch = median(cold.map((r) => r.firstSearchMs));
    const p95 = median([...cold, ...cached].map((r) => r.searchesMs.p95));
    const rows: Row[] = [
      {
        bench: 'library-load',
        what: 'library load, 10,000 sidecars: index ready',
        figure: `${ms(load)} without the index cache; ${ms(loadCached)} with it`,
        reference: `first search after load: ${ms(firstSearch)}`,
        target: '≤ 500 ms load',
        met: verdict(load <= 500),
        notes: [
          `openLibrary() until resolved, in a fresh Node process each time (cold JIT, as at app start), median of ${RUNS}. The files were just written, so the OS page cache is warm (a first start after boot reads the disk too). "With the cache": the index file the library writes on close, sidecars only stat()ed.`,
        ],
        data: { cold, cached },
      },
      {
        bench: 'library-load',
        what: 'library search, 10,000 clips: p95 of 100 searches',
        figure: `${ms(p95)} p95 (median ${ms(median([...cold, ...cached].map((r) => r.searchesMs.median)))})`,
        reference: `first search: ${ms(firstSearch)}`,
        target: '≤ 20 ms p95',
        met: verdict(p95 <= 20),
        notes: [
          `LibraryService.search, 100 queries: 1–2 words of the prompts in 80 %, a model in 20 %, favourites or a tag in 10 % each, every sort order, first page of 100 (${round(cold[0]?.meanTotal ?? 0, 0)} matches on average). The median over ${RUNS * 2} processes of each process's p95.`,
        ],
      },
    ];
    return rows;
  },
};
