import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  countingFetch,
  sha256,
  sha256OfUrl,
  until,
  useDownloadFixture,
} from '../../../../test/support/libraryTestKit';
import type { ClipSource } from './types';
import { stringMatching } from '../../../../test/support/matchers';

const PAD = 600_000;
const fx = useDownloadFixture(PAD);

describe('the download queue', () => {
  it('never sends an Authorization header (or the API key) to the CDN', async () => {
    const lib = await fx.library();
    const source = await fx.finished();
    lib.downloads.enqueue(source);
    await fx.saved(lib, source);
    const cdnRequests = fx.sim.log.filter((entry) => entry.route === 'cdn');
    expect(cdnRequests.length).toBeGreaterThanOrEqual(2);
    expect(cdnRequests.every((entry) => !entry.authorized)).toBe(true);
  });

  it('renews a refused link (403) through the API and completes with the new URL', async () => {
    const cdn = countingFetch();
    const lib = await fx.library({ cdnFetch: cdn.fetch });
    const good = await fx.finished();
    const source = { ...good, resultUrl: good.resultUrl.replace(/sig=[^&]+/, 'sig=forged') };
    const statusCalls = () => fx.sim.log.filter((entry) => entry.route === 'get').length;
    const before = statusCalls();

    lib.downloads.enqueue(source);
    await fx.saved(lib, source);

    expect(cdn.requests[0]).toMatchObject({ status: 403 });
    expect(statusCalls()).toBe(before + 1);
    const renewed = cdn.requests.find(
      (request) => request.url.includes('.mp4') && request.status === 200,
    );
    expect(renewed?.url).not.toContain('sig=forged');
    expect(sha256(await readFile(fx.landed(source).mp4))).toBe(await sha256OfUrl(good.resultUrl));
  });

  it('renews a result URL that is not a URL at all, instead of retrying it', async () => {
    const lib = await fx.library();
    const good = await fx.finished();
    const source = { ...good, resultUrl: 'cdn.api.airforce/video/x.mp4 (signed)' };

    lib.downloads.enqueue(source);
    await fx.saved(lib, source);

    expect(sha256(await readFile(fx.landed(source).mp4))).toBe(await sha256OfUrl(good.resultUrl));
  });

  it('reports a task that expired before its download as expired, promoting nothing', async () => {
    const lib = await fx.library();
    const source = await fx.finished();
    fx.sim.expireTask(source.taskId);

    lib.downloads.enqueue(source);
    const expired = await until(lib, (event) => event.kind === 'expired');

    expect(expired).toMatchObject({
      jobId: source.jobId,
      message: stringMatching(/expired/),
    });
    expect(await readdir(fx.folder)).toEqual([]);
    expect(lib.folder.index.size).toBe(0);
    expect(lib.listener.of('saved')).toEqual([]);
  });

  it('downloads the earliest expiry first, a few at a time, and each job once', async () => {
    const cdn = countingFetch();
    const lib = await fx.library({ cdnFetch: cdn.fetch });
    const sources = [];
    for (const [index, hours] of [20, 3, 12, 1].entries()) {
      const source = await fx.finished({ prompt: `Clip number ${index}` });
      sources.push({ ...source, expiresAt: fx.sim.clock.now() + hours * 3_600_000 });
    }
    for (const source of sources) lib.downloads.enqueue(source);
    lib.downloads.enqueue(sources[0] as ClipSource);
    for (const source of sources) await fx.saved(lib, source);

    const firstTwo = cdn.requests
      .slice(0, 2)
      .map((request) => /vid_[A-Za-z0-9]+/.exec(request.url)?.[0]);
    expect(new Set(firstTwo)).toEqual(new Set([sources[3]?.taskId, sources[1]?.taskId]));
    expect(lib.listener.of('saved')).toHaveLength(4);
    expect(lib.folder.index.size).toBe(4);
  });
  it('saves the clip without a poster when the poster cannot be had', async () => {
    const cdn = countingFetch();
    const posterless: typeof fetch = async (input, init) =>
      (input instanceof Request ? input.url : input.toString()).includes('.jpg?')
        ? new Response('<Error/>', { status: 500 })
        : cdn.fetch(input, init);
    const lib = await fx.library({ cdnFetch: posterless });
    const source = await fx.finished();

    lib.downloads.enqueue(source);
    const saved = await fx.saved(lib, source);

    expect(lib.folder.entry(source.taskId)?.clip.hasPoster).toBe(false);
    expect(saved).toMatchObject({ clipId: source.taskId });
    expect((await readdir(fx.folder)).sort()).toEqual(
      [fx.landed(source).json, fx.landed(source).mp4]
        .map((path) => path.slice(fx.folder.length + 1))
        .sort(),
    );
  });

  it('promotes a part that was complete when the app stopped, without fetching it again', async () => {
    const first = await fx.library();
    const source = await fx.finished();
    first.downloads.enqueue(source);
    await fx.saved(first, source);
    await first.close();
    // As if the app died after the fsync and before the rename.
    const { mp4, json } = fx.landed(source);
    await rename(mp4, `${mp4}.part`);
    const etag = (await fetch(source.resultUrl, { method: 'HEAD' })).headers.get('etag');
    await writeFile(`${mp4}.part.meta`, JSON.stringify({ validator: etag, total: PAD }));
    await rm(json);

    const cdn = countingFetch();
    const lib = await fx.library({ cdnFetch: cdn.fetch });
    lib.downloads.enqueue(source);
    await fx.saved(lib, source);

    const videoRequests = cdn.requests.filter((request) => request.url.includes('.mp4'));
    expect(videoRequests).toHaveLength(1);
    expect(videoRequests[0]).toMatchObject({
      status: 416,
      headers: { Range: `bytes=${PAD}-` },
    });
    expect(sha256(await readFile(mp4))).toBe(await sha256OfUrl(source.resultUrl));
  });
});
