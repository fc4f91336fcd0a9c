import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibrarySearchRequest } from '../../../shared/library';
import { ManualClock } from '../clock';
import type { AppDatabase } from '../db/database';
import { openIndexDatabase } from '../db/indexDatabase';
import { LibraryFolder, type FolderChange } from './libraryFolder';
import { nodeLibraryFs } from './nodeLibraryFs';
import type { IndexProgress } from './reconcile';
import { SCAN_BATCH } from './scan';
import { serializeSidecar, type Sidecar } from './sidecar';
import { tempDir } from '../../../../test/support/libraryTestKit';
import { testSidecar as sidecar } from '../../../../test/support/testSidecar';

let dir: { path: string; remove(): Promise<void> };
let folder: string;
let changes: FolderChange[];
let progress: IndexProgress[];
/** The index's size when each change was told. */
let sizes: number[];
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dir = await tempDir();
  folder = join(dir.path, 'Airframe');
  mkdirSync(folder);
  changes = [];
  progress = [];
  sizes = [];
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await dir.remove();
});

function putClip(base: string, content: Sidecar): void {
  writeFileSync(join(folder, `${base}.mp4`), 'mp4');
  writeFileSync(join(folder, `${base}.json`), serializeSidecar(content));
}

const indexFile = () => join(dir.path, 'data', 'library-index.db');

/** One start of the app: the index file from the data folder, the library opened on it. */
async function start(): Promise<{
  library: LibraryFolder;
  db: AppDatabase;
  rebuilt: string | null;
  stop(): Promise<void>;
}> {
  const { db, rebuilt } = openIndexDatabase(indexFile());
  const library = new LibraryFolder({
    folder,
    fs: nodeLibraryFs,
    clock: new ManualClock(),
    db,
    onChange: (change) => {
      changes.push(change);
      sizes.push(library.index.size);
    },
    onProgress: (report) => progress.push(report),
  });
  await library.open();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await library.close();
    await db.close();
  };
  closers.push(stop);
  return { library, db, rebuilt, stop };
}

/** A start whose pass ran to its end, then a stop: the index is stored. */
async function startAndStop(): Promise<void> {
  const started = await start();
  await started.library.reconciled();
  await started.stop();
}

const changed = (db: AppDatabase) =>
  db.get<{ n: number }>('SELECT total_changes() AS n')!.n + db.stats.otherCommits;

describe('the library index in its own file', () => {
  it('shows the stored index at once, then reconciles what was added, deleted and edited while closed', async () => {
    putClip('one', sidecar(1));
    putClip('two', sidecar(2));
    putClip('three', sidecar(3, { tags: ['Sea'] }));
    await startAndStop();

    putClip('one', sidecar(1, { favourite: true, tags: ['Keeper', 'sea'] }));
    await rm(join(folder, 'two.json'));
    putClip('four', sidecar(4, { prompt: 'A fox in the snow' }));
    changes = [];

    const { library } = await start();
    // Before the pass: what the index held when the app stopped.
    expect(library.index.size).toBe(3);
    expect(library.entry('vid_2')).toBeDefined();
    await library.reconciled();

    expect([...library.index.entries()].map((entry) => entry.clip.id).sort()).toEqual([
      'vid_1',
      'vid_3',
      'vid_4',
    ]);
    expect(library.entry('vid_1')?.clip).toMatchObject({
      favourite: true,
      tags: ['Keeper', 'sea'],
    });
    const search = (input: Parameters<typeof LibrarySearchRequest.parse>[0]) =>
      library.index.search(LibrarySearchRequest.parse(input)).clips.map((clip) => clip.id);
    expect(search({ tags: ['keeper'] })).toEqual(['vid_1']);
    expect(search({ tags: ['sea'] })).toEqual(['vid_3', 'vid_1']);
    expect(search({ text: 'fox snow' })).toEqual(['vid_4']);
    expect(search({ favouritesOnly: true })).toEqual(['vid_1']);
    expect(changes).toEqual([
      {
        upserted: [
          expect.objectContaining({ id: 'vid_4' }),
          expect.objectContaining({ id: 'vid_1' }),
        ],
        removed: ['vid_2'],
        reloaded: false,
      },
    ]);
  });

  it('writes nothing when nothing changed since the last start', async () => {
    for (let n = 0; n < 50; n++) putClip(`clip-${n}`, sidecar(n, { tags: ['a'] }));
    await startAndStop();

    const { library, db } = await start();
    const before = changed(db);
    await library.reconciled();
    await library.rescan();
    expect(changed(db)).toBe(before);
    expect(library.index.size).toBe(50);
    expect(changes.slice(1)).toEqual([]);
  });

  it('builds an index it never had in the background, showing each batch as it lands', async () => {
    const count = SCAN_BATCH + 500;
    for (let n = 0; n < count; n++) putClip(`clip-${String(n).padStart(5, '0')}`, sidecar(n));
    const { library } = await start();
    // `open` did not wait for the build.
    expect(library.building).toBe(true);
    expect(progress).toEqual([]);
    await library.reconciled();
    expect(library.building).toBe(false);
    expect(library.index.size).toBe(count);
    expect(progress).toEqual([
      { folder, done: SCAN_BATCH, total: count, finished: false, building: true },
      { folder, done: count, total: count, finished: true, building: true },
    ]);
    // The first batch was told (search again) once it landed, before the rest; then the end.
    expect(changes).toEqual([
      { upserted: [], removed: [], reloaded: true },
      { upserted: [], removed: [], reloaded: true },
    ]);
    expect(sizes).toEqual([SCAN_BATCH, count]);
  }, 30_000);

  it('a later pass over a stored index is no build', async () => {
    putClip('one', sidecar(1));
    await startAndStop();
    progress = [];
    const { library } = await start();
    expect(library.building).toBe(false);
    await library.reconciled();
    expect(progress).toEqual([{ folder, done: 1, total: 1, finished: true, building: false }]);
  });

  it('builds a damaged index file again from the sidecars, every clip there', async () => {
    for (let n = 0; n < 40; n++) putClip(`clip-${n}`, sidecar(n, { tags: ['sea'] }));
    await startAndStop();
    const fd = openSync(indexFile(), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);

    const { library, rebuilt } = await start();
    expect(rebuilt).toMatch(/damaged/);
    expect(library.building).toBe(true);
    await library.reconciled();
    expect(library.index.size).toBe(40);
    const found = library.index.search(LibrarySearchRequest.parse({ tags: ['sea'], limit: 100 }));
    expect(found.total).toBe(40);
    expect(found.clips.map((clip) => clip.id).sort()).toEqual(
      Array.from({ length: 40 }, (_, n) => `vid_${n}`).sort(),
    );
  });

  it('reports a corrupt sidecar and keeps the others', async () => {
    putClip('one', sidecar(1));
    await startAndStop();
    writeFileSync(join(folder, 'one.json'), '{ not json');
    putClip('two', sidecar(2));
    const { library } = await start();
    await library.reconciled();
    expect(library.warnings).toEqual([{ file: 'one.json', message: 'not valid JSON' }]);
    expect([...library.index.entries()].map((entry) => entry.clip.id)).toEqual(['vid_2']);
  });
});
