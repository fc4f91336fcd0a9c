import { join } from 'node:path';
import { runTsJson } from './support/children';
import type { Benchmark } from './support/context';
import { kb, mb, median, ms, percentile, summary } from './support/stats';
import type { ChangeResult, LoadResult, StorageMode } from './storage/worker';
import { verdict } from './table';

const JOBS = 10_000;
const DB_CHANGES = 1_000;
const JSON_CHANGES = 30;
const LOADS = 3;
const worker = join(import.meta.dirname, 'storage', 'worker.ts');
/** Below a millisecond, in microseconds. */
const fine = (value: number) => (value < 1 ? `${Math.round(value * 1000)} µs` : ms(value));

/**
 * The queue's storage at 10,000 jobs, each figure from a fresh process: one durable change
 * (a job → `submitting`, the record the never-twice rule needs on disk before the POST) in
 * the SQLite database and, in the same run, in the JSON store the queue lived in before
 * (JsonFileStore, the whole file rewritten, fsynced and renamed); then a start's load.
 */
export const storage: Benchmark = {
  name: 'storage',
  title: 'job storage: a durable change and a load at 10,000 jobs',
  async run(ctx) {
    const dir = ctx.tmp('airframe-bench-storage-');
    const run = <T>(mode: StorageMode, changes?: number) =>
      runTsJson<T>(worker, [JSON.stringify({ mode, dir, jobs: JOBS, changes })]);
    const db = await run<ChangeResult>('db-change', DB_CHANGES);
    const json = await run<ChangeResult>('json-change', JSON_CHANGES);
    const dbLoads: LoadResult[] = [];
    const jsonLoads: LoadResult[] = [];
    for (let i = 0; i < LOADS; i++) {
      dbLoads.push(await run<LoadResult>('db-load'));
      jsonLoads.push(await run<LoadResult>('json-load'));
    }
    for (const load of [...dbLoads, ...jsonLoads])
      if (load.jobs !== JOBS) throw new Error(`loaded ${load.jobs} jobs, expected ${JOBS}`);

    const change = { median: median(db.times), p95: percentile(db.times, 95) };
    const old = { median: median(json.times), p95: percentile(json.times, 95) };
    const fsync = median(db.fsyncTimes ?? []);
    const quick = median(db.quickTimes ?? []);
    const bytes = db.writeBytesPerChange ?? db.wcharPerChange ?? Number.NaN;
    const oldBytes = json.writeBytesPerChange ?? json.wcharPerChange ?? Number.NaN;
    const load = median(dbLoads.map((l) => l.totalMs));
    const open = median(dbLoads.map((l) => l.openMs));
    const oldLoad = median(jsonLoads.map((l) => l.totalMs));
    ctx.log(
      `  change: ${fine(change.median)} (JSON ${ms(old.median)}), ${kb(bytes)} (JSON ${mb(oldBytes)}); load ${dbLoads.map((l) => Math.round(l.totalMs)).join(', ')} ms`,
    );
    return [
      {
        bench: 'storage',
        what: 'job storage, 10,000 jobs: one durable change (a job → submitting)',
        figure: `${fine(change.median)} median, ${fine(change.p95)} p95; ${kb(bytes)} written per change`,
        reference: `JSON store (before): ${ms(old.median)} median, ${ms(old.p95)} p95, ${mb(oldBytes)} per change; a bare 4 KB write + fsync here: ${fine(fsync)}`,
        target: '≤ 1 ms, ≤ 64 KB',
        met: verdict(change.median <= 1 && bytes <= 64 * 1024),
        notes: [
          `JobRepository.update to 'submitting' (synchronous=FULL: the commit waits for fsync of the WAL), ${DB_CHANGES} changes after 20 for warm-up, WAL checkpoints included as they came; bytes are what the process sent to storage (/proc/self/io write_bytes, whole pages; ${kb(db.wcharPerChange ?? Number.NaN)} passed to write(2)). A change the server can tell again (queued → held, synchronous=NORMAL, no fsync): ${fine(quick)} median.`,
          `The JSON store: the 10,000 records as one key of JsonFileStore (${mb(json.fileBytes)}), ${JSON_CHANGES} changes, each rewriting the whole file to a temporary file, fsynced and renamed — what JobRepository did before the database. The fsync reference is the floor under any change that must survive a power cut on this disk.`,
        ],
        data: {
          db: {
            ...summary(db.times),
            bytes,
            quick: summary(db.quickTimes ?? []),
            fsync: summary(db.fsyncTimes ?? []),
          },
          json: { ...summary(json.times), bytes: oldBytes },
        },
      },
      {
        bench: 'storage',
        what: 'job storage: load 10,000 jobs at start',
        figure: `${ms(load)} (open with quick_check ${ms(open)}, then the queue read)`,
        reference: `JSON store (before): ${ms(oldLoad)}`,
        target: '≤ 100 ms',
        met: verdict(load <= 100),
        notes: [
          `openDatabase (WAL, quick_check of the ${mb(db.fileBytes)} file, schema check) and new JobRepository (rows scanned, sorted by position, JSON.parse with a look at id and status: every row was checked with the JobRecord schema when that schema was last new), in a fresh process each time, median of ${LOADS}. Before: JsonFileStore read and parsed, then each record through the zod schema. The page cache is warm.`,
        ],
        data: { dbLoads, jsonLoads },
      },
    ];
  },
};
