import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/main/core/db/openDatabase';
import { JobRecord, newRecord } from '../../src/main/core/engine/jobRecord';
import { JobRepository } from '../../src/main/core/engine/jobRepository';
import { JsonFileStore } from '../../src/main/core/stores/jsonFileStore';

// One storage measurement in a fresh process (cold JIT, nothing else writing).
// argv[2]: { mode, dir, jobs?, changes? } as JSON. Prints one JSON line.

export type StorageMode = 'db-change' | 'db-load' | 'json-change' | 'json-load';

export interface ChangeResult {
  /** Per change, ms. */
  times: number[];
  /** Bytes this process sent to storage (/proc/self/io write_bytes) over all changes, per change. */
  writeBytesPerChange: number | null;
  /** Bytes handed to write(2) (/proc/self/io wchar), per change. */
  wcharPerChange: number | null;
  /** A change the server can tell again (queued → held), written without waiting for the disk. */
  quickTimes?: number[];
  /** A bare 4 KB write + fsync on the same disk: the floor under any durable change. */
  fsyncTimes?: number[];
  fileBytes: number;
}

export interface LoadResult {
  jobs: number;
  /** openDatabase (quick_check, schema check) or the JSON file read and parsed. */
  openMs: number;
  /** The records parsed into the queue (JobRepository, or today's per-record zod parse). */
  readMs: number;
  totalMs: number;
}

const KEY = 'engine.jobs.v1';
const {
  mode,
  dir,
  jobs = 10_000,
  changes = 100,
} = JSON.parse(process.argv[2] ?? '{}') as {
  mode: StorageMode;
  dir: string;
  jobs?: number;
  changes?: number;
};
const dbFile = join(dir, 'airframe.db');
const jsonFile = join(dir, 'store.json');

function io(): { write: number; wchar: number } | null {
  try {
    const fields = Object.fromEntries(
      readFileSync('/proc/self/io', 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(': ') as [string, string]),
    );
    return { write: Number(fields['write_bytes']), wchar: Number(fields['wchar']) };
  } catch {
    return null; // not Linux
  }
}

/** Queue entries as the app makes them: a prompt of a couple of sentences, a seed, a ratio. */
function records(count: number, now: number): JobRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    ...newRecord(
      `job_${String(i).padStart(6, '0')}-${'0'.repeat(24)}`,
      {
        model: 'wan-2.6',
        prompt: `Shot ${i}: a paper plane glides over a still lake at dusk, the camera following low over the water as lights come on along the shore.`,
        mode: 'text',
        durationSeconds: 5,
        aspectRatio: '16:9',
        seed: i,
        inputImages: [],
      },
      now,
      null,
    ),
    costCents: 200,
  }));
}

function measure(
  count: number,
  change: (i: number) => void,
): { times: number[]; before: ReturnType<typeof io>; after: ReturnType<typeof io> } {
  const times: number[] = [];
  const before = io();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    change(i);
    times.push(performance.now() - t);
  }
  return { times, before, after: io() };
}

const perChange = (
  a: ReturnType<typeof io>,
  b: ReturnType<typeof io>,
  n: number,
  key: 'write' | 'wchar',
) => (a && b ? (b[key] - a[key]) / n : null);

function fsyncFloor(count: number): number[] {
  const fd = openSync(join(dir, 'fsync-probe'), 'w');
  const page = Buffer.alloc(4096, 1);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    writeSync(fd, page, 0, page.length, 0);
    fsyncSync(fd);
    times.push(performance.now() - t);
  }
  closeSync(fd);
  return times;
}

const now = Date.now();
let result: ChangeResult | LoadResult;
if (mode === 'db-change') {
  const { db } = openDatabase({ file: dbFile, now: () => Date.now() });
  const repo = new JobRepository(db);
  const all = records(jobs, now);
  repo.add(...all);
  // The first write of the day started the daily backup: let it finish before measuring.
  await db.backUpIfDue();
  db.run('PRAGMA wal_checkpoint(TRUNCATE)');
  const warmUp = 20;
  for (let i = 0; i < warmUp; i++)
    repo.update(all[i]!.id, { status: 'submitting', attemptAt: now, submittedAt: now }, now);
  // The never-twice record: a job leaving for the server, on disk before the POST.
  const durable = measure(changes, (i) => {
    const id = all[warmUp + i]!.id;
    repo.update(id, { status: 'submitting', attemptAt: now + i, submittedAt: now + i }, now + i);
  });
  const quick = measure(changes, (i) => {
    const id = all[warmUp + changes + i]!.id;
    repo.update(id, { status: 'held', holdReason: 'budget' }, now + i);
  });
  await db.close();
  result = {
    times: durable.times,
    writeBytesPerChange: perChange(durable.before, durable.after, changes, 'write'),
    wcharPerChange: perChange(durable.before, durable.after, changes, 'wchar'),
    quickTimes: quick.times,
    fsyncTimes: fsyncFloor(changes),
    fileBytes: statSync(dbFile).size,
  };
} else if (mode === 'json-change') {
  // Today's way: the queue is one key of one JSON file, rewritten whole on each change.
  const store = new JsonFileStore(jsonFile);
  const all = records(jobs, now);
  store.set(KEY, all);
  const durable = measure(changes, (i) => {
    all[i] = { ...all[i]!, status: 'submitting', attemptAt: now + i, submittedAt: now + i };
    store.set(KEY, all);
  });
  result = {
    times: durable.times,
    writeBytesPerChange: perChange(durable.before, durable.after, changes, 'write'),
    wcharPerChange: perChange(durable.before, durable.after, changes, 'wchar'),
    fileBytes: statSync(jsonFile).size,
  };
} else {
  const t0 = performance.now();
  let count: number;
  let t1: number;
  if (mode === 'db-load') {
    if (!existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
    const { db } = openDatabase({ file: dbFile, now: () => Date.now() });
    t1 = performance.now();
    count = new JobRepository(db).all().length;
  } else {
    const stored = new JsonFileStore(jsonFile).get(KEY) as unknown[];
    t1 = performance.now();
    count = stored.filter((item) => JobRecord.safeParse(item).success).length;
  }
  const t2 = performance.now();
  result = { jobs: count, openMs: t1 - t0, readMs: t2 - t1, totalMs: t2 - t0 };
}
console.log(JSON.stringify(result));
process.exit(0);
