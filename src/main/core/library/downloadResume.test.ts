import { readdir, readFile, stat } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryFs } from './libraryFs';
import { nodeLibraryFs } from './nodeLibraryFs';
import {
  countingFetch,
  savedFor,
  sha256,
  sha256OfUrl,
  until,
  useDownloadFixture,
} from '../../../../test/support/libraryTestKit';
import { stringMatching } from '../../../../test/support/matchers';

const PAD = 600_000;
const fx = useDownloadFixture(PAD);

describe('resumable downloads', () => {
  it('resumes a download cut at a random byte, with Range and If-Range, to the exact original', async () => {
    const cdn = countingFetch();
    const lib = await fx.library({ cdnFetch: cdn.fetch });
    const source = await fx.finished();
    const original = await sha256OfUrl(source.resultUrl);
    const cutAt = 1 + Math.floor(Math.random() * (PAD - 2));
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: cutAt });

    lib.downloads.enqueue(source);
    const saved = await fx.saved(lib, source);

    expect(saved).toMatchObject({ clipId: source.taskId });
    const files = fx.landed(source);
    expect(sha256(await readFile(files.mp4)), `cut at ${cutAt}`).toBe(original);
    const resumed = cdn.requests.find((request) => request.headers.Range);
    expect(resumed?.headers.Range, `cut at ${cutAt}`).toMatch(/^bytes=[1-9]\d*-$/);
    expect(Number(/\d+/.exec(resumed?.headers.Range ?? '')?.[0])).toBeLessThanOrEqual(cutAt);
    expect(resumed?.headers['If-Range']).toMatch(/^".+"$/);
    expect(resumed?.status).toBe(206);
    expect((await stat(files.jpg)).size).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(files.json, 'utf8'))).toMatchObject({
      version: 1,
      taskId: source.taskId,
    });
    expect((await readdir(fx.folder)).filter((name) => name.includes('.part'))).toEqual([]);
    const last = lib.listener.of('progress').at(-1);
    expect(last).toMatchObject({ received: PAD, total: PAD });
  });

  it('starts over cleanly when the file changed on the CDN (new ETag), never splicing', async () => {
    const cdn = countingFetch();
    const lib = await fx.library({ cdnFetch: cdn.fetch });
    const source = await fx.finished();
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 200_000 });
    lib.downloads.enqueue(source);
    await until(lib, (event) => event.kind === 'progress');
    await new Promise((resolve) => setTimeout(resolve, 20));
    fx.sim.setPadBytes(PAD + 12_345);
    const changed = await sha256OfUrl(source.resultUrl);

    await fx.saved(lib, source);

    const conditional = cdn.requests.find((request) => request.headers['If-Range']);
    expect(conditional?.status).toBe(200);
    const bytes = await readFile(fx.landed(source).mp4);
    expect(bytes.length).toBe(PAD + 12_345);
    expect(sha256(bytes)).toBe(changed);
  });

  it('resumes from the .part left by a previous run, fetching only the rest', async () => {
    const first = countingFetch();
    const before = await fx.library({ cdnFetch: first.fetch });
    const source = await fx.finished();
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 400_000 });
    before.downloads.enqueue(source);
    await until(before, (event) => event.kind === 'progress');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await before.close();
    expect(before.listener.of('saved')).toEqual([]);
    const partSize = (await stat(`${fx.landed(source).mp4}.part`)).size;
    expect(partSize).toBeGreaterThan(0);

    const second = countingFetch();
    const after = await fx.library({ cdnFetch: second.fetch });
    after.downloads.enqueue(source);
    await fx.saved(after, source);

    const videoRequest = second.requests.find((request) => request.url.includes('.mp4'));
    expect(videoRequest?.headers.Range).toBe(`bytes=${partSize}-`);
    expect(second.bytes()).toBeLessThan(PAD);
    expect(sha256(await readFile(fx.landed(source).mp4))).toBe(await sha256OfUrl(source.resultUrl));
  });

  it('pauses on a full disk keeping the .part, then resumes to a correct file', async () => {
    let room = 250_000;
    const fullDisk: LibraryFs = {
      ...nodeLibraryFs,
      async openWrite(path, options) {
        const file = await nodeLibraryFs.openWrite(path, options);
        return {
          ...file,
          write: async (bytes) => {
            if (bytes.byteLength > room) {
              await file.write(bytes.subarray(0, room));
              room = 0;
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
                code: 'ENOSPC',
              });
            }
            room -= bytes.byteLength;
            await file.write(bytes);
          },
        };
      },
    };
    const cdn = countingFetch();
    const lib = await fx.library({
      fs: fullDisk,
      cdnFetch: cdn.fetch,
      downloads: { diskFullRetryMs: 30_000 },
    });
    const source = await fx.finished();
    const original = await sha256OfUrl(source.resultUrl);

    lib.downloads.enqueue(source);
    await until(lib, (event) => event.kind === 'paused');

    expect(lib.listener.of('paused')).toEqual([{ kind: 'paused', reason: stringMatching(/full/) }]);
    const part = `${fx.landed(source).mp4}.part`;
    expect((await stat(part)).size).toBe(250_000);
    // Still full: no retry loop, one quiet try when the timer is up, the part untouched.
    const requests = cdn.requests.length;
    await lib.clock.advance(10_000);
    expect(cdn.requests.length).toBe(requests);
    await lib.clock.advance(20_000);
    await vi.waitFor(() => expect(cdn.requests.length).toBe(requests + 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lib.listener.of('paused')).toHaveLength(1);
    expect((await stat(part)).size).toBe(250_000);

    // Space freed, and the user says so: it resumes at once, without waiting for the timer.
    room = Number.POSITIVE_INFINITY;
    lib.downloads.resume();
    await lib.listener.until(savedFor(source));
    expect(lib.listener.of('paused').at(-1)).toEqual({ kind: 'paused', reason: null });
    expect(cdn.requests.at(-2)?.headers.Range).toBe('bytes=250000-');
    expect(sha256(await readFile(fx.landed(source).mp4))).toBe(original);
  });
});
