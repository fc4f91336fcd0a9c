import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { metaFile } from './downloader';
import { rewriting, usePartDownload, type Rewrite } from '../../../../test/support/partDownloadKit';

// One file from the CDN into its `.part`, against the simulator: what each answer of the CDN
// makes of the part. A clip is only ever as good as the proof that it is whole and one file.
const fx = usePartDownload();

async function seed(bytes: Uint8Array, meta?: Record<string, unknown>): Promise<void> {
  await writeFile(fx.part, bytes);
  if (meta) await writeFile(metaFile(fx.part), JSON.stringify(meta));
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const failed = (failure: string, message: string) => ({ name: 'DownloadError', failure, message });

describe('downloadPart: the answer of the CDN', () => {
  it.each(['file:///etc/passwd', 'xhttp://cdn.example/clip.mp4', 'not a url'])(
    'gives up on a result URL that is not http(s) (%s) as gone, fetching nothing',
    async (url) => {
      const cdn = rewriting();
      await expect(fx.download({ url, fetch: cdn.fetch }).done).rejects.toMatchObject(
        failed('gone', 'The result URL is not an http(s) URL'),
      );
      expect(cdn.requests).toEqual([]);
    },
  );

  it.each([
    [401, 'forbidden', 'The CDN refused the download (HTTP 401)'],
    [403, 'forbidden', 'The CDN refused the download (HTTP 403)'],
    [404, 'gone', 'The CDN no longer has the file (HTTP 404)'],
    [410, 'gone', 'The CDN no longer has the file (HTTP 410)'],
    [500, 'transient', 'The CDN answered HTTP 500'],
  ])('takes HTTP %i as %s, writing nothing', async (status, failure, message) => {
    fx.sim.faults.next('cdn', { kind: 'status', status });
    await expect(fx.download().done).rejects.toMatchObject(failed(failure, message));
    expect(await exists(fx.part)).toBe(false);
  });

  it('asks for the whole file, uncompressed, when there is no part (an old meta aside)', async () => {
    const { bytes, etag } = await fx.original();
    await writeFile(metaFile(fx.part), JSON.stringify({ validator: etag, total: bytes.length }));
    const cdn = rewriting();

    await expect(fx.download({ fetch: cdn.fetch }).done).resolves.toBe(bytes.length);

    expect(cdn.requests.map((request) => request.headers)).toEqual([
      { 'Accept-Encoding': 'identity' },
    ]);
    expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
  });

  it.each([
    ['no meta', undefined],
    ['a meta whose validator is not text', { validator: 5, total: 5 }],
  ])(
    'starts a part of unknown origin (%s) again from the first byte, overwriting it',
    async (_, meta) => {
      const { bytes } = await fx.original();
      await seed(new Uint8Array(bytes.length + 1000).fill(7), meta);
      const cdn = rewriting();

      await expect(fx.download({ fetch: cdn.fetch }).done).resolves.toBe(bytes.length);

      expect(cdn.requests[0]?.headers).not.toHaveProperty('Range');
      expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
    },
  );

  it.each([
    ['half of it', 0.5],
    ['all but its last byte', 1],
  ])('resumes a part holding %s with Range and If-Range, to the exact file', async (_, cut) => {
    const { bytes, etag } = await fx.original();
    const have = cut === 1 ? bytes.length - 1 : Math.floor(bytes.length * cut);
    await seed(bytes.subarray(0, have), { validator: etag, total: bytes.length });
    const cdn = rewriting();
    const { done, progress } = fx.download({ fetch: cdn.fetch });

    await expect(done).resolves.toBe(bytes.length);

    expect(cdn.requests).toMatchObject([
      { headers: { Range: `bytes=${have}-`, 'If-Range': etag }, status: 206 },
    ]);
    expect(progress.at(-1)).toEqual([bytes.length, bytes.length]);
    expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
  });

  describe('a 206 that does not continue the part is never spliced onto it', () => {
    const half = (size: number) => Math.floor(size / 2);
    const cases: [string, (size: number) => Rewrite][] = [
      ['another ETag', () => ({ headers: { etag: '"another-version"' } })],
      [
        'the file from its first byte',
        () => ({ requestHeaders: (h) => ({ ...h, Range: 'bytes=0-' }) }),
      ],
      ['no Content-Range', () => ({ headers: { 'content-range': null } })],
      [
        'a range past the end',
        (n) => ({ headers: { 'content-range': `bytes ${half(n)}-${n}/${n}` } }),
      ],
      [
        'a range ending before it starts',
        (n) => ({ headers: { 'content-range': `bytes ${half(n)}-${half(n) - 1}/${n}` } }),
      ],
      [
        'a range with text before it',
        (n) => ({ headers: { 'content-range': `xbytes ${half(n)}-${n - 1}/${n}` } }),
      ],
      [
        'a range with text after it',
        (n) => ({ headers: { 'content-range': `bytes ${half(n)}-${n - 1}/${n}x` } }),
      ],
    ];

    it.each(cases)(
      '%s: the part is removed and the next try gets the exact file',
      async (_, rewrite) => {
        const { bytes, etag } = await fx.original();
        await seed(bytes.subarray(0, half(bytes.length)), { validator: etag, total: bytes.length });
        const cdn = rewriting((call) => (call === 0 ? rewrite(bytes.length) : null));

        await expect(fx.download({ fetch: cdn.fetch }).done).rejects.toMatchObject(
          failed('transient', 'The CDN answered a different range than asked; starting again'),
        );
        expect(await exists(fx.part)).toBe(false);
        expect(await exists(metaFile(fx.part))).toBe(false);

        await expect(fx.download({ fetch: cdn.fetch }).done).resolves.toBe(bytes.length);
        expect(cdn.requests[1]?.headers).not.toHaveProperty('Range');
        expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
      },
    );

    it('a 206 to a request that asked for no range is refused as well', async () => {
      const { bytes } = await fx.original();
      const n = bytes.length;
      const cdn = rewriting(() => ({
        status: 206,
        headers: { 'content-range': `bytes 0-${n - 1}/${n}` },
      }));
      await expect(fx.download({ fetch: cdn.fetch }).done).rejects.toMatchObject(
        failed('transient', 'The CDN answered a different range than asked; starting again'),
      );
    });
  });

  describe('a 416 to a resume', () => {
    it('takes a part that is already whole as it is, fetching no byte again', async () => {
      const { bytes, etag } = await fx.original();
      await seed(bytes, { validator: etag, total: bytes.length });
      const cdn = rewriting();

      await expect(fx.download({ fetch: cdn.fetch }).done).resolves.toBe(bytes.length);

      expect(cdn.requests).toMatchObject([
        { headers: { Range: `bytes=${bytes.length}-` }, status: 416 },
      ]);
      expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
    });

    it.each([
      ['longer than the file', 5, 5],
      ['of the right size that was never announced', 0, null],
    ])('starts again from a part %s', async (_, extra, announced) => {
      const { bytes, etag } = await fx.original();
      const have = bytes.length + extra;
      await seed(new Uint8Array(have).fill(1), {
        validator: etag,
        total: announced === null ? null : have,
      });

      await expect(fx.download().done).rejects.toMatchObject(
        failed('transient', 'The partial download no longer matches the file; starting again'),
      );
      expect(await exists(fx.part)).toBe(false);
      expect(await exists(metaFile(fx.part))).toBe(false);
    });

    it.each(['xbytes */N', 'bytes */Nx', null])(
      'starts again when the 416 gives no size it can read (%s)',
      async (range) => {
        const { bytes, etag } = await fx.original();
        const n = bytes.length;
        await seed(bytes, { validator: etag, total: n });
        const value = range?.replace('N', String(n)) ?? null;
        const cdn = rewriting(() => ({ headers: { 'content-range': value } }));

        await expect(fx.download({ fetch: cdn.fetch }).done).rejects.toMatchObject(
          failed('transient', 'The partial download no longer matches the file; starting again'),
        );
        expect(await exists(fx.part)).toBe(false);
      },
    );

    it('never takes bytes of unknown origin as the file, even when a 416 gives their size', async () => {
      const { bytes } = await fx.original();
      const n = bytes.length;
      await seed(new Uint8Array(n).fill(1), { validator: null, total: n });
      const cdn = rewriting(() => ({ status: 416, headers: { 'content-range': `bytes */${n}` } }));

      await expect(fx.download({ fetch: cdn.fetch }).done).rejects.toMatchObject(
        failed('transient', 'The CDN answered HTTP 416'),
      );
      expect(cdn.requests[0]?.headers).not.toHaveProperty('Range');
    });
  });

  it.each([
    ['no ETag', null],
    ['a weak ETag', 'W/"weak"'],
  ])(
    'with %s, a cut download resumes by Last-Modified and never sends the ETag',
    async (_, etag) => {
      const { bytes, lastModified } = await fx.original();
      const n = bytes.length;
      const have = Math.floor(n / 3);
      const cdn = rewriting((call) => ({
        headers: { etag, ...(call === 0 ? { 'content-length': String(n) } : {}) },
        ...(call === 0 ? { body: (all: Uint8Array) => all.subarray(0, have) } : {}),
      }));

      await expect(fx.download({ fetch: cdn.fetch }).done).rejects.toMatchObject(
        failed('transient', `The connection closed after ${have} of ${n} bytes`),
      );
      expect((await stat(fx.part)).size).toBe(have);

      await expect(fx.download({ fetch: cdn.fetch }).done).resolves.toBe(n);
      expect(cdn.requests[1]).toMatchObject({
        headers: { Range: `bytes=${have}-`, 'If-Range': lastModified },
        status: 206,
      });
      expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
    },
  );
});
