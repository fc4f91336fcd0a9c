import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { FileBlobStore } from '../stores/fileBlobStore';
import { writeClip } from './clipWriter';
import { LibraryFolder } from './libraryFolder';
import { nodeLibraryFs } from './nodeLibraryFs';
import { tempDir } from '../../../../test/support/libraryTestKit';
import { clipBaseName } from './naming';
import type { ClipSource } from './types';

let dir: { path: string; remove(): Promise<void> };
const opened: LibraryFolder[] = [];

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((library) => library.close()));
  await dir.remove();
});

async function open(): Promise<LibraryFolder> {
  const library = new LibraryFolder({
    folder: join(dir.path, 'Airframe'),
    fs: nodeLibraryFs,
    clock: new ManualClock(),
    onChange: () => {},
  });
  opened.push(library);
  await library.open();
  // The index is built in the background: these tests look at it once it is.
  await library.reconciled();
  return library;
}

const at = Date.UTC(2026, 0, 1, 12);

/** What a sloppy server (or a task imported from one) may hand the library. */
const source: ClipSource = {
  jobId: 'job-1',
  taskId: 'vid.odd.1',
  request: { model: '', prompt: 'A lighthouse', mode: 'text', durationSeconds: 0, inputImages: [] },
  costCents: -5,
  createdAt: at,
  completedAt: Number.NaN,
  expiresAt: null,
  resultUrl: 'https://cdn.example/x.mp4',
};

describe('the sidecar a download writes', () => {
  it('reads back after a restart even where the server gave values it cannot hold', async () => {
    const library = await open();
    const base = clipBaseName(source.createdAt, source.request.prompt, source.taskId);
    await writeFile(library.path(`${base}.mp4`), 'mp4');

    const clip = await writeClip(
      library,
      new FileBlobStore(join(dir.path, 'blobs')),
      source,
      base,
      at,
    );
    await library.close();
    const again = await open();

    expect(again.warnings).toEqual([]);
    expect(again.entry(clip.id)?.clip).toMatchObject({
      taskId: 'vid.odd.1',
      model: 'unknown',
      costCents: null,
      completedAt: null,
      durationSeconds: null,
    });
    expect(again.entry(clip.id)?.sidecar.unknown).toEqual(['model']);
  });

  it('names the clip a continued job started from, and only then', async () => {
    const library = await open();
    const blobs = new FileBlobStore(join(dir.path, 'blobs'));
    const chained: ClipSource = {
      ...source,
      jobId: 'job-2',
      taskId: 'vid_2',
      request: { ...source.request, parentClipId: 'vid_1', parentFrameSeconds: 3 },
    };
    const base = (s: ClipSource) => clipBaseName(s.createdAt, s.request.prompt, s.taskId);
    const child = await writeClip(library, blobs, chained, base(chained), at);
    const plain = await writeClip(library, blobs, source, base(source), at);

    const onDisk = async (name: string) =>
      JSON.parse(await readFile(library.path(`${name}.json`), 'utf8')) as Record<string, unknown>;
    expect(await onDisk(base(chained))).toMatchObject({
      version: 1,
      parent: { clipId: 'vid_1', atSeconds: 3 },
    });
    expect(Object.keys(await onDisk(base(source)))).not.toContain('parent');
    expect(child.parentClipId).toBe('vid_1');
    expect(plain.parentClipId).toBeNull();
  });
});
