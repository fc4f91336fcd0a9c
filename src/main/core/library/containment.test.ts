import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { LibraryFolder } from './libraryFolder';
import type { LibraryFs } from './libraryFs';
import { nodeLibraryFs } from './nodeLibraryFs';
import { tempDir } from '../../../../test/support/libraryTestKit';
import { testSidecar } from '../../../../test/support/testSidecar';
import { createMediaHandler } from './mediaHandler';
import { serializeSidecar, type Sidecar } from './sidecar';
import { stringMatching } from '../../../../test/support/matchers';

/**
 * Issue 12: a link in the library folder must never lead a read outside it. Real symlinks
 * in a temporary folder: `lib/` is the library, `secret.txt` and `elsewhere.json` lie beside it.
 */
let dir: { path: string; remove(): Promise<void> };
let folder: string;
let secret: string;
const opened: LibraryFolder[] = [];

const SECRET = 'root:x:0:0:outside the library';

const sidecar = (n: number): Sidecar => testSidecar(n, { createdAt: '2026-01-01T00:00:00Z' });

function putClip(base: string, n: number, at = folder): void {
  writeFileSync(join(at, `${base}.mp4`), `video ${n}`);
  writeFileSync(join(at, `${base}.json`), serializeSidecar(sidecar(n)));
}

beforeEach(async () => {
  dir = await tempDir();
  folder = join(dir.path, 'lib');
  mkdirSync(folder);
  secret = join(dir.path, 'secret.txt');
  writeFileSync(secret, SECRET);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((library) => library.close()));
  await dir.remove();
});

async function open(at = folder, fs: LibraryFs = nodeLibraryFs): Promise<LibraryFolder> {
  const library = new LibraryFolder({
    folder: at,
    fs,
    clock: new ManualClock(),
    onChange: () => {},
  });
  opened.push(library);
  await library.open();
  // The index is built in the background: these tests look at it once it is.
  await library.reconciled();
  return library;
}

const get = (library: LibraryFolder, path: string) =>
  createMediaHandler(library, { mount: '/media' })(new Request(`http://127.0.0.1/media/${path}`));

describe('library containment (symlinks)', () => {
  it('refuses to serve a clip file that became a link to a file outside the library', async () => {
    putClip('clip', 1);
    const library = await open();
    // Swapped after the scan: only a check at the moment of serving can catch it.
    await rm(join(folder, 'clip.mp4'));
    symlinkSync(secret, join(folder, 'clip.mp4'));
    symlinkSync(secret, join(folder, 'clip.jpg'));

    for (const kind of ['video', 'poster']) {
      const response = await get(library, `vid_1/${kind}`);
      const body = await response.text();
      expect(response.status).toBe(403);
      expect(body).not.toContain('root:x');
      expect(body).toMatch(/outside the library folder/);
    }
  });

  it('serves a link to another file inside the library', async () => {
    putClip('clip', 1);
    writeFileSync(join(folder, 'real.jpg'), 'poster bytes');
    symlinkSync(join(folder, 'real.jpg'), join(folder, 'clip.jpg'));
    const library = await open();
    const response = await get(library, 'vid_1/poster');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('poster bytes');
  });

  it('does not index a clip whose video or sidecar links outside, and says why', async () => {
    putClip('fine', 1);
    writeFileSync(join(folder, 'video-out.json'), serializeSidecar(sidecar(2)));
    symlinkSync(secret, join(folder, 'video-out.mp4'));
    // A sidecar that would parse, but is not the library's.
    const elsewhere = join(dir.path, 'elsewhere.json');
    writeFileSync(elsewhere, serializeSidecar(sidecar(3)));
    writeFileSync(join(folder, 'sidecar-out.mp4'), 'video 3');
    symlinkSync(elsewhere, join(folder, 'sidecar-out.json'));

    const library = await open();

    expect([...library.index.entries()].map((entry) => entry.clip.id)).toEqual(['vid_1']);
    expect(library.warnings).toEqual(
      expect.arrayContaining([
        { file: 'video-out.mp4', message: stringMatching(/outside the library folder/) },
        { file: 'sidecar-out.json', message: stringMatching(/outside the library folder/) },
      ]),
    );
  });

  it('indexes a clip whose sidecar is a link inside the library', async () => {
    mkdirSync(join(folder, 'kept'));
    writeFileSync(join(folder, 'kept', 'one.json'), serializeSidecar(sidecar(1)));
    writeFileSync(join(folder, 'one.mp4'), 'video');
    symlinkSync(join(folder, 'kept', 'one.json'), join(folder, 'one.json'));
    const library = await open();
    expect(library.entry('vid_1')?.clip.prompt).toBe('Clip 1');
  });

  it('deleting a clip removes its links, never the files they point to', async () => {
    putClip('clip', 1);
    symlinkSync(secret, join(folder, 'clip.jpg'));
    const library = await open();
    expect(await library.removeClip('vid_1')).toBe(true);
    expect(await readdir(folder)).toEqual([]);
    expect(readFileSync(secret, 'utf8')).toBe(SECRET);
  });

  it.skipIf(process.platform === 'win32')(
    'answers 404 at once for a clip file that is a FIFO (an open would wait for a writer)',
    async () => {
      putClip('clip', 1);
      const library = await open();
      await rm(join(folder, 'clip.mp4'));
      execFileSync('mkfifo', [join(folder, 'clip.mp4')]);
      expect((await get(library, 'vid_1/video')).status).toBe(404);
    },
    5_000,
  );

  it('works in a library folder that is itself a link the user chose', async () => {
    const real = join(dir.path, 'real-library');
    mkdirSync(real);
    putClip('clip', 1, real);
    const chosen = join(dir.path, 'chosen');
    symlinkSync(real, chosen);
    const library = await open(chosen);
    expect(library.folder).toBe(chosen);
    const response = await get(library, 'vid_1/video');
    expect(await response.text()).toBe('video 1');
  });

  it('moving to another disk copies no file a link points to outside', async () => {
    putClip('clip', 1);
    await rm(join(folder, 'clip.mp4'));
    writeFileSync(join(folder, 'clip.mp4'), 'video 1');
    symlinkSync(secret, join(folder, 'clip.jpg'));
    // Every rename crosses a disk: the move copies instead.
    const otherDisk: LibraryFs = {
      ...nodeLibraryFs,
      rename: () =>
        Promise.reject(
          Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }),
        ),
    };
    const library = await open(folder, otherDisk);
    const target = join(dir.path, 'moved');
    await library.moveTo(target);

    const moved = await readdir(target);
    for (const name of moved)
      expect(readFileSync(join(target, name), 'utf8')).not.toContain('root:x');
    expect(moved.sort()).toEqual(['clip.json', 'clip.mp4']);
    expect(readFileSync(secret, 'utf8')).toBe(SECRET);
  });
});
