import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageRef } from '../../../shared/jobs';
import { jobInputPath } from '../../../shared/jobMedia';
import { tempDir } from '../../../../test/support/libraryTestKit';
import { FileBlobStore } from '../stores/fileBlobStore';
import { withJobMedia } from './jobMedia';
import type { MediaHandler } from './mediaHandler';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
let dir: { path: string; remove(): Promise<void> };
let handle: MediaHandler;
let library: string[];

beforeEach(async () => {
  dir = await tempDir();
  const blobs = new FileBlobStore(join(dir.path, 'inputs'));
  const blobId = await blobs.put(png);
  const jobs: Record<string, ImageRef[]> = {
    job_a: [
      { blobId, mime: 'image/png' },
      { url: 'https://example.com/b.png' },
      { blobId: 'f'.repeat(64), mime: 'image/webp' },
    ],
  };
  writeFileSync(join(dir.path, 'secret.txt'), 'outside');
  library = [];
  const next: MediaHandler = (request) => {
    library.push(new URL(request.url).pathname);
    return Promise.resolve(new Response('library', { status: 299 }));
  };
  handle = withJobMedia(next, {
    mount: '/media',
    inputImagesOf: (id) => jobs[id],
    blobs,
  });
});

afterEach(async () => {
  await dir.remove();
});

const get = (path: string, method = 'GET') =>
  handle(new Request(`http://127.0.0.1/media${path}`, { method }));

describe('a job input image on the media route', () => {
  it("serves a job's stored image with its type, nosniff and no caching", async () => {
    const answer = await get(jobInputPath('job_a', 0));
    expect(answer.status).toBe(200);
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(png);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-length')).toBe(String(png.length));
    const head = await get(jobInputPath('job_a', 0), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('refuses an unknown job, a bad index, a link and a swept image', async () => {
    expect((await get('/job/job_gone/input-0')).status).toBe(404);
    expect((await get('/job/job_a/input-3')).status).toBe(404);
    expect((await get('/job/job_a/input-8')).status).toBe(404);
    expect((await get('/job/job_a/input--1')).status).toBe(404);
    expect((await get('/job/job_a/poster')).status).toBe(404);
    expect((await get('/job/job_a/input-1')).status).toBe(404);
    expect((await get('/job/job_a/input-2')).status).toBe(404);
    expect((await get('/job/job_a/input-0/more')).status).toBe(404);
    expect((await get('/job/job_a/input-0', 'POST')).status).toBe(405);
  });

  it('lets no path from the request reach the disk', async () => {
    for (const path of [
      '/job/..%2f..%2fsecret.txt/input-0',
      '/job/job_a%2f..%2f/input-0',
      '/job/job_a/input-0%00',
      '/job/job_a\\..\\secret.txt/input-0',
    ]) {
      const answer = await get(path);
      expect([400, 404]).toContain(answer.status);
      expect(await answer.text()).not.toContain('outside');
    }
    expect((await get('/job/a.b/input-0')).status).toBe(404);
    // A URL's own dots (plain or encoded) are resolved before the route is seen: what is left
    // is not the job route, and goes to the library's handler, which refuses it by its rules.
    expect((await get('/job/../../secret.txt')).status).toBe(299);
    expect((await get('/job/%2e%2e/input-0')).status).toBe(299);
    expect(library).toEqual(['/secret.txt', '/media/input-0']);
  });

  it("leaves the library's URLs to the library's handler", async () => {
    expect((await get('/vid_1/poster')).status).toBe(299);
    expect((await get('/job')).status).toBe(299);
    expect(library).toEqual(['/media/vid_1/poster', '/media/job']);
  });
});
