import { performance } from 'node:perf_hooks';
import { runTsJson } from './support/children';
import type { Benchmark } from './support/context';
import { median, ms, round } from './support/stats';
import type { LoadResult } from './library/loadWorker';
import { verdict, type Row } from './table';
import { join } from 'node:path';

const CLIPS = 100_000;
const WARM_RUNS = 3;
const worker = join(import.meta.dirname, 'library', 'loadWorker.ts');

/**
 * Benchmark 5: 100,000 clips on disk (sidecars written by the library's own serializer, MP4
 * and poster next to each), opened by `openLibrary` on the index's own file in a fresh process
 * each time — first with no file (the cold build in the background: every sidecar read,
 * parsed and indexed, progress reported), then warm (the index stored by that run: shown at once, the
 * background pass only lists and stats) — and searched: the first search, then 100 varied ones.
 */
export const libraryLoad: Benchmark = {
  name: 'library-load',
  title: 'library load and search, 100,000 clips',
  async run(ctx) {
    const t = performance.now();
    const folder = await ctx.libraryFixture(CLIPS);
    ctx.log(`  ${CLIPS} clips generated in ${ms(performance.now() - t)}`);
    const dataDir = ctx.tmp('airframe-bench-data-');
    const load = () => runTsJson<LoadResult>(worker, [JSON.stringify({ folder, dataDir })]);
    const cold = await load();
    const warm: LoadResult[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await load());
    for (const r of [cold, ...warm])
      if (r.clips !== CLIPS)
        throw new Error(`loaded ${r.clips} clips, expected ${CLIPS} (${r.warnings} warnings)`);
    const firstClips = cold.firstClipsMs ?? Number.POSITIVE_INFINITY;
    ctx.log(
      `  cold: ready ${ms(cold.loadMs)}, first clips ${ms(firstClips)}, finished ${ms(cold.reconciledMs)} (${cold.progress.reports} progress reports) · warm: ready ${warm.map((r) => ms(r.loadMs)).join(', ')}, reconciled ${warm.map((r) => ms(r.reconciledMs)).join(', ')}`,
    );
    const all = [cold, ...warm];
    const ready = median(warm.map((r) => r.loadMs));
    const reconciled = median(warm.map((r) => r.reconciledMs));
    const firstSearch = median(all.map((r) => r.firstSearchMs));
    const p95 = median(all.map((r) => r.searchesMs.p95));
    const worst = Math.max(...all.map((r) => r.searchesMs.max));
    const opening = median(warm.map((r) => r.databaseMs));
    const quickCheck = median(warm.map((r) => r.quickCheckMs ?? 0));
    const megabytes = ((warm[0]?.indexBytes ?? 0) / 1e6).toFixed(0);
    return [
      {
        bench: 'library-load',
        what: 'library, 100,000 sidecars: ready warm (stored index shown)',
        figure: `${ms(ready)} (background pass done at ${ms(reconciled)}); index file opened in ${ms(opening)}`,
        reference: `cold start in the same run: ready ${ms(cold.loadMs)}; quick_check of the ${megabytes} MB index file (no longer run): ${ms(quickCheck)}`,
        target: '≤ 300 ms warm',
        met: verdict(ready <= 300),
        notes: [
          `openLibrary() until resolved, in a fresh Node process each time (cold JIT, as at app start), on the index's own file (library-index.db: openIndexDatabase before it, not counted, no quick_check; the app's database no longer holds the index, so neither its quick_check nor its backups see it). Warm: median of ${WARM_RUNS}, the index stored by the cold run; the pass that lists and stats the folder runs after "ready" and rewrites nothing (no sidecar changed). The files were just written, so the OS page cache is warm.`,
        ],
        data: { cold, warm },
      },
      {
        bench: 'library-load',
        what: 'library, 100,000 sidecars: cold build in the background',
        figure: `first clips shown at ${ms(firstClips)}, finished at ${ms(cold.reconciledMs)} (${cold.progress.reports} progress reports; open() resolved at ${ms(cold.loadMs)})`,
        reference: `warm in the same run: ready ${ms(ready)}, pass done at ${ms(reconciled)}`,
        target: 'cold ≤ 10 s with progress shown',
        met: verdict(cold.reconciledMs <= 10_000 && cold.progress.reports > 1),
        notes: [
          `No index file yet: open() returns at once and the pass reads, parses and indexes every sidecar in batches of 2,000, each batch one progress report (library.indexing, ${cold.progress.done}/${cold.progress.total} in the last) and one "search again". First clips: from openLibrary() until a search started at the first change told answers with clips.`,
        ],
      },
      {
        bench: 'library-load',
        what: 'library search, 100,000 clips: p95 of 100 searches',
        figure: `${ms(p95)} p95, worst ${ms(worst)} (median ${ms(median(all.map((r) => r.searchesMs.median)))})`,
        reference: `first search: ${ms(firstSearch)}`,
        target: '≤ 30 ms p95, ≤ 60 ms worst',
        met: verdict(p95 <= 30 && worst <= 60),
        notes: [
          `LibraryService.search (SQL: FTS5 trigram + instr for words, precomputed sort keys), 100 queries: 1–2 words of the prompts in 80 %, a model in 20 %, favourites or a tag in 10 % each, every sort order, first page of 100 (${round(cold.meanTotal, 0)} matches on average). The median over ${all.length} processes of each process's p95; worst: the slowest search of all.`,
        ],
      },
    ] satisfies Row[];
  },
};
