import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMediaDir } from './media';
import {
  closeTestSimulators,
  completedTask,
  startTestSimulator,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

const sample = (name: string) => readFileSync(join(defaultMediaDir, name));

async function ready(ratio = '9:16') {
  const sim = await startTestSimulator();
  const task = await completedTask(sim, { model: 'kling-1', aspect_ratio: ratio });
  return { sim, video: task.result_url as string, poster: task.thumbnail_url as string };
}

describe('CDN downloads', () => {
  it.each([
    ['16:9', '16x9'],
    ['9:16', '9x16'],
    ['1:1', '1x1'],
  ])('serves the %s clip and poster with validators and no key', async (ratio, file) => {
    const { sim, video, poster } = await ready(ratio);
    const response = await fetch(video);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-0"$/);
    expect(Date.parse(response.headers.get('last-modified') ?? '')).toBeLessThanOrEqual(
      sim.clock.now(),
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sample(`${file}.mp4`));

    const image = await fetch(poster);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(sample(`${file}.jpg`));
    expect(
      sim.log
        .filter((e) => e.route === 'cdn')
        .map((e) => [e.path.slice(-4), e.status, e.authorized]),
    ).toEqual([
      ['.mp4', 200, false],
      ['.jpg', 200, false],
    ]);
  });

  it('serves 4:3 clips from wan', async () => {
    const sim = await startTestSimulator();
    const task = await completedTask(sim, { aspect_ratio: '4:3' });
    expect(Buffer.from(await (await fetch(task.result_url as string)).arrayBuffer())).toEqual(
      sample('4x3.mp4'),
    );
  });

  it('records a request that carried an Authorization header', async () => {
    const { sim, video } = await ready();
    await fetch(video, { headers: { Authorization: `Bearer ${sim.apiKey}` } });
    expect(sim.log.at(-1)).toMatchObject({ route: 'cdn', authorized: true, status: 200 });
  });

  it('answers byte ranges with 206 and Content-Range', async () => {
    const { video } = await ready();
    const file = sample('9x16.mp4');
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 100],
      ['bytes=1000-', 1000, file.length],
      ['bytes=-10', file.length - 10, file.length],
      ['bytes=5-999999999', 5, file.length],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetch(video, { headers: { Range: range } });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(
        `bytes ${start}-${end - 1}/${file.length}`,
      );
      expect(response.headers.get('content-length')).toBe(String(end - start));
      expect(Buffer.from(await response.arrayBuffer())).toEqual(file.subarray(start, end));
    }
  });

  it('answers an unsatisfiable range with 416 and bytes */size', async () => {
    const { video } = await ready();
    const size = sample('9x16.mp4').length;
    for (const range of [`bytes=${size}-`, 'bytes=-0']) {
      const response = await fetch(video, { headers: { Range: range } });
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe(`bytes */${size}`);
    }
  });

  it('honours If-Range: a matching ETag or date gets the range, anything else the whole file', async () => {
    const { video } = await ready();
    const head = await fetch(video, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(sample('9x16.mp4').length));
    const etag = head.headers.get('etag') ?? '';
    const lastModified = head.headers.get('last-modified') ?? '';
    const rangeWith = async (ifRange: string) =>
      (await fetch(video, { headers: { Range: 'bytes=0-9', 'If-Range': ifRange } })).status;
    expect(await rangeWith(etag)).toBe(206);
    expect(await rangeWith(lastModified)).toBe(206);
    expect(await rangeWith('"stale"')).toBe(200);
    expect(await rangeWith(`W/${etag}`)).toBe(200);
    expect(await rangeWith('Thu, 01 Jan 2026 00:00:00 GMT')).toBe(200);
  });

  it('answers If-None-Match with 304', async () => {
    const { video } = await ready();
    const etag = (await fetch(video, { method: 'HEAD' })).headers.get('etag') ?? '';
    expect((await fetch(video, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('CDN signatures', () => {
  const xmlError = async (response: Response) => {
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/xml');
    const text = await response.text();
    expect(text).toMatch(
      /^<\?xml [^>]*\?>\s*<Error><Code>\w+<\/Code><Message>[^<]+<\/Message><\/Error>$/,
    );
    return text;
  };

  it('refuses a missing or wrong signature with an S3-style 403', async () => {
    const { video } = await ready();
    const url = new URL(video);
    expect(await xmlError(await fetch(url.origin + url.pathname))).toContain(
      '<Code>AccessDenied</Code>',
    );
    const wrongSig = new URL(video);
    wrongSig.searchParams.set('sig', '0'.repeat(64));
    expect(await xmlError(await fetch(wrongSig))).toContain('<Code>SignatureDoesNotMatch</Code>');
    const longerLife = new URL(video);
    longerLife.searchParams.set('exp', String(Number(longerLife.searchParams.get('exp')) + 3600));
    expect(await xmlError(await fetch(longerLife))).toContain('<Code>SignatureDoesNotMatch</Code>');
    const otherFile = video.replace('.mp4?', '.jpg?');
    expect(await xmlError(await fetch(otherFile))).toContain('SignatureDoesNotMatch');
  });

  it('refuses an expired URL on the virtual clock, and an expired task’s URL', async () => {
    const { sim, video, poster } = await ready();
    sim.expireTask(new URL(video).pathname.slice(7, -4));
    expect(await xmlError(await fetch(poster))).toContain('<Message>Request has expired</Message>');
    await sim.clock.advance(86_400_000);
    expect(await xmlError(await fetch(video))).toContain('<Message>Request has expired</Message>');
  });

  it('serves only signed paths of the video folder', async () => {
    const { sim } = await ready();
    expect((await fetch(`${sim.cdnBase}/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${sim.cdnBase}/video/x.mp4`, { method: 'DELETE' })).status).toBe(405);
  });
});
