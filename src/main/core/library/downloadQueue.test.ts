import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestSimulators, startTestSimulator } from '../../../simulator/testSupport';
import type { Simulator } from '../../../simulator';
import {
  countingFetch,
  filesOf,
  finishedSource,
  openTestLibrary,
  savedFor,
  sha256,
  sha256OfUrl,
  tempDir,
  until,
  type TestLibrary,
} from './libraryTestKit';
import type { ClipSource } from './types';

const PAD = 600_000;
let sim: Simulator;
let dir: { path: string; remove(): Promise<void> };
let folder: string;
const open: TestLibrary[] = [];

beforeEach(async () => {
  sim = await startTestSimulator({ padBytes: PAD });
  dir = await tempDir();
  folder = join(dir.path, 'library');
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((lib) => lib.close()));
  await closeTestSimulators();
  await dir.remove();
});

const landed = (source: ClipSource) => filesOf(folder, source);

async function library(options: Parameters<typeof openTestLibrary>[2] = {}): Promise<TestLibrary> {
  const lib = await openTestLibrary(sim, folder, { downloads: { concurrency: 2 }, ...options });
  open.push(lib);
  return lib;
}

describe('the download queue', () => {
  it('never sends an Authorization header (or the API key) to the CDN', async () => {
    const lib = await library();
    const source = await finishedSource(sim);
    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));
    const cdnRequests = sim.log.filter((entry) => entry.route === 'cdn');
    expect(cdnRequests.length).toBeGreaterThanOrEqual(2);
    expect(cdnRequests.every((entry) => !entry.authorized)).toBe(true);
  });

  it('renews a refused link (403) through the API and completes with the new URL', async () => {
    const cdn = countingFetch();
    const lib = await library({ cdnFetch: cdn.fetch });
    const good = await finishedSource(sim);
    const source = { ...good, resultUrl: good.resultUrl.replace(/sig=[^&]+/, 'sig=forged') };
    const statusCalls = () => sim.log.filter((entry) => entry.route === 'get').length;
    const before = statusCalls();

    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));

    expect(cdn.requests[0]).toMatchObject({ status: 403 });
    expect(statusCalls()).toBe(before + 1);
    const renewed = cdn.requests.find(
      (request) => request.url.includes('.mp4') && request.status === 200,
    );
    expect(renewed?.url).not.toContain('sig=forged');
    expect(sha256(await readFile(landed(source).mp4))).toBe(await sha256OfUrl(good.resultUrl));
  });

  it('reports a task that expired before its download as expired, promoting nothing', async () => {
    const lib = await library();
    const source = await finishedSource(sim);
    sim.expireTask(source.taskId);

    lib.downloads.enqueue(source);
    const expired = await until(lib, (event) => event.kind === 'expired');

    expect(expired).toMatchObject({
      jobId: source.jobId,
      message: expect.stringMatching(/expired/),
    });
    expect(await readdir(folder)).toEqual([]);
    expect(lib.folder.index.size).toBe(0);
    expect(lib.listener.of('saved')).toEqual([]);
  });

  it('downloads the earliest expiry first, a few at a time, and each job once', async () => {
    const cdn = countingFetch();
    const lib = await library({ cdnFetch: cdn.fetch });
    const sources = [];
    for (const [index, hours] of [20, 3, 12, 1].entries()) {
      const source = await finishedSource(sim, { prompt: `Clip number ${index}` });
      sources.push({ ...source, expiresAt: sim.clock.now() + hours * 3_600_000 });
    }
    for (const source of sources) lib.downloads.enqueue(source);
    lib.downloads.enqueue(sources[0] as ClipSource);
    for (const source of sources) await until(lib, savedFor(source));

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
      String(input).includes('.jpg?')
        ? new Response('<Error/>', { status: 500 })
        : cdn.fetch(input, init);
    const lib = await library({ cdnFetch: posterless });
    const source = await finishedSource(sim);

    lib.downloads.enqueue(source);
    const saved = await until(lib, savedFor(source));

    expect(lib.folder.entry(source.taskId)?.clip.hasPoster).toBe(false);
    expect(saved).toMatchObject({ clipId: source.taskId });
    expect((await readdir(folder)).sort()).toEqual(
      [landed(source).json, landed(source).mp4].map((path) => path.slice(folder.length + 1)).sort(),
    );
  });

  it('promotes a part that was complete when the app stopped, without fetching it again', async () => {
    const first = await library();
    const source = await finishedSource(sim);
    first.downloads.enqueue(source);
    await until(first, savedFor(source));
    await first.close();
    // As if the app died after the fsync and before the rename.
    const { mp4, json } = landed(source);
    await rename(mp4, `${mp4}.part`);
    const etag = (await fetch(source.resultUrl, { method: 'HEAD' })).headers.get('etag');
    await writeFile(`${mp4}.part.meta`, JSON.stringify({ validator: etag, total: PAD }));
    await rm(json);

    const cdn = countingFetch();
    const lib = await library({ cdnFetch: cdn.fetch });
    lib.downloads.enqueue(source);
    await until(lib, savedFor(source));

    const videoRequests = cdn.requests.filter((request) => request.url.includes('.mp4'));
    expect(videoRequests).toHaveLength(1);
    expect(videoRequests[0]).toMatchObject({
      status: 416,
      headers: { Range: `bytes=${PAD}-` },
    });
    expect(sha256(await readFile(mp4))).toBe(await sha256OfUrl(source.resultUrl));
  });
});
