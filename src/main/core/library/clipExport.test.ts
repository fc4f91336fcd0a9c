import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EXPORT_BYTES } from './clipExport';
import {
  openTestLibrary,
  tempDir,
  type TestLibrary,
} from '../../../../test/support/libraryTestKit';
import { seedLibrary } from '../../../../test/support/seedLibrary';
import { closeTestSimulators, startTestSimulator } from '../../../../test/support/testSimulator';
import type { Simulator } from '../../../simulator';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

let sim: Simulator;
let dir: { path: string; remove(): Promise<void> };
let folder: string;
let lib: TestLibrary;
const opened: TestLibrary[] = [];

beforeEach(async () => {
  sim = await startTestSimulator();
  dir = await tempDir();
  folder = join(dir.path, 'library');
  seedLibrary(folder, [
    { taskId: 'vid_1', prompt: 'A lighthouse at dusk', favourite: true },
    { taskId: 'vid_2', prompt: 'A fox in snow' },
    { taskId: 'vid_3', prompt: 'Left at home' },
  ]);
  lib = await openTestLibrary(sim, folder);
  opened.push(lib);
});

afterEach(async () => {
  for (const library of opened.splice(0)) await library.close();
  await closeTestSimulators();
  await dir.remove();
});

/** Unzips an export into a new folder and opens that folder as a library. */
async function openExport(dataBase64: string): Promise<{ other: TestLibrary; files: string[] }> {
  const entries = unzipSync(Buffer.from(dataBase64, 'base64'));
  const target = join(dir.path, 'elsewhere');
  mkdirSync(target);
  for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(target, name), bytes);
  const other = await openTestLibrary(sim, target);
  opened.push(other);
  return { other, files: Object.keys(entries).sort() };
}

describe('exporting clips', () => {
  it('is a ZIP of each clip’s files, named as in the library, that opens as the same clips', async () => {
    await lib.service.tag({ clipId: 'vid_2', tags: ['winter'] });
    const still = await lib.service.saveFrame({
      clipId: 'vid_2',
      atSeconds: 1.5,
      pngBase64: PNG.toString('base64'),
    });
    const exported = await lib.service.export({ clipIds: ['vid_1', 'vid_2', 'vid_1'] });
    expect(exported).toMatchObject({ clipCount: 2, missing: 0 });
    expect(exported.fileName).toMatch(/^airframe-2-clips-\d{4}-\d\d-\d\d\.zip$/);

    const { other, files } = await openExport(exported.dataBase64);
    const names = (await readdir(folder)).filter((f) => !f.includes('left-at-home')).sort();
    expect(files).toEqual(names);
    for (const name of files)
      expect(await readFile(join(other.folder.folder, name))).toEqual(
        await readFile(join(folder, name)),
      );

    const { clips } = await other.service.search({
      sort: 'date',
      order: 'asc',
      offset: 0,
      limit: 10,
    });
    const original = await lib.service.search({ sort: 'date', order: 'asc', offset: 0, limit: 10 });
    expect(clips).toEqual(original.clips.filter((c) => c.id !== 'vid_3'));
    expect(clips.map((c) => [c.prompt, c.favourite, c.tags])).toEqual([
      ['A lighthouse at dusk', true, []],
      ['A fox in snow', false, ['winter']],
    ]);
    const fox = await other.service.get({ clipId: 'vid_2' });
    expect(fox.frames).toEqual([still.frame]);
    expect(fox.hasPoster).toBe(true);
    expect(other.folder.warnings).toEqual([]);
  });

  it('names one clip’s export after the clip, and counts clips no longer in the library', async () => {
    const { name } = await lib.service.get({ clipId: 'vid_1' });
    const one = await lib.service.export({ clipIds: ['vid_1', 'vid_gone'] });
    expect(one).toMatchObject({ fileName: `${name}.zip`, clipCount: 1, missing: 1 });
    await expect(lib.service.export({ clipIds: ['vid_gone'] })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses, before reading anything, an export larger than one answer can carry', async () => {
    const { name } = await lib.service.get({ clipId: 'vid_1' });
    // A sparse file: as large as it says, without taking the disk.
    await truncate(join(folder, `${name}.mp4`), MAX_EXPORT_BYTES + 1);
    await expect(lib.service.export({ clipIds: ['vid_1'] })).rejects.toMatchObject({
      code: 'conflict',
      message: stringContaining('300 MB'),
    });
  });
});

function stringContaining(text: string) {
  return expect.stringContaining(text) as unknown as string;
}
