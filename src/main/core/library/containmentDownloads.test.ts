import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileBlobStore } from '../stores/fileBlobStore';
import {
  finishedSource,
  savedFor,
  sha256,
  sha256OfUrl,
  until,
  useDownloadFixture,
} from '../../../../test/support/libraryTestKit';
import { stringMatching } from '../../../../test/support/matchers';

/**
 * Issue 12: links planted in the library folder must not lead a download's writes, or a
 * command's reads, to a file outside it. Real symlinks, the simulator over real HTTP.
 */
const fx = useDownloadFixture(50_000);
const VICTIM = 'a file of the user, outside the library';

async function victimFile(): Promise<string> {
  const victim = join(fx.folder, '..', 'victim.txt');
  await mkdir(fx.folder, { recursive: true });
  writeFileSync(victim, VICTIM);
  return victim;
}

describe('downloads and reads next to links', () => {
  it('a .part that is a link is replaced, never written through', async () => {
    const victim = await victimFile();
    const source = await finishedSource(fx.sim);
    const files = fx.landed(source);
    symlinkSync(victim, `${files.mp4}.part`);
    symlinkSync(victim, `${files.mp4}.part.meta`);
    const lib = await fx.library();

    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));

    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
    expect(lstatSync(files.mp4).isSymbolicLink()).toBe(false);
    expect(sha256(await readFile(files.mp4))).toBe(await sha256OfUrl(source.resultUrl));
  });

  it('a sidecar written atomically replaces a link at its temporary name, not its target', async () => {
    const victim = await victimFile();
    const source = await finishedSource(fx.sim);
    const files = fx.landed(source);
    symlinkSync(victim, `${files.json}.tmp`);
    const lib = await fx.library();

    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));

    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
    expect(lstatSync(files.json).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toMatchObject({ taskId: source.taskId });
  });

  it('a remix refuses an input image that links outside the library', async () => {
    const victim = await victimFile();
    const blobs = new FileBlobStore(join(fx.folder, '..', 'blobs'));
    const blobId = await blobs.put(new Uint8Array([137, 80, 78, 71]));
    const source = await finishedSource(fx.sim);
    source.request = {
      ...source.request,
      mode: 'image',
      inputImages: [{ blobId, mime: 'image/png' }],
    };
    const lib = await fx.library();
    lib.downloads.enqueue(source);
    const saved = await until(lib, savedFor(source));
    const clipId = saved.kind === 'saved' ? saved.clipId : '';
    const { name } = await lib.service.get({ clipId });
    const image = join(fx.folder, `${name}.input-1.png`);
    await rm(image);
    symlinkSync(victim, image);

    const refused = lib.service.inputImage({ clipId, index: 0 });
    await expect(refused).rejects.toMatchObject({
      code: 'forbidden',
      message: stringMatching(/outside the library folder/),
    });
  });
});
