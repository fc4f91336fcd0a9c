import { readdir, rename, rm, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { taskStatus } from '../../../../test/support/testSimulator';
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

/** Waits (real I/O, the clock standing still) until `test` holds. */
async function settled(test: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('Timed out waiting for a condition');
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
    await settled(() => exists(`${part}.meta`));
    expect((await stat(part)).size).toBeGreaterThan(0);

    await fx.sim.clock.advance(DAY);
    await advanceTo(lib, source.expiresAt ?? 0);
    const expired = await until(lib, expiredFor(source));

    expect(expired).toMatchObject({ message: stringMatching(/^The provider purged/) });
    expect(await readdir(fx.folder)).toEqual([]);
    expect(requests('cdn')).toBe(2);
  });

  it('stops a download waiting to retry when expires_at passes, without fetching again', async () => {
    const lib = await fx.library({ downloads: { retryBaseMs: 20 * 60_000 } });
    const fresh = await finishedSource(fx.sim);
    // The CDN would still serve it: only the clock says the result is gone.
    const source = { ...fresh, expiresAt: lib.clock.now() + 10 * 60_000 };
    fx.sim.faults.next('cdn', { kind: 'cut', afterBytes: 200_000 });
    const waiting = lib.clock.pending();

    lib.downloads.enqueue(source);
    // The expiry timer, then the retry's once the cut download failed.
    await settled(() => lib.clock.pending() >= waiting + 2);
    expect(await exists(`${fx.landed(source).mp4}.part`)).toBe(true);

    await lib.clock.advance(10 * 60_000);
    await settled(() => lib.listener.events.some(expiredFor(source)));

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
