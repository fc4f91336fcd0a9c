import { createServer } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { discard, DownloadError, isNoSpace } from './downloader';
import type { LibraryFs } from './libraryFs';
import { nodeLibraryFs } from './nodeLibraryFs';
import { rewriting, usePartDownload } from '../../../../test/support/partDownloadKit';

// The body of the CDN's answer on its way to the disk: how many bytes make a whole file, when
// they are written, and what a failure of the disk or the network is called.
const failed = (failure: string, message: string) => ({ name: 'DownloadError', failure, message });

describe('downloadPart: the body', () => {
  const fx = usePartDownload();

  it('throws away a body longer than announced', async () => {
    const { bytes } = await fx.original();
    const n = bytes.length;
    const cdn = rewriting(() => ({
      headers: { 'content-length': String(n - 10) },
      body: (all) => all,
    }));
    await expect(fx.download({ fetch: cdn.fetch }).done).rejects.toMatchObject(
      failed('transient', 'The CDN sent more bytes than announced; starting again'),
    );
    await expect(stat(fx.part)).rejects.toThrow();
  });

  it.each([
    ['no Content-Length', null],
    ['a Content-Length ending in text', '5x'],
    ['a Content-Length starting with text', 'x5'],
  ])('with %s, takes the body as the whole file and reports no total', async (_, length) => {
    const { bytes } = await fx.original();
    const cdn = rewriting(() => ({ headers: { 'content-length': length }, body: (all) => all }));
    const { done, progress } = fx.download({ fetch: cdn.fetch });

    await expect(done).resolves.toBe(bytes.length);

    expect(progress.at(-1)).toEqual([bytes.length, null]);
    expect(progress.every(([, total]) => total === null)).toBe(true);
    expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
  });

  it('closes the part file whether the download ends well or not', async () => {
    const { bytes } = await fx.original();
    let open = 0;
    const counting: LibraryFs = {
      ...nodeLibraryFs,
      async openWrite(path, options) {
        const file = await nodeLibraryFs.openWrite(path, options);
        open += 1;
        return { ...file, close: () => ((open -= 1), file.close()) };
      },
    };
    await expect(fx.download({ fs: counting }).done).resolves.toBe(bytes.length);
    expect(open).toBe(0);

    await discard(nodeLibraryFs, fx.part);
    const cut = rewriting(() => ({
      headers: { 'content-length': String(bytes.length * 2) },
      body: (all) => all,
    }));
    await expect(fx.download({ fs: counting, fetch: cut.fetch }).done).rejects.toThrow();
    expect(open).toBe(0);
  });

  it('checks the part on disk before calling it whole: a write that did not land is no clip', async () => {
    const { bytes } = await fx.original();
    const lossy: LibraryFs = {
      ...nodeLibraryFs,
      async openWrite(path, options) {
        const file = await nodeLibraryFs.openWrite(path, options);
        // The last byte of each write is lost.
        const short = (chunks: readonly Uint8Array[]) =>
          chunks.map((chunk, i) =>
            i === chunks.length - 1 ? chunk.subarray(0, chunk.byteLength - 1) : chunk,
          );
        return { ...file, write: (chunks) => file.write(short(chunks)) };
      },
    };
    const error: unknown = await fx.download({ fs: lossy }).done.catch((e: unknown) => e);
    const onDisk = (await stat(fx.part)).size;
    expect(onDisk).toBeLessThan(bytes.length);
    expect(error).toMatchObject(
      failed('transient', `clip.mp4.part has ${onDisk} bytes, expected ${bytes.length}`),
    );
  });

  it('calls a part that vanished before the check no clip either', async () => {
    const { bytes } = await fx.original();
    const vanishing: LibraryFs = { ...nodeLibraryFs, stat: () => Promise.resolve(null) };
    await expect(fx.download({ fs: vanishing }).done).rejects.toMatchObject(
      failed('transient', `clip.mp4.part has 0 bytes, expected ${bytes.length}`),
    );
  });
});

describe('downloadPart: failures, in the user’s words', () => {
  const fx = usePartDownload();
  const failingOpen = (error: unknown): LibraryFs => ({
    ...nodeLibraryFs,
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the port may fail with anything; that is what is tested
    openWrite: () => Promise.reject(error),
  });
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

  it.each(['ENOSPC', 'EDQUOT'])('calls %s a full disk (pause, keep the part)', async (code) => {
    const error = coded(code, `${code}: no room`);
    expect(isNoSpace(error)).toBe(true);
    expect(isNoSpace(new DownloadError('no-space', 'The disk is full'))).toBe(true);
    expect(isNoSpace(new DownloadError('transient', 'HTTP 500'))).toBe(false);
    await expect(fx.download({ fs: failingOpen(error) }).done).rejects.toMatchObject(
      failed('no-space', 'The disk is full'),
    );
  });

  it('names any other disk failure with the file name only, never the folder', async () => {
    const error = coded('EACCES', 'EACCES: permission denied');
    expect(isNoSpace(error)).toBe(false);
    const failure: unknown = await fx
      .download({ fs: failingOpen(error) })
      .done.catch((e: unknown) => e);
    expect(failure).toMatchObject(
      failed('transient', 'Download of clip.mp4.part failed: EACCES: permission denied'),
    );
    expect(String((failure as Error).message)).not.toContain(fx.folder);
  });

  it('names a failure that is not an Error by what it says', async () => {
    await expect(fx.download({ fs: failingOpen('the disk went away') }).done).rejects.toMatchObject(
      failed('transient', 'Download of clip.mp4.part failed: the disk went away'),
    );
  });

  it('names a refused connection with its cause', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    await expect(
      fx.download({ url: `http://127.0.0.1:${port}/clip.mp4` }).done,
    ).rejects.toMatchObject(
      failed(
        'transient',
        `Download of clip.mp4.part failed: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`,
      ),
    );
  });
});

describe('downloadPart: a large file', () => {
  const MiB = 1 << 20;
  const fx = usePartDownload(2.5 * MiB);

  it('is written about a megabyte at a time, its progress reported as it lands', async () => {
    const { bytes } = await fx.original();
    const { done, progress } = fx.download();

    await expect(done).resolves.toBe(bytes.length);

    const landed = progress.map(([received]) => received);
    expect(landed.length).toBeGreaterThanOrEqual(3);
    expect(landed.at(-1)).toBe(bytes.length);
    landed.slice(0, -1).forEach((received, i) => {
      expect(received - (landed[i - 1] ?? 0)).toBeGreaterThanOrEqual(MiB);
    });
    expect(new Uint8Array(await readFile(fx.part))).toEqual(bytes);
  });
});
