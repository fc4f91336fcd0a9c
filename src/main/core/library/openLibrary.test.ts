import { readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countingFetch, useDownloadFixture } from '../../../../test/support/libraryTestKit';
import { testSidecar } from '../../../../test/support/testSidecar';
import { SCAN_BATCH } from './scan';
import { serializeSidecar } from './sidecar';

const fx = useDownloadFixture(20_000);

describe('a library whose index is being built', () => {
  it('never downloads again a clip already on disk under another name, found by the build after open', async () => {
    const first = await fx.library();
    const source = await fx.finished();
    first.downloads.enqueue(source);
    const { clipId } = (await fx.saved(first, source)) as { clipId: string };
    await first.close();
    // The user renamed the clip's files; a large library is indexed in several batches.
    const landed = fx.landed(source);
    for (const [from, ext] of [
      [landed.mp4, 'mp4'],
      [landed.jpg, 'jpg'],
      [landed.json, 'json'],
    ])
      await rename(from!, join(fx.folder, `zz-renamed.${ext}`));
    for (let n = 0; n < SCAN_BATCH + 100; n++) {
      const base = join(fx.folder, `clip-${String(n).padStart(5, '0')}`);
      await writeFile(`${base}.mp4`, 'mp4');
      await writeFile(`${base}.json`, serializeSidecar(testSidecar(n)));
    }

    const cdn = countingFetch();
    // No stored index: this start builds it in the background.
    const lib = await fx.library({ cdnFetch: cdn.fetch, waitForIndex: false });
    expect(lib.folder.building).toBe(true);
    lib.downloads.enqueue(source);
    const saved = await fx.saved(lib, source);

    expect(saved).toMatchObject({ jobId: source.jobId, clipId });
    expect(cdn.requests).toEqual([]);
    expect(lib.folder.index.size).toBe(SCAN_BATCH + 101);
    const names = await readdir(fx.folder);
    expect(names.filter((name) => name.startsWith('zz-renamed'))).toHaveLength(3);
    expect(names.filter((name) => landed.mp4.endsWith(name))).toEqual([]);
  }, 60_000);
});
