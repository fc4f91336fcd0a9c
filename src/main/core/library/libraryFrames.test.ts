import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndexDatabase } from '../db/indexDatabase';
import type { AppDatabase } from '../db/database';
import { createMediaHandler } from './mediaHandler';
import { MAX_FRAMES_PER_CLIP } from './clipFrames';
import {
  openTestLibrary,
  tempDir,
  type TestLibrary,
} from '../../../../test/support/libraryTestKit';
import { seedLibrary } from '../../../../test/support/seedLibrary';
import { closeTestSimulators, startTestSimulator } from '../../../../test/support/testSimulator';
import type { Simulator } from '../../../simulator';

/** The 8-byte PNG signature and a little more: all main checks is that it is a PNG. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const png = PNG.toString('base64');

let sim: Simulator;
let dir: { path: string; remove(): Promise<void> };
let folder: string;
let db: AppDatabase;
let lib: TestLibrary;

/** One start of the app on the same index file. */
async function start(): Promise<TestLibrary> {
  db = openIndexDatabase(join(dir.path, 'data', 'library-index.db')).db;
  lib = await openTestLibrary(sim, folder, { db });
  return lib;
}
async function stop(): Promise<void> {
  await lib.close();
  await db.close();
}

beforeEach(async () => {
  sim = await startTestSimulator();
  dir = await tempDir();
  folder = join(dir.path, 'library');
  seedLibrary(folder, [
    { taskId: 'vid_1', prompt: 'A lighthouse at dusk' },
    { taskId: 'vid_2', prompt: 'A fox in snow' },
  ]);
  await start();
});

afterEach(async () => {
  await stop();
  await closeTestSimulators();
  await dir.remove();
});

const sidecarOn = async (name: string) =>
  JSON.parse(await readFile(join(folder, `${name}.json`), 'utf8')) as Record<string, unknown>;

describe('saving a frame of a clip', () => {
  it('writes the PNG next to the clip and lists it in the sidecar, which becomes version 2', async () => {
    const { name } = await lib.service.get({ clipId: 'vid_1' });
    expect(await sidecarOn(name)).toMatchObject({ version: 1 });
    const saved = await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 3.2, pngBase64: png });

    const file = `${name}.frame-00m03s200.png`;
    expect(saved.frame).toMatchObject({ index: 0, atSeconds: 3.2, savedAt: lib.clock.now() });
    expect(saved.frames).toEqual([saved.frame]);
    expect(await readFile(join(folder, file))).toEqual(PNG);
    expect(await sidecarOn(name)).toMatchObject({
      version: 2,
      prompt: 'A lighthouse at dusk',
      frames: [{ file, atSeconds: 3.2, savedAt: new Date(lib.clock.now()).toISOString() }],
    });
    expect((await lib.service.get({ clipId: 'vid_1' })).frames).toEqual([saved.frame]);
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('serves the still by its place in the list, and nothing past it', async () => {
    await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 1, pngBase64: png });
    const media = createMediaHandler(lib.folder);
    const still = await media(new Request('http://x/vid_1/frame-0'));
    expect(still.status).toBe(200);
    expect(still.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await still.arrayBuffer())).toEqual(PNG);
    expect((await media(new Request('http://x/vid_1/frame-1'))).status).toBe(404);
    expect((await media(new Request('http://x/vid_2/frame-0'))).status).toBe(404);
    expect((await media(new Request('http://x/vid_1/frame-01'))).status).toBe(404);
  });

  it('replaces the still saved at the same moment, and keeps others in order', async () => {
    await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 2, pngBase64: png });
    await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 4.5, pngBase64: png });
    await lib.clock.advance(60_000);
    const again = await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 2, pngBase64: png });
    expect(again.frame).toMatchObject({ index: 0, savedAt: lib.clock.now() });
    expect(again.frames.map((f) => f.atSeconds)).toEqual([2, 4.5]);
  });

  it('refuses what is not a PNG, a clip the library lacks, and one frame too many', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64');
    await expect(
      lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 1, pngBase64: jpeg }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: 'The frame is not a PNG image.' });
    await expect(
      lib.service.saveFrame({ clipId: 'vid_9', atSeconds: 1, pngBase64: png }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect((await readdir(folder)).filter((f) => f.endsWith('.png'))).toEqual([]);

    const { name } = await lib.service.get({ clipId: 'vid_2' });
    const listed = Array.from({ length: MAX_FRAMES_PER_CLIP }, (_, i) => ({
      file: `${name}.frame-00m00s${String(i).padStart(3, '0')}.png`,
      atSeconds: i / 1000,
      savedAt: new Date(0).toISOString(),
    }));
    await lib.folder.updateSidecar('vid_2', (sidecar) => ({ ...sidecar, frames: listed }));
    // One of those moments again replaces its still; a new one is refused.
    await lib.service.saveFrame({ clipId: 'vid_2', atSeconds: 0.001, pngBase64: png });
    await expect(
      lib.service.saveFrame({ clipId: 'vid_2', atSeconds: 5, pngBase64: png }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps its frames across a restart, from the stored index and from the sidecars alone', async () => {
    const saved = await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 3, pngBase64: png });
    await stop();
    await start();
    expect((await lib.service.get({ clipId: 'vid_1' })).frames).toEqual([saved.frame]);

    await stop();
    await rm(join(dir.path, 'data'), { recursive: true });
    await start();
    expect((await lib.service.get({ clipId: 'vid_1' })).frames).toEqual([saved.frame]);
  });

  it('deletes the clip’s frames with the clip', async () => {
    const { name } = await lib.service.get({ clipId: 'vid_1' });
    await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 1, pngBase64: png });
    await lib.service.saveFrame({ clipId: 'vid_1', atSeconds: 2, pngBase64: png });
    await lib.service.delete({ clipId: 'vid_1', remote: false });
    expect((await readdir(folder)).filter((f) => f.startsWith(name))).toEqual([]);
    expect(
      existsSync(join(folder, `${(await lib.service.get({ clipId: 'vid_2' })).name}.mp4`)),
    ).toBe(true);
  });
});

describe('opening a clip in the system player', () => {
  it('opens the video file where the host can, and says it is unavailable where not', async () => {
    await expect(lib.service.open({ clipId: 'vid_1' })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'Only the desktop app can open a clip in the system’s video player.',
    });
    await stop();
    const opened: string[] = [];
    db = openIndexDatabase(join(dir.path, 'data', 'library-index.db')).db;
    lib = await openTestLibrary(sim, folder, {
      db,
      openPath: (path) => Promise.resolve(void opened.push(path)),
    });
    await lib.service.open({ clipId: 'vid_1' });
    const { name } = await lib.service.get({ clipId: 'vid_1' });
    expect(opened).toEqual([join(lib.folder.folder, `${name}.mp4`)]);
    await expect(lib.service.open({ clipId: 'vid_9' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
