import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  clipMediaPath,
  CLIP_ID_PATTERN,
  ImportRequest,
  LibrarySearchRequest,
} from '../../../shared/library';
import { createTask, fastTaskMs } from '../../../../test/support/testSimulator';
import {
  finishedSource,
  openTestLibrary,
  savedFor,
  sha256,
  sha256OfUrl,
  until,
  useDownloadFixture,
} from '../../../../test/support/libraryTestKit';

const fx = useDownloadFixture(50_000);

/** The docs' example is `vid_01HXY…`, but nothing promises the alphabet of a task id. */
describe('a task id outside the example alphabet (vid.X.Y)', () => {
  it('is downloaded, saved, searchable, played and deleted on the server', async () => {
    fx.sim.configure({ taskIds: 'dotted' });
    const lib = await fx.library();
    const source = await finishedSource(fx.sim, { prompt: 'A dotted lighthouse' });
    expect(source.taskId).toMatch(/^vid\.[A-Za-z0-9]+\.[0-9a-f]{2}$/);

    lib.downloads.enqueue(source);
    const saved = await until(lib, savedFor(source));

    const clipId = saved.kind === 'saved' ? saved.clipId : '';
    expect(clipId).toMatch(CLIP_ID_PATTERN);
    expect(clipId).not.toBe(source.taskId);
    const { mp4, json } = fx.landed(source);
    expect(sha256(await readFile(mp4))).toBe(await sha256OfUrl(source.resultUrl));
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({ taskId: source.taskId });

    const search = LibrarySearchRequest.parse({ text: source.taskId });
    expect((await lib.service.search(search)).clips).toMatchObject([
      { id: clipId, taskId: source.taskId },
    ]);

    const response = await lib.media(new Request(`clip://media${clipMediaPath(clipId, 'video')}`));
    expect(response.status).toBe(200);
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(await readFile(mp4)));

    // Read again from the sidecars alone, the clip keeps its id.
    await lib.close();
    const again = await openTestLibrary(fx.sim, fx.folder);
    try {
      expect(again.folder.entry(clipId)?.clip.taskId).toBe(source.taskId);
      expect(await again.service.delete({ clipId, remote: true })).toEqual({
        remoteDeleted: true,
      });
      expect(fx.sim.tasks().some((task) => task.id === source.taskId)).toBe(false);
      expect(again.folder.index.size).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('is listed and imported by the id the server gave', async () => {
    fx.sim.configure({ taskIds: 'dotted', listItems: 'with-prompt' });
    const lib = await fx.library();
    const taskId = await createTask(fx.sim, { prompt: 'Made elsewhere', duration_seconds: 5 });
    await fx.sim.clock.advance(fastTaskMs);

    const request = ImportRequest.parse({ taskId });
    const clip = await lib.service.import(request);

    expect(clip).toMatchObject({ taskId, prompt: 'Made elsewhere' });
    expect(clip.id).toMatch(CLIP_ID_PATTERN);
    expect(
      (await lib.service.listRemote()).tasks.find((task) => task.taskId === taskId),
    ).toMatchObject({ inLibrary: true });
    expect(await lib.service.import(request)).toEqual(clip);
  });
});
