import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { TimerHandle } from '../ports';
import { LibraryFolder, type FolderChange } from './libraryFolder';
import { nodeLibraryFs } from './nodeLibraryFs';
import { tempDir } from '../../../../test/support/libraryTestKit';
import { testSidecar as sidecar } from '../../../../test/support/testSidecar';
import { serializeSidecar, type Sidecar } from './sidecar';

/** Woken by what the folder does on its own: a rescan scheduled, a change told. */
let wake = () => {};

/** The folder's clock, waking `afterWatcher` when the watcher schedules a rescan. */
class WatchedClock extends ManualClock {
  override setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = super.setTimeout(callback, ms);
    wake();
    return handle;
  }
}

let dir: { path: string; remove(): Promise<void> };
let folder: string;
let clock: ManualClock;
let changes: FolderChange[];
const opened: LibraryFolder[] = [];

beforeEach(async () => {
  dir = await tempDir();
  folder = join(dir.path, 'Airframe');
  mkdirSync(folder);
  clock = new WatchedClock();
  changes = [];
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((library) => library.close()));
  await dir.remove();
});

async function open(at = folder): Promise<LibraryFolder> {
  const onChange = (change: FolderChange) => {
    changes.push(change);
    wake();
  };
  const library = new LibraryFolder({
    folder: at,
    fs: nodeLibraryFs,
    clock,
    onChange,
  });
  opened.push(library);
  await library.open();
  // The index is built in the background: these tests look at it once it is.
  await library.reconciled();
  return library;
}

function putClip(base: string, content: Sidecar | string, at = folder, poster = false): void {
  writeFileSync(join(at, `${base}.mp4`), 'mp4');
  if (poster) writeFileSync(join(at, `${base}.jpg`), 'jpg');
  writeFileSync(
    join(at, `${base}.json`),
    typeof content === 'string' ? content : serializeSidecar(content),
  );
}

/**
 * Waits for the real file watcher to fire, then lets the debounced rescan run; again at each
 * rescan it schedules or change it tells, until `test` holds.
 */
async function afterWatcher(test: () => boolean): Promise<void> {
  while (!test()) {
    if (clock.pending() === 0) await new Promise<void>((resolve) => (wake = resolve));
    await clock.advance(600);
  }
}

describe('the library folder', () => {
  it('loads clips from their sidecars, skipping broken ones with a warning', async () => {
    putClip('a', sidecar(1), folder, true);
    putClip('b', '{ "version": 1, "taskId": "vid_2", ');
    putClip('c', JSON.stringify({ ...sidecar(3), version: 3 }));
    putClip('d', sidecar(4, { taskId: '' }));
    putClip('e', sidecar(1, { prompt: 'a copy of a' }));
    writeFileSync(join(folder, 'notes.json'), '{}'); // not a clip: no video next to it
    putClip('f', sidecar(6));
    // An opaque task id is kept verbatim; only its clip id reaches a URL.
    putClip('g', sidecar(7, { taskId: '../escape' }));

    const library = await open();

    expect([...library.index.entries()].map((entry) => entry.clip.id).sort()).toEqual([
      'escape-1ba7343c47dc442d',
      'vid_1',
      'vid_6',
    ]);
    expect(library.entry('escape-1ba7343c47dc442d')?.clip).toMatchObject({
      name: 'g',
      taskId: '../escape',
    });
    expect(library.entry('vid_1')?.clip).toMatchObject({
      name: 'a',
      hasPoster: true,
      prompt: 'Clip 1',
    });
    expect(library.warnings.map((warning) => warning.file)).toEqual([
      'b.json',
      'c.json',
      'd.json',
      'e.json',
    ]);
    expect(library.warnings[1]?.message).toMatch(/newer/);
    expect(library.warnings[3]?.message).toMatch(/same task as a\.json/);
    expect(changes).toEqual([{ upserted: [], removed: [], reloaded: true }]);
  });

  it('notices clips deleted, added and renamed outside the app', async () => {
    putClip('one', sidecar(1));
    putClip('two', sidecar(2));
    const library = await open();
    changes.length = 0;

    await rm(join(folder, 'one.mp4'));
    await afterWatcher(() => changes.some((change) => change.removed.includes('vid_1')));
    expect(library.entry('vid_1')).toBeUndefined();

    putClip('three', sidecar(3));
    await afterWatcher(() => library.entry('vid_3') !== undefined);
    expect(changes.at(-1)?.upserted.map((clip) => clip.id)).toEqual(['vid_3']);

    for (const ext of ['mp4', 'json'])
      await rename(join(folder, `two.${ext}`), join(folder, `renamed.${ext}`));
    await library.rescan();
    expect(library.entry('vid_2')?.base).toBe('renamed');
  });

  it('writes sidecars atomically, applying concurrent edits one after the other', async () => {
    putClip('one', sidecar(1, { unknownField: 'kept' }));
    const library = await open();
    await Promise.all([
      library.updateSidecar('vid_1', (current) => ({ ...current, favourite: true })),
      library.updateSidecar('vid_1', (current) => ({ ...current, tags: ['x'] })),
    ]);
    const onDisk: unknown = JSON.parse(await readFile(join(folder, 'one.json'), 'utf8'));
    expect(onDisk).toMatchObject({ favourite: true, tags: ['x'], unknownField: 'kept' });
    expect((await readdir(folder)).sort()).toEqual(['one.json', 'one.mp4']);
  });

  it('moves its files to a new folder and adopts the library already there', async () => {
    putClip('mine', sidecar(1), folder, true);
    writeFileSync(join(folder, 'half.mp4.part'), 'partial');
    writeFileSync(join(folder, 'unrelated.txt'), 'the user’s own file');
    const elsewhere = join(dir.path, 'Elsewhere');
    mkdirSync(elsewhere);
    putClip('theirs', sidecar(2), elsewhere);
    const library = await open();

    await library.moveTo(elsewhere);

    expect(library.folder).toBe(elsewhere);
    expect([...library.index.entries()].map((entry) => entry.clip.id).sort()).toEqual([
      'vid_1',
      'vid_2',
    ]);
    expect((await readdir(elsewhere)).sort()).toEqual(
      ['half.mp4.part', 'mine.jpg', 'mine.json', 'mine.mp4', 'theirs.json', 'theirs.mp4'].sort(),
    );
    expect(await readdir(folder)).toEqual(['unrelated.txt']);
    expect(changes.at(-1)).toMatchObject({ reloaded: true });
  });
});
