import { readdir, readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { TimerHandle } from '../ports';
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
import { startStallingCdn } from '../../../../test/support/stallingCdn';

const PAD = 600_000;
const fx = useDownloadFixture(PAD);

/**
 * The queue's clock, telling when a timer is set: a download that failed sets its retry's,
 * a full disk its quiet try's. Told apart by their delays.
 */
class WatchedClock extends ManualClock {
  private readonly delays: number[] = [];
  private waiters: (() => void)[] = [];

  override setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = super.setTimeout(callback, ms);
    this.delays.push(ms);
    for (const wake of this.waiters.splice(0)) wake();
    return handle;
  }

  /** Resolves once `count` timers of `ms` have been set since the clock was made. */
  async timersOf(ms: number, count = 1): Promise<void> {
    while (this.delays.filter((delay) => delay === ms).length < count)
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

/** A retry's delay no other timer of the queue's has. */
const RETRY_MS = 7_000;
const watched = () => ({
  clock: new WatchedClock(fx.sim.clock.now()),
  downloads: { concurrency: 2, retryBaseMs: RETRY_MS },
});

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
    const { clock, downloads } = watched();
    const lib = await fx.library({ cdnFetch: cdn.fetch, clock, downloads });
    const source = await fx.finished();
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 200_000 });
    lib.downloads.enqueue(source);
    // The cut download has failed, its part kept, and waits to retry: now the file changes.
    await clock.timersOf(RETRY_MS);
    expect(cdn.requests).toHaveLength(1);
    fx.sim.setPadBytes(PAD + 12_345);
    const changed = await sha256OfUrl(source.resultUrl);

    await fx.saved(lib, source);

    const conditional = cdn.requests.find((request) => request.headers['If-Range']);
    expect(conditional?.status).toBe(200);
    const bytes = await readFile(fx.landed(source).mp4);
    expect(bytes.length).toBe(PAD + 12_345);
    expect(sha256(bytes)).toBe(changed);
  });

  it('gives up on a body that stalls (30 s without a byte) and resumes it on the retry', async () => {
    const front = await startStallingCdn(new URL((await fx.finished()).resultUrl).origin);
    try {
      const cdnFetch: typeof fetch = (input, init) =>
        fetch(front.through(input instanceof Request ? input.url : input.toString()), init);
      const lib = await fx.library({ cdnFetch, ...watched() });
      const source = await fx.finished();
      const original = await sha256OfUrl(source.resultUrl);
      front.stallNext(200_000);

      lib.downloads.enqueue(source);
      await front.stalled();
      // The clock moves a second at a time: the stall ends the attempt, the retry resumes it.
      await fx.saved(lib, source);

      expect(sha256(await readFile(fx.landed(source).mp4))).toBe(original);
      expect(front.ranges.slice(0, 2)).toEqual([null, 'bytes=200000-']);
    } finally {
      await front.close();
    }
  });

  it('resumes from the .part left by a previous run, fetching only the rest', async () => {
    const first = countingFetch();
    const { clock, downloads } = watched();
    const before = await fx.library({ cdnFetch: first.fetch, clock, downloads });
    const source = await fx.finished();
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 400_000 });
    before.downloads.enqueue(source);
    // The cut download has failed and waits to retry when this run ends.
    await clock.timersOf(RETRY_MS);
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
          write: async (chunks) => {
            const bytes = Buffer.concat(chunks);
            if (bytes.byteLength > room) {
              await file.write([bytes.subarray(0, room)]);
              room = 0;
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
                code: 'ENOSPC',
              });
            }
            room -= bytes.byteLength;
            await file.write(chunks);
          },
        };
      },
    };
    const cdn = countingFetch();
    const clock = new WatchedClock(fx.sim.clock.now());
    const lib = await fx.library({
      fs: fullDisk,
      cdnFetch: cdn.fetch,
      clock,
      // Not 30 s: that is each attempt's stall timer (downloaderBody.ts), told apart by its delay.
      downloads: { diskFullRetryMs: 45_000 },
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
    await lib.clock.advance(35_000);
    // The quiet try found the disk still full when it set the next one's timer.
    await clock.timersOf(45_000, 2);
    expect(cdn.requests.length).toBe(requests + 1);
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
