import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../ports';
import { sweepInputImages, unreferencedBlobs } from './inputImageSweep';

const id = (c: string) => c.repeat(64);
const job = (...blobIds: string[]) => ({
  request: {
    inputImages: [
      ...blobIds.map((blobId) => ({ blobId, mime: 'image/png' as const })),
      { url: 'https://example.com/a.png' },
    ],
  },
});

describe('unreferencedBlobs', () => {
  it('returns only the stored ids no job and no set-aside row mentions', () => {
    const stored = [id('a'), id('b'), id('c'), id('d')];
    const kept = {
      records: [job(id('a')), job(id('a'), id('b'))],
      setAside: [`{"x":"${id('C')}"}`],
    };
    expect(unreferencedBlobs(stored, kept)).toEqual([id('d')]);
  });

  it('keeps everything when nothing is stored and deletes all when no job refers to any', () => {
    expect(unreferencedBlobs([], { records: [job(id('a'))] })).toEqual([]);
    expect(unreferencedBlobs([id('a')], { records: [] })).toEqual([id('a')]);
  });
});

function fakeBlobs(ids: string[], failing: { list?: boolean; delete?: string } = {}) {
  const stored = new Set(ids);
  const blobs: BlobStore = {
    put: () => Promise.reject(new Error('unused')),
    get: () => Promise.reject(new Error('unused')),
    has: (blobId) => Promise.resolve(stored.has(blobId)),
    delete: (blobId) => {
      if (blobId === failing.delete) return Promise.reject(new Error('EPERM'));
      stored.delete(blobId);
      return Promise.resolve();
    },
    list: () => (failing.list ? Promise.reject(new Error('EACCES')) : Promise.resolve([...stored])),
  };
  return { blobs, stored };
}

describe('sweepInputImages', () => {
  it('goes on past a delete that fails and logs it', async () => {
    const { blobs, stored } = fakeBlobs([id('a'), id('b'), id('c')], { delete: id('b') });
    const logged: string[] = [];
    const removed = await sweepInputImages(blobs, { records: [job(id('a'))] }, (m) =>
      logged.push(m),
    );
    expect(removed).toBe(1);
    expect([...stored].sort()).toEqual([id('a'), id('b')]);
    expect(logged).toEqual([`Could not remove the unused input image ${id('b')}`]);
  });

  it('removes nothing and does not throw when the images cannot be listed', async () => {
    const { blobs, stored } = fakeBlobs([id('a')], { list: true });
    const logged: string[] = [];
    expect(await sweepInputImages(blobs, { records: [] }, (m) => logged.push(m))).toBe(0);
    expect([...stored]).toEqual([id('a')]);
    expect(logged).toHaveLength(1);
  });
});
