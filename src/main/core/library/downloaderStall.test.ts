import { readFile, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { sha256 } from '../../../../test/support/libraryTestKit';
import { usePartDownload } from '../../../../test/support/partDownloadKit';
import { startStallingCdn, type StallingCdn } from '../../../../test/support/stallingCdn';

// A body that stops arriving: one in ~235 downloads hung forever this way, holding a slot.
// Silence on the network for 30 s (the clock's) ends the attempt; what arrived stays on disk
// for the next attempt to resume after.
const MiB = 1 << 20;
const failed = (failure: string, message: string) => ({ name: 'DownloadError', failure, message });
const STALLED = 'The CDN sent nothing for 30 s; the download resumes from what arrived';

/** A promise and whether it has settled yet. */
function watch<T>(promise: Promise<T>) {
  const state = { settled: false, outcome: promise.catch((error: unknown) => error) };
  void state.outcome.then(() => (state.settled = true));
  return state;
}

describe('downloadPart: a body that stalls', () => {
  const fx = usePartDownload(3 * MiB);
  let cdn: StallingCdn;
  beforeEach(async () => {
    cdn = await startStallingCdn(new URL(fx.url).origin);
  });
  afterEach(() => cdn.close());

  it('gives up after 30 s without a byte, keeps what arrived, and the next attempt resumes after it', async () => {
    const { bytes } = await fx.original();
    const clock = new ManualClock();
    const url = cdn.through(fx.url);
    let landed: () => void = () => {};
    const firstWrite = new Promise<void>((resolve) => (landed = resolve));
    cdn.stallNext(1.5 * MiB);

    const attempt = watch(fx.download({ url, clock, onProgress: () => landed() }).done);
    await cdn.stalled();
    await firstWrite;
    await clock.advance(29_999);
    expect(attempt.settled).toBe(false);
    await clock.advance(1);

    expect(await attempt.outcome).toMatchObject(failed('transient', STALLED));
    const kept = (await stat(fx.part)).size;
    expect(kept).toBeGreaterThanOrEqual(MiB);
    expect(kept).toBeLessThanOrEqual(1.5 * MiB);
    expect(sha256(await readFile(fx.part))).toBe(sha256(bytes.subarray(0, kept)));

    await expect(fx.download({ url, clock }).done).resolves.toBe(bytes.length);
    expect(cdn.ranges).toEqual([null, `bytes=${kept}-`]);
    expect(sha256(await readFile(fx.part))).toBe(sha256(bytes));
  });

  it('gives up on an answer whose headers never come, after 30 s', async () => {
    const clock = new ManualClock();
    let asked: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (asked = resolve));
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        asked();
      });
    const attempt = watch(fx.download({ fetch: never, clock }).done);
    await waiting;
    await clock.advance(29_999);
    expect(attempt.settled).toBe(false);
    await clock.advance(1);
    expect(await attempt.outcome).toMatchObject(failed('transient', STALLED));
    expect(clock.pending()).toBe(0);
  });

  it('counts silence, not the length of the download: bytes every 20 s keep it going', async () => {
    const { bytes } = await fx.original();
    const clock = new ManualClock();
    let push: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => void (push = controller),
    });
    const slow: typeof fetch = () =>
      Promise.resolve(
        new Response(body, {
          headers: { 'content-length': String(bytes.length), etag: '"slow"' },
        }),
      );
    const attempt = watch(fx.download({ fetch: slow, clock }).done);
    const thirds = [0, 1, 2].map((i) =>
      bytes.subarray((i * bytes.length) / 3, ((i + 1) * bytes.length) / 3),
    );
    for (const third of thirds) {
      await clock.advance(20_000);
      push?.enqueue(third);
    }
    push?.close();

    expect(await attempt.outcome).toBe(bytes.length);
    expect(sha256(await readFile(fx.part))).toBe(sha256(bytes));
    expect(clock.pending()).toBe(0);
  });
});

describe('downloadPart: the request', () => {
  const fx = usePartDownload();

  it('asks for the file itself: no HTTP cache (it would store every clip twice), no credentials', async () => {
    const asked: (RequestInit | undefined)[] = [];
    const recording: typeof fetch = (input, init) => (asked.push(init), fetch(input, init));
    await fx.download({ fetch: recording }).done;
    expect(asked).toEqual([
      expect.objectContaining({ cache: 'no-store', credentials: 'omit', redirect: 'follow' }),
    ]);
  });
});
