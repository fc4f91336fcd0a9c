import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { LibraryFolder } from './libraryFolder';
import { nodeLibraryFs } from './nodeLibraryFs';
import { tempDir } from '../../../../test/support/libraryTestKit';
import { createMediaHandler, type MediaHandler } from './mediaHandler';
import { serializeSidecar } from './sidecar';

const SIZE = 1000;
const video = Uint8Array.from({ length: SIZE }, (_, i) => i % 251);
let dir: { path: string; remove(): Promise<void> };
let library: LibraryFolder;
let handle: MediaHandler;

beforeEach(async () => {
  dir = await tempDir();
  const folder = join(dir.path, 'lib');
  mkdirSync(folder);
  const sidecar = {
    version: 1,
    taskId: 'vid_Clip01',
    prompt: 'p',
    model: 'm',
    mode: 'text',
    createdAt: '2026-01-01T00:00:00Z',
  };
  writeFileSync(join(folder, 'clip.mp4'), video);
  writeFileSync(join(folder, 'clip.jpg'), 'jpeg bytes');
  // Its input images: a file of its own, a link, and a name that is another clip's video.
  const inputImages = [
    { file: 'clip.input-1.png', mime: 'image/png' },
    { url: 'https://example.com/a.png' },
    { file: 'bare.mp4', mime: 'image/png' },
  ];
  writeFileSync(join(folder, 'clip.input-1.png'), 'png bytes');
  writeFileSync(join(folder, 'clip.json'), serializeSidecar({ ...sidecar, inputImages } as never));
  writeFileSync(join(folder, 'bare.mp4'), video);
  writeFileSync(
    join(folder, 'bare.json'),
    serializeSidecar({ ...sidecar, taskId: 'vid_Bare' } as never),
  );
  writeFileSync(join(dir.path, 'secret.txt'), 'outside the library');
  library = new LibraryFolder({
    folder,
    fs: nodeLibraryFs,
    clock: new ManualClock(),
    onChange: () => {},
  });
  await library.open();
  // The index is built in the background: these tests look at it once it is.
  await library.reconciled();
  handle = createMediaHandler(library, { mount: '/clip' });
});

afterEach(async () => {
  await library.close();
  await dir.remove();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  handle(new Request(`http://127.0.0.1${path}`, { method, headers }));

async function bytes(response: Response): Promise<number[]> {
  return [...new Uint8Array(await response.arrayBuffer())];
}

describe('the clip media handler', () => {
  it('serves the whole video with the headers a <video> element needs', async () => {
    const response = await get('/clip/vid_Clip01/video');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'content-length': String(SIZE),
      'x-content-type-options': 'nosniff',
    });
    expect(await bytes(response)).toEqual([...video]);
  });

  it('serves the poster as JPEG, and 404 for a clip without one', async () => {
    const poster = await get('/clip/vid_Clip01/poster');
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    expect(await poster.text()).toBe('jpeg bytes');
    expect((await get('/clip/vid_Bare/poster')).status).toBe(404);
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=100-199', 100, 199],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=500-99999', 500, 999],
    ['bytes=999-999', 999, 999],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await get('/clip/vid_Clip01/video', { Range: range });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(await bytes(response)).toEqual([...video.subarray(start, end + 1)]);
  });

  it.each([
    'bytes=1000-',
    'bytes=5000-6000',
    'bytes=-0',
    'bytes=9-3',
    'bytes=abc',
    'bytes=-',
    'items=0-9',
    'bytes=0-1-2',
    'bytes 0-9',
  ])('refuses %s with 416 and the size', async (range) => {
    const response = await get('/clip/vid_Clip01/video', { Range: range });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${SIZE}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an input image its sidecar names next to the clip (a remix’s thumbnail)', async () => {
    const image = await get('/clip/vid_Clip01/input-0');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(await image.text()).toBe('png bytes');
    // A link is no file; another clip's file, an index past the sidecar's or no index is none.
    for (const kind of ['input-1', 'input-2', 'input-3', 'input-8', 'input-', 'input-01'])
      expect((await get(`/clip/vid_Clip01/${kind}`)).status, kind).toBe(404);
  });

  it('answers several ranges with the whole file, and HEAD without a body', async () => {
    const many = await get('/clip/vid_Clip01/video', { Range: 'bytes=0-1, 5-6' });
    expect(many.status).toBe(200);
    expect(await bytes(many)).toHaveLength(SIZE);
    const head = await get('/clip/vid_Clip01/video', { Range: 'bytes=0-9' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect(await head.text()).toBe('');
    expect((await get('/clip/vid_Clip01/video', {}, 'POST')).status).toBe(405);
  });

  it.each([
    ['/clip/..%2f..%2fsecret.txt/video', 400],
    ['/clip/vid_Clip01%2f..%2f..%2fsecret.txt/video', 400],
    ['/clip/%2e%2e/%2e%2e/secret.txt', 404],
    ['/clip/vid_Clip01/..%2f..%2fsecret.txt', 400],
    ['/clip/..\\..\\secret.txt/video', 404], // http URLs read a backslash as a slash, then resolve `..`
    ['/clip/vid_Clip01/video%00', 400],
    ['/clip//etc/passwd', 404],
    ['/clip/etc/passwd', 404],
    ['/clip/vid_Clip01/../../secret.txt', 404],
    ['/clip/clip.mp4/video', 404],
    ['/clip/vid_Clip01/video/extra', 404],
    ['/clip/vid_Unknown/video', 404],
    ['/clip/vid_Clip01/sidecar', 404],
    ['/secret.txt', 404],
  ])('never reaches a file outside the library: %s → %i', async (path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('outside the library');
  });

  it('mounts under clip://media/<clipId>/… in Electron', async () => {
    const electron = createMediaHandler(library);
    const response = await electron(
      new Request('clip://media/vid_Clip01/video', { headers: { Range: 'bytes=-1' } }),
    );
    expect(response.status).toBe(206);
    expect(await bytes(response)).toEqual([video[SIZE - 1]]);
    for (const path of [
      '..\\..\\secret.txt/video',
      '..%2f..%2fsecret.txt/video',
      '../../secret.txt',
    ]) {
      expect(
        (await electron(new Request(`clip://media/${path}`))).status,
        path,
      ).toBeGreaterThanOrEqual(400);
    }
  });
});
