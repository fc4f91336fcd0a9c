import { readdir, rename, rm, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { taskStatus } from '../../../../test/support/testSimulator';
import { ManualClock } from '../clock';
import type { TimerHandle } from '../ports';
import { purgedMessage } from './expiry';
import {
  finishedSource,
  savedFor,
  until,
  useDownloadFixture,
  type TestLibrary,
} from '../../../../test/support/libraryTestKit';
import type { ClipSource } from './types';
import { stringMatching } from '../../../../test/support/matchers';

const PAD = 600_000;
const fx = useDownloadFixture(PAD);

const DAY = 86_400_000;
const expiredFor = (source: ClipSource) => (event: { kind: string; jobId?: string }) =>
  event.kind === 'expired' && event.jobId === source.jobId;
const requests = (route: string) => fx.sim.log.filter((entry) => entry.route === route).length;

/** The queue's clock, telling when a timer is set (the expiry's, a retry's). */
class WatchedClock extends ManualClock {
  private waiters: (() => void)[] = [];
  private readonly delays: number[] = [];

  override setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = super.setTimeout(callback, ms);
    this.delays.push(ms);
    for (const wake of this.waiters.splice(0)) wake();
    return handle;
  }

  /** Resolves once a timer of `ms` has been set (real I/O, the clock standing still). */
  async whenSet(ms: number): Promise<void> {
    while (!this.delays.includes(ms))
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function advanceTo(lib: TestLibrary, at: number): Promise<void> {
  await lib.clock.advance(Math.max(0, at - lib.clock.now()));
}

/** `expires_at` is a clock: after it the link is dead, whatever the status call says. */
describe('a download at its expiry', () => {
  it('gives up at expires_at though the status call still says completed', async () => {
    fx.sim.configure({ statusAfterExpiry: 'completed' });
    const source = await finishedSource(fx.sim);
    await fx.sim.clock.advance(DAY);
    expect(await taskStatus(fx.sim, source.taskId)).toMatchObject({ status: 'completed' });
    const lib = await fx.library();
    const [cdnBefore, getBefore] = [requests('cdn'), requests('get')];

    lib.downloads.enqueue(source);
    const expired = await until(lib, expiredFor(source));

    expect(expired).toMatchObject({ message: purgedMessage(source.expiresAt ?? 0) });
    expect(purgedMessage(source.expiresAt ?? 0)).toBe(
      'The provider purged this clip at 2026-01-02 00:00 UTC before it could be saved',
    );
    // Not one fetch of the dead link, nor a renewal that would hand back the same one.
    expect([requests('cdn'), requests('get')]).toEqual([cdnBefore, getBefore]);
    expect(await readdir(fx.folder)).toEqual([]);
    expect(lib.listener.of('saved')).toEqual([]);
  });

  it('stops a download in flight when expires_at passes, removing its part', async () => {
    fx.sim.configure({ statusAfterExpiry: 'completed' });
    const lib = await fx.library();
    const source = await finishedSource(fx.sim);
    // Half the video arrives, then the resumed request hangs until expiry comes.
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 200_000 });
    fx.sim.faults.next('cdn', { kind: 'hang' });
    const part = `${fx.landed(source).mp4}.part`;

    lib.downloads.enqueue(source);
    await until(lib, () => requests('cdn') >= 2);
    // Written before the first half's bytes, so before the resumed request went out.
    expect(await exists(`${part}.meta`)).toBe(true);
    expect((await stat(part)).size).toBeGreaterThan(0);

    await fx.sim.clock.advance(DAY);
    await advanceTo(lib, source.expiresAt ?? 0);
    const expired = await until(lib, expiredFor(source));

    expect(expired).toMatchObject({ message: stringMatching(/^The provider purged/) });
    expect(await readdir(fx.folder)).toEqual([]);
    expect(requests('cdn')).toBe(2);
  });

  it('stops a download waiting to retry when expires_at passes, without fetching again', async () => {
    const clock = new WatchedClock(fx.sim.clock.now());
    const retryMs = 20 * 60_000;
    const lib = await fx.library({
      clock,
      downloads: { retryBaseMs: retryMs, retryMaxMs: retryMs },
    });
    const fresh = await finishedSource(fx.sim);
    // The CDN would still serve it: only the clock says the result is gone.
    const source = { ...fresh, expiresAt: lib.clock.now() + 10 * 60_000 };
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 200_000 });
    const waiting = lib.clock.pending();

    lib.downloads.enqueue(source);
    // The retry's timer, once the cut download failed (beside it waits the expiry's; the
    // attempt's stall timer went with the attempt).
    await clock.whenSet(retryMs);
    expect(lib.clock.pending()).toBe(waiting + 2);
    expect(await exists(`${fx.landed(source).mp4}.part`)).toBe(true);

    await lib.clock.advance(10 * 60_000);
    await lib.listener.until(expiredFor(source));

    expect(await readdir(fx.folder)).toEqual([]);
    expect([requests('cdn'), requests('get')]).toEqual([1, 1]);
    expect(lib.clock.pending()).toBe(waiting);
  });

  it('still renews a refused link before expires_at', async () => {
    const lib = await fx.library();
    const good = await finishedSource(fx.sim);
    const source = { ...good, resultUrl: good.resultUrl.replace(/sig=[^&]+/, 'sig=forged') };
    const getBefore = requests('get');

    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));

    expect(requests('get')).toBe(getBefore + 1);
  });

  it('saves a clip whose video was already in place at expiry, fetching nothing', async () => {
    const first = await fx.library();
    const source = await finishedSource(fx.sim);
    first.downloads.enqueue(source);
    await until(first, savedFor(source));
    await first.close();
    // As if the app died after the video's rename, before the poster and the sidecar.
    const { jpg, json } = fx.landed(source);
    await rename(jpg, `${jpg}.part`);
    await rm(json);
    await fx.sim.clock.advance(DAY);
    const cdnBefore = requests('cdn');

    const lib = await fx.library();
    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));

    expect(requests('cdn')).toBe(cdnBefore);
    expect(lib.folder.entry(source.taskId)?.clip.hasPoster).toBe(false);
    expect((await readdir(fx.folder)).some((name) => name.endsWith('.part'))).toBe(false);
  });
});
