import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../../shared/contract/result';
import { LibrarySearchRequest } from '../../../shared/library';
import {
  closeTestSimulators,
  createTask,
  fastTaskMs,
  startTestSimulator,
} from '../../../../test/support/testSimulator';
import type { Simulator } from '../../../simulator';
import { FileBlobStore } from '../stores/fileBlobStore';
import {
  finishedSource,
  openTestLibrary,
  tempDir,
  type TestLibrary,
} from '../../../../test/support/libraryTestKit';
import type { ClipSource } from './types';

let sim: Simulator;
let dir: { path: string; remove(): Promise<void> };
let lib: TestLibrary;

beforeEach(async () => {
  sim = await startTestSimulator({ padBytes: 50_000 });
  dir = await tempDir();
  lib = await openTestLibrary(sim, join(dir.path, 'library'));
});

afterEach(async () => {
  await lib.close();
  await closeTestSimulators();
  await dir.remove();
});

async function saved(source: ClipSource): Promise<string> {
  lib.downloads.enqueue(source);
  const event = await lib.listener.until((e) => e.kind === 'saved' && e.jobId === source.jobId);
  return event.kind === 'saved' ? event.clipId : '';
}

/** The clip's sidecar as written on disk: before the parser's defaults fill anything in. */
const sidecarOf = async (clipId: string): Promise<unknown> => {
  const name = (await lib.service.get({ clipId })).name;
  return JSON.parse(await readFile(join(lib.folder.folder, `${name}.json`), 'utf8'));
};

describe('library commands', () => {
  it('writes a sidecar that explains and remakes the clip, and copies its input image', async () => {
    // The same store the library reads inputs from (see openTestLibrary).
    const store = new FileBlobStore(join(dir.path, 'blobs'));
    const blobId = await store.put(new Uint8Array([137, 80, 78, 71]));
    const source = await finishedSource(sim, { prompt: 'A red fox, in snow' });
    source.request = {
      ...source.request,
      mode: 'image',
      aspectRatio: '16:9',
      quality: '720p',
      seed: 7,
      sound: true,
      inputImages: [{ blobId, mime: 'image/png' }, { url: 'https://example.com/ref.jpg' }],
    };
    const clipId = await saved(source);

    const details = await lib.service.get({ clipId });
    expect(details).toMatchObject({
      id: source.taskId,
      prompt: 'A red fox, in snow',
      mode: 'image',
      seed: 7,
      costCents: source.costCents,
      hasPoster: true,
      favourite: false,
      inputImages: [
        { file: `${details.name}.input-1.png`, mime: 'image/png' },
        { url: 'https://example.com/ref.jpg' },
      ],
    });
    expect(details.name).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\d_\\d{4}_a-red-fox-in-snow_${source.taskId}$`),
    );
    expect([...(await readFile(join(lib.folder.folder, `${details.name}.input-1.png`)))]).toEqual([
      137, 80, 78, 71,
    ]);
    expect(await sidecarOf(clipId)).toMatchObject({
      version: 1,
      taskId: source.taskId,
      aspectRatio: '16:9',
      sound: true,
    });
    expect(lib.changes.at(-1)).toMatchObject({ upserted: [{ id: clipId }], clipCount: 1 });
    const image = await lib.service.inputImage({ clipId, index: 0 });
    expect([image.mime, ...image.bytes]).toEqual(['image/png', 137, 80, 78, 71]);
    await expect(lib.service.inputImage({ clipId, index: 1 })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('keeps favourites and tags in the sidecar, and finds clips by them', async () => {
    const clipId = await saved(await finishedSource(sim));
    const other = await saved(await finishedSource(sim, { prompt: 'City lights' }));

    await lib.service.favourite({ clipId, favourite: true });
    await lib.service.tag({ clipId, tags: ['sea', 'Dusk', 'sea'] });

    expect(await sidecarOf(clipId)).toMatchObject({ favourite: true, tags: ['sea', 'Dusk'] });
    const search = (input: object) => lib.service.search(LibrarySearchRequest.parse(input));
    expect((await search({ favouritesOnly: true })).clips.map((clip) => clip.id)).toEqual([clipId]);
    expect((await search({ text: 'dusk' })).clips.map((clip) => clip.id)).toEqual([clipId]);
    expect((await search({ sort: 'prompt', order: 'asc' })).clips.map((clip) => clip.id)).toEqual([
      clipId,
      other,
    ]);

    await lib.close();
    lib = await openTestLibrary(sim, lib.folder.folder);
    expect((await lib.service.get({ clipId })).tags).toEqual(['sea', 'Dusk']);
  });

  it('shows a chain: a continued clip names its parent, the parent lists its children', async () => {
    const parent = await saved(await finishedSource(sim, { prompt: 'Shot one' }));
    const chained = async (prompt: string, at: number) => {
      const source = await finishedSource(sim, { prompt });
      source.request = { ...source.request, parentClipId: parent, parentFrameSeconds: at };
      return saved(source);
    };
    const second = await chained('Shot two', 4.95);
    const third = await chained('Shot two, again', 2);
    expect(await sidecarOf(second)).toMatchObject({ parent: { clipId: parent, atSeconds: 4.95 } });
    expect(await lib.service.get({ clipId: second })).toMatchObject({
      parentClipId: parent,
      parentFrameSeconds: 4.95,
      parent: { id: parent, prompt: 'Shot one' },
      children: [],
    });
    const search = await lib.service.search(LibrarySearchRequest.parse({ text: 'two' }));
    expect(search.clips.map((clip) => clip.parentClipId)).toEqual([parent, parent]);

    await lib.close();
    lib = await openTestLibrary(sim, lib.folder.folder);
    const details = await lib.service.get({ clipId: parent });
    expect(details).toMatchObject({ parent: null, children: [{ id: second }, { id: third }] });
  });

  it('deletes a clip locally only, or also on the server', async () => {
    const local = await saved(await finishedSource(sim));
    const both = await saved(await finishedSource(sim, { prompt: 'Second' }));

    expect(await lib.service.delete({ clipId: local, remote: false })).toEqual({
      remoteDeleted: false,
    });
    expect(sim.tasks().some((task) => task.id === local)).toBe(true);

    expect(await lib.service.delete({ clipId: both, remote: true })).toEqual({
      remoteDeleted: true,
    });
    expect(sim.tasks().some((task) => task.id === both)).toBe(false);
    expect(await readdir(lib.folder.folder)).toEqual([]);
    expect(lib.changes.at(-1)).toMatchObject({ removed: [both], clipCount: 0 });
    await expect(lib.service.get({ clipId: both })).rejects.toBeInstanceOf(UserError);
  });

  it('keeps the clip when the server refuses the remote delete', async () => {
    const clipId = await saved(await finishedSource(sim));
    sim.faults.next('delete', { kind: 'status', status: 500 }, 5);
    await expect(lib.service.delete({ clipId, remote: true })).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect((await lib.service.get({ clipId })).id).toBe(clipId);
  });

  it('imports a task made elsewhere by id, through the same downloader', async () => {
    // A server whose history gives more than the docs promise: its prompt is kept.
    sim.configure({ listItems: 'with-prompt' });
    const taskId = await createTask(sim, { prompt: 'Made in another app', duration_seconds: 5 });
    await sim.clock.advance(fastTaskMs);
    const before = await lib.service.listRemote();
    expect(before.tasks.find((task) => task.taskId === taskId)).toMatchObject({
      status: 'completed',
      inLibrary: false,
    });

    const clip = await lib.service.import({ taskId });

    expect(clip).toMatchObject({
      id: taskId,
      prompt: 'Made in another app',
      model: 'wan-2.6',
      hasPoster: true,
    });
    expect(
      (await lib.service.listRemote()).tasks.find((task) => task.taskId === taskId)?.inLibrary,
    ).toBe(true);
    expect(await lib.service.import({ taskId })).toEqual(clip);
    await expect(lib.service.import({ taskId: 'vid_NOSUCHTASK' })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(
      sim.log.filter((entry) => entry.route === 'cdn').every((entry) => !entry.authorized),
    ).toBe(true);
  });

  it('imports from a history of documented items (no prompt), saying the prompt is unknown', async () => {
    const taskId = await createTask(sim, { prompt: 'Made in another app', duration_seconds: 5 });
    await sim.clock.advance(fastTaskMs);
    const listed = async () =>
      (await lib.service.listRemote()).tasks.find((task) => task.taskId === taskId);
    expect(await listed()).toMatchObject({
      status: 'completed',
      model: 'wan-2.6',
      prompt: null,
      createdAt: null,
      inLibrary: false,
    });

    const clip = await lib.service.import({ taskId });

    expect(clip).toMatchObject({ id: taskId, prompt: null, model: 'wan-2.6', completedAt: null });
    const sidecar = await sidecarOf(clip.id);
    expect(sidecar).toMatchObject({ taskId, prompt: '', completedAt: null });
    const { unknown, createdAt } = z
      .object({ unknown: z.array(z.string()), createdAt: z.string() })
      .parse(sidecar);
    expect([...unknown].sort()).toEqual(['createdAt', 'mode', 'prompt']);
    const task = sim.tasks().find((one) => one.id === taskId);
    // Estimated from the documented 24-hour lifetime, and marked as such above.
    expect(Date.parse(createdAt)).toBe((task?.expiresAt ?? 0) - 86_400_000);
    expect(await listed()).toMatchObject({ prompt: null, inLibrary: true });
  });

  it("shows a saved clip's own prompt where the history gives none", async () => {
    const source = await finishedSource(sim, { prompt: 'Made here' });
    await saved(source);
    expect(
      (await lib.service.listRemote()).tasks.find((task) => task.taskId === source.taskId),
    ).toMatchObject({ prompt: 'Made here', createdAt: source.createdAt, inLibrary: true });
  });

  it('imports through the status call when the history cannot be read', async () => {
    const taskId = await createTask(sim, { prompt: 'Made in another app', duration_seconds: 5 });
    await sim.clock.advance(fastTaskMs);
    sim.configure({ listEnvelope: 'unrecognised' });
    await expect(lib.service.listRemote()).rejects.toMatchObject({ code: 'unavailable' });
    expect(await lib.service.import({ taskId })).toMatchObject({ id: taskId, prompt: null });
  });

  it('reveals a clip in the file manager by its video file', async () => {
    const clipId = await saved(await finishedSource(sim));
    await lib.service.reveal({ clipId });
    expect(lib.revealed).toEqual([
      join(lib.folder.folder, `${(await lib.service.get({ clipId })).name}.mp4`),
    ]);
  });

  it('says where a clip’s video file is, for a host with no file manager to open', async () => {
    const clipId = await saved(await finishedSource(sim));
    expect(await lib.service.locate({ clipId })).toEqual({
      path: join(lib.folder.folder, `${(await lib.service.get({ clipId })).name}.mp4`),
    });
    expect(lib.revealed).toEqual([]);
    await expect(lib.service.locate({ clipId: 'vid_missing' })).rejects.toThrow();
  });

  it('never moves the library onto or around the app’s own data, into its reserved folders, nor to a disk’s root', async () => {
    const data = join(dir.path, 'data');
    await mkdir(data, { recursive: true });
    const guarded = await openTestLibrary(sim, join(dir.path, 'Guarded'), {
      appFolders: { data, reserved: [join(data, 'inputs')] },
    });
    try {
      for (const path of [data, join(data, 'inputs'), dir.path, '/']) {
        await expect(guarded.service.setFolder({ path })).rejects.toMatchObject({
          code: 'invalid-request',
        });
      }
      expect(guarded.folder.folder).toBe(join(dir.path, 'Guarded'));
      // A folder of its own inside the data folder is fine (the browser host's default).
      await guarded.service.setFolder({ path: join(data, 'library') });
      expect(await readdir(data)).toEqual(['library']);
    } finally {
      await guarded.close();
    }
  });

  it('moves the library to another folder, which then holds the clips', async () => {
    const clipId = await saved(await finishedSource(sim));
    const target = join(dir.path, 'Moved');
    const info = await lib.service.setFolder({ path: target });
    expect(info).toMatchObject({ folder: target, clipCount: 1, warnings: [] });
    expect((await readdir(target)).length).toBe(3);
    const response = await lib.media(new Request(`clip://media/${clipId}/video`));
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });
});
